import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type autocannon from "autocannon";
import { startServer } from "../lib/server";
import { realApp } from "./app";
import { add, type Context, type Section } from "./context";
import { rssMegabytes } from "./measure";

// The response cache (lib/serve) against what it saves and what it could at best be, in one run on one machine, so
// the ratios hold however busy the machine is: a filtered view answered from the cache, the same view rendered fresh
// (each request a URL not seen before), `/` on the same server, and a bare Node server answering the cached view's
// bytes from memory. Then memory: a server with a small bound, filled with distinct valid filter URLs well past it.

const FILTERED = "/timeline?actor=us";
/** The bound for the fill, small enough to pass many times over in a few hundred renders. */
const FILL_BOUND_MB = 16;

type Result = autocannon.Result;

async function cannon(ctx: Context, url: string, extra: Partial<autocannon.Options> = {}): Promise<Result> {
  const { default: autocannon } = await import("autocannon");
  return autocannon({
    url,
    connections: ctx.options.connections,
    duration: ctx.options.loadSeconds,
    ...extra,
  });
}

function report(ctx: Context, name: string, result: Result): number {
  const failed = result.errors + result.timeouts + result.non2xx;
  add(ctx, "cache", `${name} requests/s`, result.requests.average, "req/s");
  add(ctx, "cache", `${name} latency p50`, result.latency.p50, "ms");
  add(ctx, "cache", `${name} latency p99`, result.latency.p99, "ms");
  if (failed > 0) add(ctx, "cache", `${name} errors and non-2xx`, failed, "count", true);
  return result.requests.average;
}

/** A bare Node server in its own process answering one fixed body, as fast as Node serves anything. */
async function bareServer(ctx: Context, body: Buffer, contentType: string) {
  const file = path.join(ctx.dir, "bare-body");
  writeFileSync(file, body);
  const code = `
    const body = require("fs").readFileSync(${JSON.stringify(file)});
    require("http").createServer((req, res) => {
      res.writeHead(200, { "content-type": ${JSON.stringify(contentType)}, "content-length": body.length });
      res.end(body);
    }).listen(0, "127.0.0.1", function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once("exit", () => reject(new Error("the bare server stopped")));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

export const cache: Section = {
  name: "cache",
  async run(ctx) {
    const app = await realApp(ctx);
    const base = app.server.base;
    const warm = await fetch(base + FILTERED);
    const body = Buffer.from(await warm.arrayBuffer());
    add(ctx, "cache", `${FILTERED} HTML`, body.length, "bytes");

    const cached = report(ctx, `${FILTERED}, cached`, await cannon(ctx, base + FILTERED));
    let n = 0;
    // Each request a name the page has not seen: a note names it, so each is a distinct page and a miss.
    const fresh = report(
      ctx,
      `${FILTERED}, first render`,
      await cannon(ctx, base + FILTERED, {
        requests: [{ setupRequest: (req) => ({ ...req, path: `${FILTERED}&bench${n++}=` }) }],
      }),
    );
    const home = report(ctx, "/ (prerendered), cached", await cannon(ctx, `${base}/`));
    const bare = await bareServer(ctx, body, warm.headers.get("content-type") ?? "text/html");
    let bareRate: number;
    try {
      bareRate = report(ctx, "bare Node server, same bytes", await cannon(ctx, bare.base));
    } finally {
      bare.stop();
    }
    add(ctx, "cache", "ratio: cached / first render", cached / fresh, "count");
    add(ctx, "cache", "ratio: cached filtered view / cached /", cached / home, "count");
    add(ctx, "cache", "ratio: cached / bare Node server (%)", (100 * cached) / bareRate, "count");

    // Memory: a server with a small bound, filled with distinct valid filter URLs (one per start date) well past it.
    const small = await startServer({ env: { RESPONSE_CACHE_MB: String(FILL_BOUND_MB) } });
    try {
      await fetch(small.base + FILTERED).then((r) => r.arrayBuffer());
      const before = rssMegabytes(small.pid);
      const day = (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
      let i = 0;
      const fill = await cannon(ctx, small.base, {
        amount: 400,
        duration: undefined,
        requests: [{ setupRequest: (req) => ({ ...req, path: `/timeline?from=${day(i++)}` }) }],
      });
      const failed = fill.errors + fill.timeouts + fill.non2xx;
      const after = rssMegabytes(small.pid);
      add(
        ctx,
        "cache",
        `fill: distinct URLs requested (bound ${FILL_BOUND_MB} MB)`,
        fill.requests.total,
        "count",
      );
      add(ctx, "cache", "fill: errors and non-2xx", failed, "count", failed > 0);
      add(ctx, "cache", "fill: server memory before (RSS)", before, "MB");
      add(ctx, "cache", "fill: server memory after (RSS)", after, "MB");
      add(ctx, "cache", "fill: RSS growth / bound", (after - before) / FILL_BOUND_MB, "count");
    } finally {
      await small.stop();
    }
  },
};
