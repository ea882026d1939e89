// After `next build`: the SHA-256 of every inline script in every prerendered page, by URL path, so the proxy can
// send each static page a Content-Security-Policy that allows exactly its own inline scripts.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CSP_MANIFEST } from "../../lib/env";

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    if (match[1]) hashes.add(`sha256-${createHash("sha256").update(match[1], "utf8").digest("base64")}`);
  }
  return [...hashes];
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith(".html") ? [full] : [];
  });
}

/** Writes <distDir>/faultlines-csp.json: { pages: { "/issues/x": [hashes] }, fallback: [hashes of the 404 page] }. */
export function writeCspManifest(distDir: string): number {
  const root = path.join(distDir, "server", "app");
  const pages: Record<string, string[]> = {};
  let fallback: string[] = [];
  for (const file of htmlFiles(root)) {
    const rel = path
      .relative(root, file)
      .split(path.sep)
      .join("/")
      .replace(/\.html$/, "");
    const hashes = inlineScriptHashes(readFileSync(file, "utf8"));
    if (rel === "_not-found") fallback = hashes;
    if (rel.startsWith("_")) continue;
    pages[rel === "index" ? "/" : `/${rel}`] = hashes;
  }
  writeFileSync(path.join(distDir, CSP_MANIFEST), JSON.stringify({ pages, fallback }));
  return Object.keys(pages).length;
}
