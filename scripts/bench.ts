// npm run bench [-- --events 5000 --actors 200 --runs 30 --only corpus,db-build,timeline --keep]
//
// Measures Faultlines at a scale the real content will take years to reach. Named sections run in order over a
// shared context; each adds rows (section, measure, value, unit) to one table, printed at the end and written to
// bench-results/latest.json. Add a section by appending to SECTIONS.
//
//   corpus    writes a synthetic content folder (actors, issues, articles and annotations whose quotes resolve)
//   db-build  builds it with the real `scripts/db-build.ts` into a scratch database
//   timeline  serves the existing app build (`next start`, loopback only) over that database and times requests
//
// The server reads DATABASE_URL at request time only on dynamic routes (the timeline and the API); prerendered
// pages keep showing the real content, which does not matter here. The app build in .next must exist: it is
// built with `npm run build` when missing. Everything started here is stopped at the end, on error too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { writeSyntheticCorpus, type CorpusSummary } from "./lib/synthetic-corpus";

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
  },
});
const int = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};

/** Past these, a row is flagged: the budgets the timeline is held to. */
const BUDGET = { medianMs: 150, htmlBytes: 300_000 };
/** The whole run stops itself after this long. */
const DEADLINE_MS = 20 * 60_000;

interface Row {
  section: string;
  measure: string;
  value: number;
  unit: "ms" | "bytes" | "count" | "s";
  /** Over budget. */
  flag?: boolean;
}

interface Context {
  dir: string;
  contentDir: string;
  db: string;
  corpus?: CorpusSummary;
  runs: number;
  warmup: number;
  rows: Row[];
}

interface Section {
  name: string;
  run(ctx: Context): Promise<void>;
}

const children = new Set<ChildProcess>();
/** Children being stopped on purpose, whose exit is not an error. */
const stopping = new WeakSet<ChildProcess>();

const SECTIONS: Section[] = [
  {
    name: "corpus",
    async run(ctx) {
      const started = performance.now();
      ctx.corpus = writeSyntheticCorpus(ctx.contentDir, {
        events: int("events"),
        actors: int("actors"),
        issues: int("issues"),
        articles: int("articles"),
        seed: int("seed"),
      });
      const c = ctx.corpus;
      add(ctx, "corpus", "events", c.events, "count");
      add(ctx, "corpus", "actors", c.actors, "count");
      add(ctx, "corpus", "issues", c.issues, "count");
      add(ctx, "corpus", "articles", c.articles, "count");
      add(ctx, "corpus", "paragraphs", c.paragraphs, "count");
      add(ctx, "corpus", "evidence quotes", c.quotes, "count");
      add(ctx, "corpus", `events of ${c.topActor} (the filter)`, c.topActorEvents, "count");
      add(ctx, "corpus", "content files", c.bytes, "bytes");
      add(ctx, "corpus", "generation time", performance.now() - started, "ms");
    },
  },
  {
    name: "db-build",
    async run(ctx) {
      const started = performance.now();
      const result = spawnSync(
        process.execPath,
        ["--import", "tsx", "scripts/db-build.ts", "--content", ctx.contentDir, "--db", ctx.db],
        { encoding: "utf8" },
      );
      if (result.status !== 0) {
        throw new Error(`db:build failed on the synthetic corpus:\n${result.stderr.slice(0, 4000)}`);
      }
      add(
        ctx,
        "db:build",
        "time (validate, resolve quotes, load)",
        (performance.now() - started) / 1000,
        "s",
      );
      add(ctx, "db:build", "database file", statSync(ctx.db).size, "bytes");
    },
  },
  {
    name: "timeline",
    async run(ctx) {
      if (!existsSync(ctx.db)) throw new Error("the timeline section needs the db-build section first");
      ensureAppBuild();
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const server = startServer(port, ctx.db);
      try {
        await waitFor(`${base}/api/v1/articles`, server, 90_000);
        const actor = ctx.corpus?.topActor ?? "actor-001";
        const pages = [
          { name: "/timeline", url: "/timeline" },
          { name: "/timeline?actor=<top actor>", url: `/timeline?actor=${actor}` },
        ];
        for (const page of pages) {
          const timing = await time(`${base}${page.url}`, ctx.warmup, ctx.runs);
          // The first page of a filter with more events than fit on a page: proof it reads the scratch database.
          if (!/Showing 1–\d+ of \d/.test(timing.body)) {
            throw new Error(
              `${page.url} does not show “Showing 1–N of …”: is it reading the scratch database?`,
            );
          }
          add(
            ctx,
            "timeline",
            `GET ${page.name} median`,
            timing.median,
            "ms",
            timing.median > BUDGET.medianMs,
          );
          add(ctx, "timeline", `GET ${page.name} p95`, timing.p95, "ms");
          add(
            ctx,
            "timeline",
            `GET ${page.name} HTML`,
            timing.bytes,
            "bytes",
            timing.bytes > BUDGET.htmlBytes,
          );
          add(ctx, "timeline", `GET ${page.name} HTML gzipped`, timing.gzipBytes, "bytes");
        }
        for (const api of [
          { name: "/api/v1/events?actor=<top actor>", url: `/api/v1/events?actor=${actor}` },
          { name: "/api/v1/events.csv?actor=<top actor>", url: `/api/v1/events.csv?actor=${actor}` },
        ]) {
          const timing = await time(`${base}${api.url}`, 2, Math.min(ctx.runs, 10));
          add(ctx, "api", `GET ${api.name} median`, timing.median, "ms");
          add(ctx, "api", `GET ${api.name} body`, timing.bytes, "bytes");
        }
      } finally {
        await stop(server);
      }
    },
  },
];

function add(ctx: Context, section: string, measure: string, value: number, unit: Row["unit"], flag = false) {
  ctx.rows.push({ section, measure, value: Math.round(value * 10) / 10, unit, ...(flag ? { flag } : {}) });
}

function ensureAppBuild() {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  if (existsSync(path.join(dist, "BUILD_ID"))) return;
  console.log("No app build found: running `npm run build` first.");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

function startServer(port: number, db: string): ChildProcess {
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      // Its own process group, so stopping it stops anything it started.
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: `file:${db}`,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
      },
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping.has(child) && (code || signal))
      console.error(`next start stopped (${code ?? signal})\n${stderr}`);
  });
  children.add(child);
  return child;
}

async function waitFor(url: string, server: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error("the server stopped before it answered");
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  stopping.add(child);
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/** Sequential requests after a warm-up: the server time as the client sees it over loopback, body read. */
async function time(url: string, warmup: number, runs: number) {
  let body = "";
  const fetchOnce = async () => {
    const started = performance.now();
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    body = text;
    return ms;
  };
  for (let i = 0; i < warmup; i++) await fetchOnce();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fetchOnce());
  times.sort((a, b) => a - b);
  const quantile = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const bytes = Buffer.byteLength(body);
  return { median: quantile(0.5), p95: quantile(0.95), bytes, gzipBytes: gzipSync(body).length, body };
}

function printTable(rows: Row[]) {
  const format = (row: Row) =>
    row.unit === "bytes"
      ? `${row.value.toLocaleString("en")} B`
      : row.unit === "count"
        ? row.value.toLocaleString("en")
        : `${row.value.toFixed(1)} ${row.unit}`;
  const cells = rows.map((r) => [r.section, r.measure, format(r), r.flag ? "over budget" : ""]);
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
    dir,
    contentDir: path.join(dir, "content"),
    db: path.join(dir, "bench.db"),
    runs: int("runs"),
    warmup: Math.max(0, Number(values.warmup) || 0),
    rows: [],
  };
  const startedAt = new Date().toISOString();
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
  } finally {
    clearTimeout(deadline);
    for (const child of children) await stop(child);
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
  for (const child of children) await stop(child);
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
