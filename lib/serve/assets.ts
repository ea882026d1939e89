import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Where Next serves a build's hashed assets (scripts, styles, fonts): a file's name changes with its content. */
export const ASSET_PREFIX = "/_next/static/";

/**
 * The build's assets, by the URL path Next serves each at, with its size in bytes; not the brotli forms written
 * beside them. The server caches exactly these paths: a URL is looked up here as it came, so `%32` for `2` or any
 * other spelling of an asset is not a second entry but Next's to answer.
 */
export function listBuildAssets(distDir: string): Map<string, number> {
  const root = path.join(distDir, "static");
  const assets = new Map<string, number>();
  if (!existsSync(root)) return assets;
  // Relative names as strings: Dirent.parentPath needs Node 20.12, and package.json allows 20.9.
  for (const name of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (/\.(br|tmp)$/.test(name)) continue;
    const stat = statSync(path.join(root, name));
    if (!stat.isFile()) continue;
    assets.set(ASSET_PREFIX + name.split(path.sep).join("/"), stat.size);
  }
  return assets;
}

/** An asset's file in the build, from its URL path. */
export function assetFile(distDir: string, urlPath: string): string {
  return path.join(distDir, "static", ...urlPath.slice(ASSET_PREFIX.length).split("/"));
}
