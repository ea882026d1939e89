import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { appEnv, CSP_MANIFEST } from "@/lib/env";
import { buildCsp } from "@/lib/security/csp";

// Runs before every route. It turns away request paths that are not valid percent-encoded UTF-8 (Next.js would
// fail decoding the route parameters and answer 500), and sets the Content-Security-Policy for pages: prerendered
// pages get the hashes of their own inline scripts (recorded after the build), pages rendered per request get a
// fresh nonce, which Next.js reads from the request's policy header and puts on its scripts. Neither uses
// 'unsafe-inline' for scripts.

interface Manifest {
  pages: Record<string, string[]>;
  fallback: string[];
}

const dev = process.env.NODE_ENV === "development";
let manifest: Manifest | null = null;

function loadManifest(): Manifest {
  if (manifest) return manifest;
  try {
    // Written after the build, so there is nothing for the bundler to trace here.
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), appEnv().NEXT_DIST_DIR, CSP_MANIFEST);
    manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  } catch {
    // Dev server, or a build made without scripts/build.ts: every page is then treated as per-request.
    manifest = { pages: {}, fallback: [] };
  }
  return manifest;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!isDecodable(pathname)) {
    return new NextResponse("Bad request: the address is not valid percent-encoded UTF-8.\n", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  // Data and images keep the policy next.config.ts gives them, which lets nothing run.
  if (
    pathname.startsWith("/api/") ||
    pathname.endsWith("/opengraph-image") ||
    request.headers.has("next-router-prefetch")
  )
    return NextResponse.next();

  const { pages, fallback } = loadManifest();
  // A prerendered page is served as built whatever its query string, so it is recognised by path alone.
  const hashes = pages[pathname.replace(/\/+$/, "") || "/"];
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

// Skipped where nothing here applies: Next's own assets, and the files at fixed paths that are no pages (always
// decodable; next.config.ts gives them a policy that lets nothing run). The rest of the path must end there, so an
// unknown path that merely starts like one still gets the not-found page's policy.
export const config = {
  matcher: ["/((?!_next/static/|_next/image|(?:favicon\\.ico|icon\\.svg|robots\\.txt|sitemap\\.xml)$).*)"],
};
