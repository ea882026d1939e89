import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { SITE_DESCRIPTION, SITE_NAME, SITE_URL } from "@/lib/site/config";
import { SearchBox } from "@/components/search/search-box";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(SITE_URL),
  title: {
    default: `${SITE_NAME} — US–Israel divergence, traced to the source`,
    template: `%s · ${SITE_NAME}`,
  },
  description: SITE_DESCRIPTION,
  applicationName: SITE_NAME,
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#17181a" },
  ],
};

// Links here and in the pages do not prefetch: on a phone a page's links in view would each fetch and parse a route
// payload while the page is still hydrating, which kept the main thread busy for most of a second under Lighthouse's
// mobile throttling. A click fetches its route then, from the response cache.
export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body>
        <HydrationMark />
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            <Link prefetch={false} href="/" className="site-name">
              Fault<span>lines</span>
            </Link>
            <nav aria-label="Main" className="site-nav">
              <ul>
                <li>
                  <Link prefetch={false} href="/issues">
                    Issues
                  </Link>
                </li>
                <li>
                  <Link prefetch={false} href="/timeline">
                    Timeline
                  </Link>
                </li>
                <li>
                  <Link prefetch={false} href="/matrix">
                    Matrix
                  </Link>
                </li>
                <li>
                  <Link prefetch={false} href="/actors">
                    Actors
                  </Link>
                </li>
                <li>
                  <Link prefetch={false} href="/articles">
                    Sources
                  </Link>
                </li>
              </ul>
            </nav>
            <SearchBox />
          </div>
        </header>
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer-inner">
            <p>
              Faultlines traces every position, event and rating to the words of its source. Ratings are
              assessments, marked as the source&rsquo;s or ours; dates are shown only as precisely as the
              sources allow.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
