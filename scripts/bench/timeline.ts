import { existsSync } from "node:fs";
import { envFor } from "../../lib/env";
import { startServer } from "../lib/server";
import { ensureAppBuild } from "./app";
import { add, BUDGET, type Section } from "./context";
import { time } from "./measure";

/**
 * Serves the existing app build over the scratch database and times the timeline and the events API. The server reads
 * DATABASE_URL at request time only on dynamic routes (these); prerendered pages keep showing the real content.
 */
export const timeline: Section = {
  name: "timeline",
  async run(ctx) {
    if (!existsSync(ctx.db)) throw new Error("the timeline section needs the db-build section first");
    ensureAppBuild();
    const server = await startServer({ env: envFor({ db: ctx.db }) });
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
      for (const api of [
        { name: "/api/v1/events?actor=<top actor>", url: `/api/v1/events?actor=${actor}` },
        { name: "/api/v1/events.csv?actor=<top actor>", url: `/api/v1/events.csv?actor=${actor}` },
      ]) {
        const timing = await time(`${server.base}${api.url}`, 2, Math.min(ctx.options.runs, 10));
        add(ctx, "api", `GET ${api.name} median`, timing.median, "ms");
        add(ctx, "api", `GET ${api.name} body`, timing.bytes, "bytes");
      }
    } finally {
      await server.stop();
    }
  },
};
