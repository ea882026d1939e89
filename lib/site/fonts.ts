import localFont from "next/font/local";

// Local fonts only: this must build and render with no network. A serif for reading, Geist for the interface, both
// variable and cut to the Latin subset (Fontsource's files): the text is English, and the full Geist file was 69 KB
// of a phone's first visit against 29 KB. A character outside the subset is drawn by the metric-matched fallback.
// Only the upright serif and Geist are preloaded: they paint the first screen. Italics (quotes) load on use.
export const serif = localFont({
  src: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
  weight: "200 900",
  style: "normal",
  variable: "--font-serif",
  display: "swap",
  // Its stand-in while it loads is a serif with the same metrics, not next/font's default Arial.
  adjustFontFallback: "Times New Roman",
});

export const serifItalic = localFont({
  src: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
  weight: "200 900",
  style: "italic",
  variable: "--font-serif-italic",
  display: "swap",
  adjustFontFallback: "Times New Roman",
  preload: false,
});

export const sans = localFont({
  src: "../../node_modules/@fontsource-variable/geist/files/geist-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  variable: "--font-geist-sans",
  display: "swap",
});
