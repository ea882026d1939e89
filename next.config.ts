import type { NextConfig } from "next";
import { appEnv } from "./lib/env";
import { API_CSP, SECURITY_HEADERS } from "./lib/security/csp";

const nextConfig: NextConfig = {
  // The benchmark builds a second copy of the app over a synthetic database into its own folder.
  distDir: appEnv().NEXT_DIST_DIR,
  poweredByHeader: false,
  reactStrictMode: true,
  // Every client gets the page's title and description in the head, before the body, as Next gives the crawlers it
  // knows. Streamed metadata lands in the head or in a hidden part of the body depending on whether it resolved
  // before the shell was sent, so the same URL could answer with different bytes; the response cache (lib/serve)
  // stores one answer per URL for every client, and link previews and screen readers look for the title in the head.
  htmlLimitedBots: /.*/,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Pages get their policy from proxy.ts; data and images get one that lets nothing run.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      { source: "/:path*/opengraph-image", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      // Files at fixed paths that proxy.ts skips.
      {
        source: "/:file(favicon\\.ico|icon\\.svg|robots\\.txt|sitemap\\.xml)",
        headers: [{ key: "Content-Security-Policy", value: API_CSP }],
      },
    ];
  },
};

export default nextConfig;
