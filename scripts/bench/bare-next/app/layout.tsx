// The framework's floor for the benchmark's Lighthouse section: a Next.js page as `create-next-app` leaves it, less
// its fonts and styles. Whatever a Faultlines page scores below this one in the same run is ours to find.
export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <head>
        <meta name="description" content="A bare Next.js page: the benchmark's baseline." />
      </head>
      <body>{children}</body>
    </html>
  );
}
