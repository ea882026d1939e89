// npm run bench [-- --events 5000 --actors 200 --runs 30 --only corpus,db-build,timeline --keep]
//
// Measures Faultlines at a scale the real content will take years to reach. Named sections (scripts/bench/) run in
// order over a shared context; each adds rows (section, measure, value, unit) to one table, printed at the end and
// written to bench-results/latest.json. Add a section by appending to SECTIONS.
//
//   corpus      writes a synthetic content folder (actors, issues, articles and annotations whose quotes resolve)
//   db-build    builds it with the real `scripts/db-build.ts` into a scratch database
//   postgres    builds it into a throwaway PostgreSQL cluster; query-layer median and p95 on both stores, and ratios
//   timeline    serves the existing app build (`next start`, loopback only) over that database and times requests
//   paint       time to a painted first page of /timeline in Chromium (500-event corpus) against a plain HTML list
//               of the same events, and JS heap after load (ratios in one run)
//   search      query-layer and /search timings over that database, and the search index's size on disk
//   load        loads the real app (its own database) with autocannon on five routes: req/s, p50/p99, errors, memory
//   cache       the response cache: a cached filtered view against its first render, `/`, and a bare Node server
//               answering the same bytes (ratios in one run); RSS before and after filling a small bound many times over
//   budget      first-load JavaScript and HTML bytes per route, as Chromium receives them
//   lighthouse  Lighthouse scores per route, desktop preset and default mobile, in Debian's Chromium
//   assist      the draft assist scored against the reviewed annotations (npm run assist:eval's four figures)
//
// The app build must exist: it is built with `npm run build` when missing. Every server started here is stopped at
// the end, on error too (scripts/lib/server.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromiumVersion } from "./lib/chromium";
import { stopAllServers } from "./lib/server";
import { assist } from "./bench/assist";
import { budget } from "./bench/budget";
import { cache } from "./bench/cache";
import { BUDGET, type Context, type Options, type Row, type Section } from "./bench/context";
import { corpus } from "./bench/corpus";
import { dbBuild } from "./bench/db-build";
import { lighthouse } from "./bench/lighthouse";
import { paint } from "./bench/paint";
import { postgres } from "./bench/postgres";
import { load } from "./bench/load";
import { search } from "./bench/search";
import { timeline } from "./bench/timeline";

const SECTIONS: Section[] = [
  corpus,
  dbBuild,
  postgres,
  timeline,
  paint,
  search,
  load,
  cache,
  budget,
  lighthouse,
  assist,
];

/** The whole run stops itself after this long. */
const DEADLINE_MS = 40 * 60_000;

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "5000" },
    actors: { type: "string", default: "200" },
    issues: { type: "string", default: "30" },
    articles: { type: "string", default: "50" },
    seed: { type: "string", default: "7" },
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    "load-seconds": { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
  },
});

function int(name: keyof typeof values): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

function readOptions(): Options {
  return {
    events: int("events"),
    actors: int("actors"),
    issues: int("issues"),
    articles: int("articles"),
    seed: int("seed"),
    runs: int("runs"),
    warmup: Math.max(0, Number(values.warmup) || 0),
    loadSeconds: int("load-seconds"),
    connections: int("connections"),
  };
}

function printTable(rows: Row[]) {
  const format = (row: Row) =>
    row.unit === "bytes"
      ? `${row.value.toLocaleString("en")} B`
      : row.unit === "count" || row.unit === "score"
        ? row.value.toLocaleString("en")
        : row.unit === "ratio"
          ? `${row.value.toFixed(2)}×`
          : row.unit === "%" && row.value < 1
            ? `${row.value.toFixed(2)} %`
            : `${row.value.toFixed(1)} ${row.unit}`;
  const cells = rows.map((r) => [
    r.section,
    r.measure,
    format(r),
    r.flag ? (r.unit === "%" ? "below goal" : "over budget") : "",
  ]);
  const header = ["section", "measure", "value", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const c of cells) console.log(line(c));
}

async function main() {
  const only = values.only?.split(",").map((s) => s.trim());
  const unknown = only?.filter((name) => !SECTIONS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(", ")}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "faultlines-bench-"));
  const ctx: Context = {
    options: readOptions(),
    dir,
    contentDir: path.join(dir, "content"),
    db: path.join(dir, "bench.db"),
    rows: [],
  };
  const startedAt = new Date().toISOString();
  const browser = chromiumVersion();
  console.log(`${browser}, Node ${process.version}, ${os.cpus().length} cores`);
  const deadline = setTimeout(() => {
    console.error(`bench: still running after ${DEADLINE_MS / 60_000} minutes; stopping.`);
    void shutdown(2);
  }, DEADLINE_MS);
  const durations: Record<string, number> = {};
  try {
    for (const section of SECTIONS) {
      if (only && !only.includes(section.name)) continue;
      console.log(`▶ ${section.name}`);
      const started = performance.now();
      await section.run(ctx);
      durations[section.name] = Math.round(performance.now() - started);
    }
  } catch (error) {
    // What was measured before the failure is still worth reading; it is not written to latest.json.
    if (ctx.rows.length > 0) printTable(ctx.rows);
    throw error;
  } finally {
    clearTimeout(deadline);
    await stopAllServers();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`Kept the scratch folder: ${dir}`);
  }
  printTable(ctx.rows);
  mkdirSync("bench-results", { recursive: true });
  const report = {
    startedAt,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    browser,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    options: { ...values, only: only ?? SECTIONS.map((s) => s.name) },
    budget: BUDGET,
    durationsMs: durations,
    rows: ctx.rows,
  };
  writeFileSync("bench-results/latest.json", `${JSON.stringify(report, null, 2)}\n`);
  console.log("\nWrote bench-results/latest.json");
}

async function shutdown(code: number) {
  await stopAllServers();
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
