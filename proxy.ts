import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { buildCsp } from "@/lib/security/csp.mjs";

// Content-Security-Policy for pages. Prerendered pages get the hashes of their own inline scripts (recorded after
// the build); pages rendered per request get a fresh nonce, which Next.js reads from the request's policy header
// and puts on its scripts. Neither uses 'unsafe-inline' for scripts.

interface Manifest {
  pages: Record<string, string[]>;
  fallback: string[];
}

const dev = process.env.NODE_ENV === "development";
let manifest: Manifest | null = null;

function loadManifest(): Manifest {
  if (manifest) return manifest;
  try {
    const dist = process.env.NEXT_DIST_DIR || ".next";
    manifest = JSON.parse(
      readFileSync(path.join(process.cwd(), dist, "faultlines-csp.json"), "utf8"),
    ) as Manifest;
  } catch {
    // Dev server, or a build made without scripts/build.mjs: every page is then treated as per-request.
    manifest = { pages: {}, fallback: [] };
  }
  return manifest;
}

export function proxy(request: NextRequest) {
  const { pages, fallback } = loadManifest();
  const pathname = request.nextUrl.pathname.replace(/\/+$/, "") || "/";
  const hashes = pages[pathname];
  // A prerendered page is served as built whatever its query string, so it is recognised by path alone.
  if (hashes) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", buildCsp({ hashes, dev }));
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // The not-found page is prerendered too: its hashes let it run when an unknown path falls back to it.
  const policy = buildCsp({ nonce, hashes: fallback, dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
