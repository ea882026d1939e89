import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { LRUCache } from "lru-cache";
import next from "next";
import { CSP_MANIFEST } from "@/lib/env";
import { canonicalQuery } from "@/lib/url-state/canonical";
import { nonceToHashes, policyNonce, withoutNonceParams } from "./csp";
import { deferHydration } from "./hydrate";
import { ASSET_PREFIX, assetFile, listBuildAssets } from "./assets";
import { loopbackGet } from "./loopback";
import { chooseEncoding, compress, precompressedPath, type Bodies } from "./encoding";

// The production server: Next.js behind a response cache. The snapshot the app reads never changes while it runs, so
// a page is a pure function of its URL. Each view rendered per request (lib/url-state/canonical.ts) and each
// prerendered page is rendered once per canonical URL, stored with its compressed forms in an LRU bounded in bytes,
// and answered from memory after that, with an ETag derived from the snapshot, the build and the canonical URL.
//
// Why a custom server and not Next's own caches: Next caches data and whole prerendered pages, but a page that reads
// its query string is rendered on every request, and its per-request CSP nonce would make a stored copy unusable.
// Here a miss is rendered by Next through a loopback request to this same server, with none of the client's headers,
// so the stored body depends on the canonical URL alone; its nonce is then replaced by script hashes (./csp.ts).

export interface ServeOptions {
  /** The project folder (next.config.ts, the app build). */
  dir: string;
  port: number;
  hostname: string;
  /** The app build's folder, relative to dir (NEXT_DIST_DIR). */
  distDir: string;
  /** The cache's bound on stored bytes (bodies and headers); 0 renders every request. */
  cacheBytes: number;
}

export interface FaultlinesServer {
  server: Server;
  /** `http://<host>:<port>` once listening. */
  base: string;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
  close(): Promise<void>;
}

interface Stored {
  status: number;
  headers: Record<string, string>;
  bodies: Bodies;
}

/** A header that marks the loopback request of a miss; its value is secret, so a client cannot skip the cache. */
const RENDER_HEADER = "x-faultlines-render";
/** Headers the cache sets itself, or that belong to one connection. */
const NOT_STORED = new Set([
  "cache-control",
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "etag",
  "keep-alive",
  "transfer-encoding",
  "vary",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
]);
/** A browser or CDN may keep an answer a minute and serve it stale while it checks: answers change only on a new
 * snapshot, which comes with a restart. */
const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=86400";
/** Next varies its pages on its router headers; requests carrying them are not cached here (see isRouterRequest). */
const VARY =
  "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
const STATIC_CACHE_CONTROL = "public, max-age=31536000, immutable";
/** Rendered as soon as the server starts. */
const WARM = ["/timeline", "/matrix"];
/** Fixed overhead per entry, for the byte bound: the key, the object, the LRU's bookkeeping. */
const ENTRY_OVERHEAD = 512;

/** Client-side navigation fetches a page's React payload, which depends on the router state the client sends. */
function isRouterRequest(headers: IncomingHttpHeaders, params: URLSearchParams): boolean {
  return (
    headers.rsc !== undefined ||
    headers["next-router-state-tree"] !== undefined ||
    headers["next-router-prefetch"] !== undefined ||
    headers["next-router-segment-prefetch"] !== undefined ||
    params.has("_rsc")
  );
}

/** The prerendered pages of the build, from the CSP manifest written after `next build`. */
function prerenderedPaths(distDir: string): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir, CSP_MANIFEST), "utf8")) as {
      pages: Record<string, unknown>;
    };
    return new Set(Object.keys(manifest.pages));
  } catch {
    return new Set();
  }
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

export async function startFaultlinesServer(options: ServeOptions): Promise<FaultlinesServer> {
  const distDir = path.resolve(options.dir, options.distDir);
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const prerendered = prerenderedPaths(distDir);
  const secret = randomBytes(18).toString("base64url");
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  // One answer may take an eighth of the cache at most, so one large export cannot empty it.
  const maxEntryBytes = Math.floor(options.cacheBytes / 8);
  const assets = listBuildAssets(distDir);
  const cache = new LRUCache<string, Stored>({
    maxSize: Math.max(1, options.cacheBytes),
    maxEntrySize: Math.max(1, maxEntryBytes),
    sizeCalculation: (entry, key) =>
      ENTRY_OVERHEAD +
      key.length +
      entry.bodies.identity.length +
      (entry.bodies.gzip?.length ?? 0) +
      (entry.bodies.br?.length ?? 0) +
      Object.entries(entry.headers).reduce((n, [k, v]) => n + k.length + v.length, 0),
  });
  const inflight = new Map<string, Promise<Stored>>();
  const counts = { hits: 0, misses: 0 };
  let snapshot = "";

  /** An asset's brotli form written by the build (precompressAssets), if there is one. */
  async function precompressed(key: string): Promise<Buffer | undefined> {
    if (!assets.has(key)) return undefined;
    return readFile(precompressedPath(assetFile(distDir, key))).catch(() => undefined);
  }

  /** Renders `key` through Next with a loopback request that carries none of the client's headers. */
  async function render(key: string): Promise<Stored> {
    const { response, body } = await loopbackGet({
      agent,
      host: loopback(),
      port: address.port,
      path: key,
      // A user agent, though no client's: Next puts a page's metadata in the head only for agents that match
      // htmlLimitedBots (next.config.ts) and streams it, placed by timing, for a request without one.
      headers: {
        [RENDER_HEADER]: secret,
        "accept-encoding": "identity",
        host: "localhost",
        "user-agent": "Faultlines response cache",
      },
    });
    return toStored(key, response, body);
  }

  async function toStored(key: string, response: IncomingMessage, raw: Buffer): Promise<Stored> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined || NOT_STORED.has(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    let body = raw;
    const policy = headers["content-security-policy"];
    const nonce = policy ? policyNonce(policy) : null;
    if (policy && nonce) {
      const page = nonceToHashes(raw.toString("utf8"), policy);
      body = Buffer.from(page.html, "utf8");
      headers["content-security-policy"] = page.policy;
      if (headers.link) headers.link = withoutNonceParams(headers.link, nonce);
    }
    // Stored pages start React after their first paint on a wide screen and on first use on a phone (./hydrate.ts).
    // Not an error's: Next's error answer is an empty shell that only its scripts fill.
    const html = headers["content-type"]?.startsWith("text/html");
    if (response.statusCode === 200 && html && headers["content-security-policy"]) {
      const page = deferHydration(body.toString("utf8"), headers["content-security-policy"]);
      body = Buffer.from(page.html, "utf8");
      headers["content-security-policy"] = page.policy;
    }
    return {
      status: response.statusCode ?? 502,
      headers,
      bodies: await compress(body, headers["content-type"], await precompressed(key)),
    };
  }

  /** The stored answer for `key`, rendering it once however many requests ask for it at the same time. */
  async function lookup(key: string): Promise<{ stored: Stored; hit: boolean }> {
    const hit = cache.get(key);
    if (hit) return { stored: hit, hit: true };
    let pending = inflight.get(key);
    if (!pending) {
      pending = render(key).then((stored) => {
        // Only whole successful answers: anything else is rendered again next time. Set-Cookie is per visitor.
        if (options.cacheBytes > 0 && stored.status === 200 && !stored.headers["set-cookie"])
          cache.set(key, stored);
        return stored;
      });
      pending.finally(() => inflight.delete(key)).catch(() => {});
      inflight.set(key, pending);
    }
    return { stored: await pending, hit: false };
  }

  /** The cache key of a request, or null when Next.js answers it directly. */
  function requestKey(req: IncomingMessage): string | null {
    const target = req.url ?? "";
    // Only origin-form targets: `//host/path` would be read as another host's URL.
    if (!target.startsWith("/") || target.startsWith("//")) return null;
    const url = new URL(target, "http://localhost");
    return isRouterRequest(req.headers, url.searchParams) ? null : cacheKey(url.pathname, url.searchParams);
  }

  /**
   * The key of a cacheable request: its path and canonical query, the path alone for a prerendered page, or the path
   * of a build asset. Next serves an asset from disk and gzips it again on every request, so a first visit's ten
   * scripts and styles queued behind one another; stored, each is compressed once (brotli too) and sent from memory.
   */
  function cacheKey(pathname: string, params: URLSearchParams): string | null {
    if (pathname.startsWith(ASSET_PREFIX)) {
      // Exactly the build's files, when the cache can hold one with its two compressed forms (together under twice
      // its size); anything else under the prefix is Next's.
      const size = assets.get(pathname);
      return params.size === 0 && size !== undefined && size <= maxEntryBytes / 2 ? pathname : null;
    }
    const query = canonicalQuery(pathname, params);
    if (query !== null) return query ? `${pathname}?${query}` : pathname;
    return prerendered.has(pathname) ? pathname : null;
  }

  /** Weak: the compressed and plain bodies of one answer share it. */
  function etagFor(key: string): string {
    const id = createHash("sha256").update(`${snapshot}\n${buildId}\n${key}`).digest("base64url");
    return `W/"${id.slice(0, 32)}"`;
  }

  /** This server's own address, for the loopback requests: any interface it listens on will do. */
  function loopback(): string {
    if (address.address === "0.0.0.0" || address.address === "::") return "127.0.0.1";
    return address.address;
  }

  function serverBase() {
    const host = loopback();
    return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  }

  async function serveCached(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    await snapshotRead;
    const etag = etagFor(key);
    const common = key.startsWith(ASSET_PREFIX)
      ? { ETag: etag, "Cache-Control": STATIC_CACHE_CONTROL, Vary: "Accept-Encoding" }
      : { ETag: etag, "Cache-Control": CACHE_CONTROL, Vary: VARY };
    if (matchesEtag(req.headers["if-none-match"], etag)) {
      res.writeHead(304, common).end();
      return;
    }
    const { stored, hit } = await lookup(key);
    counts[hit ? "hits" : "misses"]++;
    const encoding = chooseEncoding(req.headers["accept-encoding"], stored.bodies);
    const body = stored.bodies[encoding]!;
    const ok = stored.status === 200;
    res.writeHead(stored.status, {
      ...stored.headers,
      ...(ok ? common : { "Cache-Control": "no-store", Vary: VARY }),
      ...(encoding === "identity" ? {} : { "Content-Encoding": encoding }),
      "Content-Length": body.length,
      // HIT from memory; MISS rendered and stored; BYPASS rendered and not stored (an error, or no cache).
      "X-Cache": hit ? "HIT" : cache.has(key) ? "MISS" : "BYPASS",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  const server = createServer((req, res) => {
    const internal = req.headers[RENDER_HEADER] === secret;
    delete req.headers[RENDER_HEADER];
    let key = internal || (req.method !== "GET" && req.method !== "HEAD") ? null : requestKey(req);
    // A part of an asset is Next's to send; pages ignore Range.
    if (key?.startsWith(ASSET_PREFIX) && req.headers.range !== undefined) key = null;
    if (key === null) {
      void handle(req, res);
      return;
    }
    serveCached(req, res, key).catch((error: unknown) => {
      console.error(`${req.url}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("The server could not render this page; try again.\n");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  // Requests come only after the listening callback's continuation has run: these are set before any is served.
  const address = server.address() as AddressInfo;
  // Asked once: it never changes while the server runs. Until it is known, the server answers nothing cached.
  const snapshotRead = (async () => {
    const response = await fetch(`${serverBase()}/api/v1/snapshot`, { headers: { [RENDER_HEADER]: secret } });
    if (!response.ok) throw new Error(`/api/v1/snapshot answered ${response.status}`);
    snapshot = ((await response.json()) as { snapshot: string }).snapshot;
  })();
  try {
    await snapshotRead;
  } catch (error) {
    server.close();
    await app.close();
    throw new Error(`cannot read the snapshot id: ${(error as Error).message}`, { cause: error });
  }
  // The default views are the most visited: rendered now rather than for the first visitor.
  if (options.cacheBytes > 0) for (const key of WARM) lookup(key).catch(() => {});

  return {
    server,
    base: `http://${options.hostname}:${address.port}`,
    stats: () => ({ entries: cache.size, bytes: cache.calculatedSize, ...counts }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      await app.close();
    },
  };
}
