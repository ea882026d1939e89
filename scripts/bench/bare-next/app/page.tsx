export const metadata = { title: "Bare Next.js page" };

/** Server-rendered text and a list, no client component of its own: only React's and Next's runtime hydrates. */
export default function Page() {
  return (
    <main>
      <h1>A bare Next.js page</h1>
      <p>
        {"A paragraph long enough to be the largest thing painted on a phone's first screen, written once for the " +
          "benchmark and repeated so that it wraps over several lines the way a page's introduction does. ".repeat(
            3,
          )}
      </p>
      <ul>
        {Array.from({ length: 40 }, (_, i) => (
          <li key={i}>Item {i + 1}</li>
        ))}
      </ul>
    </main>
  );
}
