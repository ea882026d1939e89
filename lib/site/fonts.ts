import { GeistSans } from "geist/font/sans";
import localFont from "next/font/local";

// Local fonts only: this must build and render with no network. A serif for reading, Geist for the interface.
// Only the upright serif and Geist are preloaded: they paint the first screen. Italics (quotes) load on use.
export const serif = localFont({
  src: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
  weight: "200 900",
  style: "normal",
  variable: "--font-serif",
  display: "swap",
});

export const serifItalic = localFont({
  src: "../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
  weight: "200 900",
  style: "italic",
  variable: "--font-serif-italic",
  display: "swap",
  preload: false,
});

export const sans = GeistSans;
