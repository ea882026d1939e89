// The search section of `npm run bench`: query-layer timings (the SQLite store behind lib/search, over a built
// database, nothing cached), /search page timings against a running server, and the index's size on disk.
// `benchSearch` returns rows in the benchmark's table shape and can run on its own over any built database.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { parseQuery } from "../../lib/search/query";
import { sqliteStore } from "../../lib/search/sqlite";
import type { StoreRequest } from "../../lib/search/store";
import { envFor } from "../../lib/env";
import { startServer } from "../lib/server";
import { ensureAppBuild } from "./app";
import type { Row, Section } from "./context";

export interface SearchBenchOptions {
  /** A database built by db:build (the synthetic corpus). */
  db: string;
  /** A server over that database, for the page timings; omitted, only the query layer and size are measured. */
  base?: string | null;
  runs: number;
  warmup: number;
  /** Queries to time; by default a mix written for the synthetic corpus (scripts/lib/synthetic-corpus.ts). */
  queries?: string[];
  /** Past this p95 in the query layer, the row is flagged. */
  p95BudgetMs?: number;
}

/** Broad and narrow, words, phrases, prefixes, exclusions, OR, an exact name, a miss: the synthetic vocabulary. */
export const SYNTHETIC_QUERIES = [
  "talks",
  "Geneva",
  "sanctions",
  '"shipping lanes"',
  "press*",
  "Doha -aid",
  "air defence OR aid",
  "warned Geneva sanctions",
  "Actor 001",
  "Synthetic Actor 002",
  "record 04217",
  "nothingmatcheshere",
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function benchSearch(options: SearchBenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (measure: string, value: number, unit: Row["unit"], flag = false) =>
    rows.push({
      section: "search",
      measure,
      value: Math.round(value * 10) / 10,
      unit,
      ...(flag ? { flag } : {}),
    });
  const queries = options.queries ?? SYNTHETIC_QUERIES;
  const budget = options.p95BudgetMs ?? 10;

  // Pages first, while the server has just answered: an idle keep-alive connection may be closed under a fetch.
  if (options.base) {
    // Distinct queries, so no answer is served from the server's memory of earlier ones.
    const distinct = Array.from(
      { length: options.warmup + options.runs },
      (_, i) => `Actor ${String(i + 1).padStart(3, "0")} talks`,
    );
    const cold = await timePages(options.base, distinct, options.warmup);
    add("GET /search?q=… median (distinct queries, none remembered)", cold.median, "ms");
    add("GET /search?q=… p95 (distinct queries)", cold.p95, "ms");
    const warm = await timePages(
      options.base,
      Array.from({ length: options.warmup + options.runs }, () => "talks"),
      options.warmup,
    );
    add("GET /search?q=talks median (repeated, answer remembered)", warm.median, "ms");
    add("GET /search?q=… HTML", cold.bytes, "bytes");
  }

  const prisma = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: `file:${options.db}`, readonly: true, fileMustExist: true }),
  });
  try {
    const store = sqliteStore(prisma);
    const windows: { name: string; window: StoreRequest["window"] }[] = [
      { name: "ranked top 20 (API, one kind's page)", window: { offset: 0, limit: 20 } },
      { name: "best 5 of each kind (the page overview)", window: { perKind: 5 } },
    ];
    const run = async (text: string, window: StoreRequest["window"]) => {
      // Parsing is part of the query layer: timed with the store.
      const started = performance.now();
      await store.search({ query: parseQuery(text), kind: null, article: null, actor: null, window });
      return performance.now() - started;
    };
    // Warm every query and window first, then measure them interleaved, so no window pays for the warm-up.
    for (let i = 0; i < options.warmup; i++)
      for (const text of queries) for (const { window } of windows) await run(text, window);
    const times = windows.map(() => new Map<string, number[]>(queries.map((q) => [q, []])));
    for (let i = 0; i < options.runs; i++) {
      for (const text of queries) {
        for (const [w, { window }] of windows.entries()) times[w]!.get(text)!.push(await run(text, window));
      }
    }
    for (const [w, { name }] of windows.entries()) {
      const all = [...times[w]!.values()].flat().sort((a, b) => a - b);
      const slowest = [...times[w]!]
        .map(([query, own]) => ({
          query,
          ms: quantile(
            [...own].sort((a, b) => a - b),
            0.5,
          ),
        }))
        .sort((a, b) => b.ms - a.ms)[0]!;
      add(`query layer, ${name}: median`, quantile(all, 0.5), "ms");
      const p95 = quantile(all, 0.95);
      add(`query layer, ${name}: p95 (goal ≤ ${budget} ms)`, p95, "ms", p95 > budget);
      add(`query layer, ${name}: slowest query median (${slowest.query})`, slowest.ms, "ms");
    }
    const total = await store.search({
      query: parseQuery("talks"),
      kind: null,
      article: null,
      actor: null,
      window: { offset: 0, limit: 1 },
    });
    add(
      "matches for “talks” (the broadest query)",
      Object.values(total.counts).reduce((a, b) => a + b, 0),
      "count",
    );
  } finally {
    await prisma.$disconnect();
  }

  const db = new Database(options.db, { readonly: true, fileMustExist: true });
  try {
    const owners = new Map(
      (
        db.prepare("SELECT name, tbl_name FROM sqlite_master").all() as { name: string; tbl_name: string }[]
      ).map((r) => [r.name, r.tbl_name]),
    );
    const sizes = db.prepare("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name").all() as {
      name: string;
      bytes: number;
    }[];
    const sum = (test: (table: string) => boolean) =>
      sizes.filter((s) => test(owners.get(s.name) ?? s.name)).reduce((n, s) => n + s.bytes, 0);
    const fts = sum((t) => t.startsWith("SearchIndex"));
    const documents = sum((t) => t === "SearchDocument" || t === "SearchFacet");
    const file = sizes.reduce((n, s) => n + s.bytes, 0);
    add("index on disk: FTS5 table and its shadow tables", fts, "bytes");
    add("index on disk: search documents and facets (with their B-tree indexes)", documents, "bytes");
    add("database file (all tables)", file, "bytes");
    add(
      "search documents",
      (db.prepare(`SELECT COUNT(*) AS n FROM "SearchDocument"`).get() as { n: number }).n,
      "count",
    );
  } finally {
    db.close();
  }
  return rows;
}

/** Sequential page requests, body read; the first `warmup` are not counted. */
async function timePages(base: string, queries: string[], warmup: number) {
  const times: number[] = [];
  let bytes = 0;
  for (const [i, q] of queries.entries()) {
    const started = performance.now();
    const response = await fetch(`${base}/search?${new URLSearchParams({ q })}`, {
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`/search?q=${q} answered ${response.status}`);
    if (!/\d+ results? for/.test(body)) throw new Error(`/search?q=${q} shows no result count`);
    if (i >= warmup) times.push(performance.now() - started);
    bytes = Buffer.byteLength(body);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), bytes };
}

/** Serves the app build over the scratch database and runs benchSearch against it. */
export const search: Section = {
  name: "search",
  async run(ctx) {
    if (!existsSync(ctx.db)) throw new Error("the search section needs the db-build section first");
    ensureAppBuild();
    const server = await startServer({ env: envFor({ db: ctx.db }) });
    try {
      ctx.rows.push(
        ...(await benchSearch({
          db: ctx.db,
          base: server.base,
          runs: ctx.options.runs,
          warmup: ctx.options.warmup,
        })),
      );
    } finally {
      await server.stop();
    }
  },
};
