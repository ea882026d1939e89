import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The benchmark builds a second copy of the app over a synthetic database into its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
