import type { NextConfig } from "next";
import { appEnv } from "./lib/env";
import { API_CSP, SECURITY_HEADERS } from "./lib/security/csp";

const nextConfig: NextConfig = {
  // The benchmark builds a second copy of the app over a synthetic database into its own folder.
  distDir: appEnv().NEXT_DIST_DIR,
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Pages get their policy from proxy.ts; data and images get one that lets nothing run.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      { source: "/:path*/opengraph-image", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
