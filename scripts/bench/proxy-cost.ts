import { startServer } from "../lib/server";
import { add, type Context } from "./context";
import { sentBytes, time } from "./measure";

// What proxy.ts costs (issue #15): the function itself, timed in this process over many calls on a prerendered path
// and on a page rendered per request, next to the median time `next start` takes to answer the same path (and the
// cache layer when it does not answer from memory, X-Cache: BYPASS), as a share. Only Next.js runs the proxy: an answer the cache
// holds (X-Cache: HIT) is sent from memory by lib/serve before Next is involved, so it costs those requests nothing.
// Next's own machinery around the call (its request wrapper, merging the answer's headers) is not counted here.

const BATCHES = 10;
const CALLS = 2000;
/** Headers a browser sends on a page load: the proxy copies them for a page rendered per request. */
const HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br, zstd",
  "accept-language": "en-GB,en;q=0.9",
  "user-agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
};

/** Microseconds per call of `call`: the median of BATCHES batches of CALLS calls, after one batch to warm up. */
function microseconds(call: () => unknown): number {
  for (let i = 0; i < CALLS; i++) call();
  const batches: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) call();
    batches.push(((performance.now() - started) * 1000) / CALLS);
  }
  return batches.sort((a, b) => a - b)[BATCHES >> 1]!;
}

/**
 * Adds the proxy's rows. `base` is a server started with RESPONSE_CACHE_MB=0; `env` starts a bare `next start` beside
 * it over the same database, whose median is the share's denominator: Next's own time, without the cache layer's
 * loopback hop and compression.
 */
export async function proxyCost(ctx: Context, base: string, env: Record<string, string>): Promise<void> {
  const pages = [
    { name: "/ (prerendered)", url: "/" },
    { name: "/timeline (rendered per request)", url: "/timeline" },
  ];
  // Loaded here, not with the benchmark: the proxy reads the app build's CSP manifest, as it does in Next.
  const [{ NextRequest }, { proxy }] = await Promise.all([import("next/server"), import("../../proxy")]);
  /** The proxy on `pathname`, with a NextRequest made per call as Next makes one per request. */
  const callOn = (pathname: string) => () =>
    proxy(new NextRequest(new URL(pathname, "http://127.0.0.1"), { headers: HEADERS }));
  const next = await startServer({ bare: true, env });
  try {
    for (const page of pages) {
      const { headers } = await sentBytes(`${base}${page.url}`, "identity");
      if (headers["x-cache"] !== "BYPASS")
        throw new Error(`${page.url} was not rendered (${headers["x-cache"]})`);
      if (!callOn(page.url)().headers.get("content-security-policy")) {
        throw new Error(`proxy() set no CSP on ${page.url}`);
      }
      const micros = microseconds(callOn(page.url));
      const bypass = await time(`${base}${page.url}`, ctx.options.warmup, ctx.options.runs);
      const bare = await time(`${next.base}${page.url}`, ctx.options.warmup, ctx.options.runs);
      add(ctx, "proxy", `proxy() on ${page.name}, per call (${BATCHES * CALLS} calls)`, micros, "µs");
      add(ctx, "proxy", `GET ${page.name}, bare next start, median`, bare.median, "ms");
      add(ctx, "proxy", `GET ${page.name}, cache layer, uncached (BYPASS), median`, bypass.median, "ms");
      add(
        ctx,
        "proxy",
        `proxy() share of ${page.url} answered by bare next start (cached answers do not run it)`,
        (100 * micros) / (bare.median * 1000),
        "%",
      );
    }
  } finally {
    await next.stop();
  }
}
