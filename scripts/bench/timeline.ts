import { existsSync } from "node:fs";
import { brotliCompressSync } from "node:zlib";
import { envFor } from "../../lib/env";
import { startServer } from "../lib/server";
import { ensureAppBuild } from "./app";
import { add, BUDGET, type Section } from "./context";
import { sentBytes, time } from "./measure";
import { proxyCost } from "./proxy-cost";

/** The events API's first page, compressed as sent (issue #15). */
const API_FIRST_PAGE_GOAL_BYTES = 60 * 1024;

/** A timeline page's size, the share of it that is React's inline payload, its brotli size and its event count. */
async function weigh(url: string) {
  const html = await (await fetch(url)).text();
  let payload = 0;
  for (const [script] of html.matchAll(/<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)) {
    payload += Buffer.byteLength(script);
  }
  return {
    bytes: Buffer.byteLength(html),
    payload,
    brotli: brotliCompressSync(html).length,
    events: html.match(/<article id="e-/g)?.length ?? 0,
  };
}

/**
 * Serves the existing app build over the scratch database and times the timeline and the events API. The server reads
 * DATABASE_URL at request time only on dynamic routes (these); prerendered pages keep showing the real content.
 */
export const timeline: Section = {
  name: "timeline",
  async run(ctx) {
    if (!existsSync(ctx.db)) throw new Error("the timeline section needs the db-build section first");
    ensureAppBuild();
    // The response cache off: these are the times of a render, which the cache pays once per URL.
    const env = envFor({ db: ctx.db });
    const server = await startServer({ env: { ...env, RESPONSE_CACHE_MB: "0" } });
    try {
      const actor = ctx.corpus?.topActor ?? "actor-001";
      const pages = [
        { name: "/timeline", url: "/timeline" },
        { name: "/timeline?actor=<top actor>", url: `/timeline?actor=${actor}` },
      ];
      for (const page of pages) {
        const timing = await time(`${server.base}${page.url}`, ctx.options.warmup, ctx.options.runs);
        // The first page of a filter with more events than fit on a page: proof it reads the scratch database.
        if (!/Showing 1–\d+ of \d/.test(timing.body)) {
          throw new Error(
            `${page.url} does not show “Showing 1–N of …”: is it reading the scratch database?`,
          );
        }
        add(ctx, "timeline", `GET ${page.name} median`, timing.median, "ms", timing.median > BUDGET.medianMs);
        add(ctx, "timeline", `GET ${page.name} p95`, timing.p95, "ms");
        add(ctx, "timeline", `GET ${page.name} HTML`, timing.bytes, "bytes", timing.bytes > BUDGET.htmlBytes);
        add(ctx, "timeline", `GET ${page.name} HTML gzipped`, timing.gzipBytes, "bytes");
      }
      // Weight per listed event: 100 events, HTML and React's inline payload, as sent and brotli-compressed; and
      // what the 90 events between a page of 10 and a page of 100 add (the page's fixed part taken out).
      const [ten, hundred] = [
        await weigh(`${server.base}/timeline?per=10`),
        await weigh(`${server.base}/timeline?per=100`),
      ];
      if (hundred.events !== 100 || ten.events !== 10) {
        throw new Error(`expected 10 and 100 events, found ${ten.events} and ${hundred.events}`);
      }
      add(ctx, "timeline", "GET /timeline?per=100 HTML", hundred.bytes, "bytes");
      add(ctx, "timeline", "GET /timeline?per=100 of it React's inline payload", hundred.payload, "bytes");
      add(
        ctx,
        "timeline",
        "per listed event, HTML + payload (page / 100; goal ≤ 2,048)",
        hundred.bytes / 100,
        "bytes",
        hundred.bytes / 100 > 2048,
      );
      add(
        ctx,
        "timeline",
        "per listed event, HTML + payload (per=100 − per=10, / 90)",
        (hundred.bytes - ten.bytes) / 90,
        "bytes",
      );
      add(ctx, "timeline", "per listed event, brotli (page / 100)", hundred.brotli / 100, "bytes");
      // The events API's first page (default limit) as the server sends it for each coding a client may ask for.
      // With the cache off each answer is rendered and compressed per request (X-Cache: BYPASS), at the cache's
      // settings (lib/serve/encoding.ts), so these are the bytes a cached answer sends too.
      const first = "/api/v1/events";
      const codings = [
        { name: "uncompressed", ask: "identity", flag: false },
        { name: "brotli as sent", ask: "br", flag: true },
        { name: "gzip as sent", ask: "gzip", flag: true },
      ];
      for (const coding of codings) {
        const sent = await sentBytes(`${server.base}${first}`, coding.ask);
        if (sent.encoding !== coding.ask) {
          throw new Error(`${first} asked for ${coding.ask} came as ${sent.encoding}`);
        }
        const over = coding.flag && sent.bytes > API_FIRST_PAGE_GOAL_BYTES;
        const goal = coding.flag ? " (goal ≤ 60 KB)" : "";
        add(
          ctx,
          "api",
          `GET ${first} first page (100 events), ${coding.name}${goal}`,
          sent.bytes,
          "bytes",
          over,
        );
      }
      for (const api of [
        { name: "/api/v1/events?actor=<top actor>", url: `/api/v1/events?actor=${actor}` },
        { name: "/api/v1/events.csv?actor=<top actor>", url: `/api/v1/events.csv?actor=${actor}` },
      ]) {
        const timing = await time(`${server.base}${api.url}`, 2, Math.min(ctx.options.runs, 10));
        add(ctx, "api", `GET ${api.name} median`, timing.median, "ms");
        add(ctx, "api", `GET ${api.name} body`, timing.bytes, "bytes");
      }
      await proxyCost(ctx, server.base, env);
    } finally {
      await server.stop();
    }
  },
};
