import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type autocannon from "autocannon";
import { startServer } from "../lib/server";
import { realApp } from "./app";
import { add, type Context, type Section } from "./context";
import { rssMegabytes } from "./measure";

// The response cache (lib/serve) in one run on one machine, so the ratios hold however busy the machine is:
//
// - the views rendered per request (a filtered timeline, a matrix pair, the events API) once warm, against `/` on the
//   same server (goal: at least half its requests per second, p99 at most 50 ms at 10 connections);
// - the prerendered `/` and an issue page against a bare Node server answering the same bytes from memory, started
//   here (goal: at least a quarter of its requests per second);
// - the filtered timeline rendered fresh (each request a URL not seen before), for what the cache saves;
// - 100 connections for 20 s over the cached views: no errors;
// - memory: a server with a small bound asked for 10,000 distinct valid filter URLs, its RSS sampled throughout.

/** A view rendered per request, by name, and the route it is compared with. */
const DYNAMIC = [
  { name: "/timeline?actor=us", url: "/timeline?actor=us" },
  { name: "/matrix?a=us&b=iran", url: "/matrix?a=us&b=iran" },
  { name: "/api/v1/events?actor=us", url: "/api/v1/events?actor=us" },
];
/** The bound for the fill: small, so 10,000 distinct answers pass it many times over. */
const FILL_BOUND_MB = 16;
const FILL_URLS = 10_000;
/** The query memo's bound: MEMO_BYTES in lib/queries/memo.ts, server-only (tests/unit/memo.test.ts compares). */
export const MEMO_MB = 8;
/**
 * The fill's two bounds on the server's resident memory. What would grow with the number of distinct URLs (the response
 * cache, the query memo) is bounded in bytes; the check that nothing else does is that the fill's second 5,000 URLs
 * take RSS no higher than its first 5,000 did, within 5 % (about 20 MB, near the two byte bounds together). The cache
 * and the memo fill within the first few hundred URLs, so the second half passes their bounds many times over; a cache
 * without a bound would hold some 5,000 more answers there, hundreds of MB. And the whole process stays under 512 MB,
 * the memory to give it (the figure is also its V8 heap cap, scripts/lib/serve-process.ts; the heap itself peaks near
 * 200 MB). Growth from the RSS before the fill is reported, not held to a bound: that starting point depends on whether
 * V8's memory reducer has run since the server started (a server left idle for 20 s starts 60 MB lower and peaks at the
 * same RSS).
 */
const FILL_HALF_RATIO = 1.05;
const FILL_PEAK_MB = 512;
const GOAL = { prerenderedShareOfBare: 25, dynamicShareOfHome: 50, p99Ms: 50 };

type Result = autocannon.Result;

async function cannon(ctx: Context, url: string, extra: Partial<autocannon.Options> = {}): Promise<Result> {
  const { default: autocannon } = await import("autocannon");
  // A run of a fixed number of requests (`amount`) has no duration: autocannon refuses both.
  const length = extra.amount === undefined ? { duration: ctx.options.loadSeconds } : {};
  return autocannon({ url, connections: ctx.options.connections, ...length, ...extra });
}

const failures = (r: Result) => r.errors + r.timeouts + r.non2xx;

function report(ctx: Context, name: string, result: Result, p99Goal?: number): number {
  add(ctx, "cache", `${name} requests/s`, result.requests.average, "req/s");
  add(ctx, "cache", `${name} latency p50`, result.latency.p50, "ms");
  add(
    ctx,
    "cache",
    `${name} latency p99`,
    result.latency.p99,
    "ms",
    p99Goal !== undefined && result.latency.p99 > p99Goal,
  );
  add(ctx, "cache", `${name} errors and non-2xx`, failures(result), "count", failures(result) > 0);
  return result.requests.average;
}

/** A bare Node server in its own process answering one fixed body, as fast as Node serves anything. */
export async function bareServer(ctx: Context, name: string, body: Buffer, contentType: string) {
  const file = path.join(ctx.dir, `bare-${name}`);
  writeFileSync(file, body);
  const code = `
    const body = require("fs").readFileSync(${JSON.stringify(file)});
    require("http").createServer((req, res) => {
      res.writeHead(200, { "content-type": ${JSON.stringify(contentType)}, "content-length": body.length });
      res.end(body);
    }).listen(0, "127.0.0.1", function () { console.log(this.address().port); });`;
  return nodeServer(code);
}

/** Runs `code` (a server that prints its port once listening) in its own Node process, off the bench's event loop. */
export async function nodeServer(code: string) {
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once("exit", () => reject(new Error("the bare server stopped")));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const share = (a: number, b: number) => (100 * a) / b;

export const cache: Section = {
  name: "cache",
  async run(ctx) {
    const app = await realApp(ctx);
    const base = app.server.base;
    const prerendered = app.routes.filter((r) => ["/", "/issues/<first>"].includes(r.name));

    // Warm every route once: the cache stores on the first request.
    for (const route of [...prerendered, ...DYNAMIC]) await (await fetch(base + route.url)).arrayBuffer();

    const rates = new Map<string, number>();
    for (const route of prerendered) {
      rates.set(
        route.name,
        report(ctx, `${route.name} (prerendered), cached`, await cannon(ctx, base + route.url)),
      );
    }
    const home = rates.get("/")!;
    for (const route of DYNAMIC) {
      const rate = report(ctx, `${route.name}, cached`, await cannon(ctx, base + route.url), GOAL.p99Ms);
      rates.set(route.name, rate);
      const ratio = share(rate, home);
      add(
        ctx,
        "cache",
        `${route.name}: % of / (goal ≥ ${GOAL.dynamicShareOfHome})`,
        ratio,
        "%",
        ratio < GOAL.dynamicShareOfHome,
      );
    }

    for (const route of prerendered) {
      const answer = await fetch(base + route.url);
      const body = Buffer.from(await answer.arrayBuffer());
      const bare = await bareServer(
        ctx,
        route.name.replace(/\W+/g, "-"),
        body,
        answer.headers.get("content-type") ?? "text/html",
      );
      try {
        const bareRate = report(ctx, `bare Node server, ${route.name}'s bytes`, await cannon(ctx, bare.base));
        const ratio = share(rates.get(route.name)!, bareRate);
        add(
          ctx,
          "cache",
          `${route.name}: % of the bare server (goal ≥ ${GOAL.prerenderedShareOfBare})`,
          ratio,
          "%",
          ratio < GOAL.prerenderedShareOfBare,
        );
      } finally {
        bare.stop();
      }
    }

    // What the cache saves: each request a parameter name the page has not seen (the page notes it by name), so
    // each is a distinct page and a miss.
    const filtered = DYNAMIC[0]!.url;
    let n = 0;
    const fresh = report(
      ctx,
      `${filtered}, first render`,
      await cannon(ctx, base + filtered, {
        requests: [{ setupRequest: (req) => ({ ...req, path: `${filtered}&bench${n++}=` }) }],
      }),
    );
    add(ctx, "cache", "ratio: cached / first render", rates.get(DYNAMIC[0]!.name)! / fresh, "ratio");

    // 100 connections for 20 s over the cached views and pages.
    const targets = [...prerendered, ...DYNAMIC].map((r) => r.url);
    let k = 0;
    const heavy = await cannon(ctx, base, {
      connections: 100,
      duration: 20,
      requests: [{ setupRequest: (req) => ({ ...req, path: targets[k++ % targets.length]! }) }],
    });
    report(ctx, "100 connections × 20 s, five routes", heavy);

    // Memory: 10,000 distinct valid filter URLs (one start date each, alternately a page and its API twin) against a
    // server whose cache is bounded at FILL_BOUND_MB.
    const small = await startServer({ env: { RESPONSE_CACHE_MB: String(FILL_BOUND_MB) } });
    try {
      await (await fetch(small.base + filtered)).arrayBuffer();
      const before = rssMegabytes(small.pid);
      // Peak RSS over the first half of the URLs and over the second, by the number of requests sent so far.
      const peaks = [before, before];
      let i = 0;
      const sample = () => {
        const half = i <= FILL_URLS / 2 ? 0 : 1;
        const rss = rssMegabytes(small.pid);
        // A sample that could not be read (NaN) would make the peak NaN, and a NaN passes every `>` check.
        if (Number.isFinite(rss)) peaks[half] = Math.max(peaks[half]!, rss);
      };
      const sampler = setInterval(sample, 250);
      const day = (k: number) => new Date(Date.UTC(2000, 0, 1 + (k >> 1))).toISOString().slice(0, 10);
      const fill = await cannon(ctx, small.base, {
        amount: FILL_URLS,
        requests: [
          {
            setupRequest: (req) => {
              const at = i++;
              const path =
                at % 2 === 0 ? `/timeline?from=${day(at)}` : `/api/v1/events?from=${day(at)}&limit=10`;
              return { ...req, path };
            },
          },
        ],
      });
      clearInterval(sampler);
      sample();
      const [first, second] = peaks as [number, number];
      const peak = Math.max(first, second);
      add(
        ctx,
        "cache",
        `fill: distinct URLs requested (cache bound ${FILL_BOUND_MB} MB, query memo ${MEMO_MB} MB)`,
        fill.requests.total,
        "count",
        fill.requests.total < FILL_URLS,
      );
      add(ctx, "cache", "fill: errors and non-2xx", failures(fill), "count", failures(fill) > 0);
      add(ctx, "cache", "fill: server memory before (RSS)", before, "MB");
      add(ctx, "cache", `fill: server memory peak, first ${FILL_URLS / 2} URLs (RSS)`, first, "MB");
      add(ctx, "cache", `fill: server memory peak, second ${FILL_URLS / 2} URLs (RSS)`, second, "MB");
      add(
        ctx,
        "cache",
        `ratio: fill's second half peak / first half peak (goal ≤ ${FILL_HALF_RATIO})`,
        second / first,
        "ratio",
        !(second / first <= FILL_HALF_RATIO),
      );
      add(
        ctx,
        "cache",
        `fill: server memory peak (RSS; bound ${FILL_PEAK_MB} MB)`,
        peak,
        "MB",
        !(peak <= FILL_PEAK_MB),
      );
      add(ctx, "cache", "fill: RSS growth at peak, from before", peak - before, "MB");
    } finally {
      await small.stop();
    }
  },
};
