// npm run bench [-- --events 5000 --actors 200 --runs 30 --only corpus,db-build,timeline --keep]
//
// Measures Faultlines at a scale the real content will take years to reach. Named sections run in order over a
// shared context; each adds rows (section, measure, value, unit) to one table, printed at the end and written to
// bench-results/latest.json. Add a section by appending to SECTIONS.
//
//   corpus    writes a synthetic content folder (actors, issues, articles and annotations whose quotes resolve)
//   db-build  builds it with the real `scripts/db-build.ts` into a scratch database
//   timeline  serves the existing app build (`next start`, loopback only) over that database and times requests
//   search    query-layer and /search timings over that database, and the search index's size (scripts/lib/bench-search.ts)
//   load      loads the real app (its own database) with autocannon on five routes: req/s, p50/p99, errors, memory
//   budget    first-load JavaScript and HTML bytes per route, as Chromium receives them
//   lighthouse  Lighthouse scores per route, desktop preset and default mobile, in Debian's Chromium
//
// The server reads DATABASE_URL at request time only on dynamic routes (the timeline and the API); prerendered
// pages keep showing the real content, which does not matter here. The app build in .next must exist: it is
// built with `npm run build` when missing. Everything started here is stopped at the end, on error too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium.mjs";
import { benchSearch } from "./lib/bench-search";
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
    "load-seconds": { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
  },
});
const int = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};

/** Past these, a row is flagged: the budgets pages are held to. */
const BUDGET = {
  medianMs: 150,
  htmlBytes: 300_000,
  /** First-load JavaScript per route, compressed as sent: React and Next.js alone are about 140 KB. */
  firstLoadJsGzipBytes: 160_000,
  /** The same on the two routes with a chart (recharts, loaded after hydration). */
  firstLoadJsGzipBytesWithChart: 300_000,
  lighthouse: { performanceDesktop: 95, accessibility: 100, bestPractices: 100, seo: 100 },
};
/** The whole run stops itself after this long. */
const DEADLINE_MS = 20 * 60_000;

interface Row {
  section: string;
  measure: string;
  value: number;
  unit: "ms" | "bytes" | "count" | "s" | "req/s" | "score" | "MB";
  /** Over budget. */
  flag?: boolean;
}

interface Context {
  /** The real app (its own database), started once for the sections that need it. */
  app?: { base: string; server: ChildProcess; routes: { name: string; url: string; chart?: boolean }[] };
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
  {
    name: "search",
    async run(ctx) {
      if (!existsSync(ctx.db)) throw new Error("the search section needs the db-build section first");
      ensureAppBuild();
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const server = startServer(port, ctx.db);
      try {
        await waitFor(`${base}/api/v1/articles`, server, 90_000);
        ctx.rows.push(...(await benchSearch({ db: ctx.db, base, runs: ctx.runs, warmup: ctx.warmup })));
      } finally {
        await stop(server);
      }
    },
  },
  {
    name: "load",
    async run(ctx) {
      const app = await realApp(ctx);
      const { default: autocannon } = await import("autocannon");
      const seconds = int("load-seconds");
      const connections = int("connections");
      const before = rssMegabytes(app.server);
      add(ctx, "load", "server memory before (RSS)", before, "MB");
      const targets = [
        ...app.routes.filter((r) => ["/", "/issues/<first>", "/matrix"].includes(r.name)),
        { name: "/timeline?actor=us", url: "/timeline?actor=us" },
        { name: "/api/v1/events", url: "/api/v1/events" },
      ];
      for (const target of targets) {
        const result = await autocannon({ url: app.base + target.url, connections, duration: seconds });
        const failed = result.errors + result.timeouts + result.non2xx;
        add(ctx, "load", `${target.name} requests/s`, result.requests.average, "req/s");
        add(ctx, "load", `${target.name} latency p50`, result.latency.p50, "ms");
        add(ctx, "load", `${target.name} latency p99`, result.latency.p99, "ms");
        add(ctx, "load", `${target.name} errors and non-2xx`, failed, "count", failed > 0);
      }
      add(ctx, "load", "server memory after (RSS)", rssMegabytes(app.server), "MB");
      add(
        ctx,
        "load",
        `settings: ${connections} connections, ${seconds} s per route`,
        targets.length,
        "count",
      );
    },
  },
  {
    name: "budget",
    async run(ctx) {
      const app = await realApp(ctx);
      const { chromium } = await import("@playwright/test");
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      try {
        for (const route of app.routes) {
          const page = await browser.newPage();
          const scripts: Promise<{ raw: number; sent: number }>[] = [];
          page.on("requestfinished", (request) => {
            if (request.resourceType() !== "script") return;
            scripts.push(
              Promise.all([request.response(), request.sizes()]).then(async ([response, sizes]) => ({
                raw: (await response?.body())?.length ?? 0,
                sent: sizes.responseBodySize,
              })),
            );
          });
          const response = await page.goto(app.base + route.url, { waitUntil: "load" });
          // A chart arrives after hydration, in its own chunk: it counts as first-load JavaScript too.
          if (route.chart) await page.locator(".recharts-surface").first().waitFor({ timeout: 15_000 });
          await page.waitForTimeout(1000);
          const html = (await response?.text()) ?? "";
          const sizes = await Promise.all(scripts);
          const raw = sizes.reduce((n, s) => n + s.raw, 0);
          const sent = sizes.reduce((n, s) => n + s.sent, 0);
          add(ctx, "budget", `${route.name} first-load JS (${sizes.length} files)`, raw, "bytes");
          add(
            ctx,
            "budget",
            `${route.name} first-load JS sent (gzip)`,
            sent,
            "bytes",
            sent > (route.chart ? BUDGET.firstLoadJsGzipBytesWithChart : BUDGET.firstLoadJsGzipBytes),
          );
          add(
            ctx,
            "budget",
            `${route.name} HTML`,
            Buffer.byteLength(html),
            "bytes",
            Buffer.byteLength(html) > BUDGET.htmlBytes,
          );
          add(ctx, "budget", `${route.name} HTML gzipped`, gzipSync(html).length, "bytes");
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
  },
  {
    name: "lighthouse",
    async run(ctx) {
      const app = await realApp(ctx);
      for (const route of app.routes) {
        for (const preset of ["desktop", "mobile"] as const) {
          const scores = runLighthouse(app.base + route.url, preset, ctx.dir);
          const target = BUDGET.lighthouse;
          add(
            ctx,
            "lighthouse",
            `${route.name} ${preset} performance`,
            scores.performance,
            "score",
            preset === "desktop" && scores.performance < target.performanceDesktop,
          );
          add(
            ctx,
            "lighthouse",
            `${route.name} ${preset} accessibility`,
            scores.accessibility,
            "score",
            scores.accessibility < target.accessibility,
          );
          add(
            ctx,
            "lighthouse",
            `${route.name} ${preset} best practices`,
            scores["best-practices"],
            "score",
            scores["best-practices"] < target.bestPractices,
          );
          add(ctx, "lighthouse", `${route.name} ${preset} SEO`, scores.seo, "score", scores.seo < target.seo);
        }
      }
    },
  },
];

/** Starts the real app once (no DATABASE_URL: the snapshot it was built with) and finds its routes. */
async function realApp(ctx: Context): Promise<NonNullable<Context["app"]>> {
  if (ctx.app) return ctx.app;
  ensureAppBuild();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port, null);
  await waitFor(`${base}/api/v1/articles`, server, 90_000);
  const issues = (await (await fetch(`${base}/api/v1/issues`)).json()) as { issues: { slug: string }[] };
  const articles = (await (await fetch(`${base}/api/v1/articles`)).json()) as {
    articles: { slug: string }[];
  };
  ctx.app = {
    base,
    server,
    routes: [
      { name: "/", url: "/" },
      { name: "/issues/<first>", url: `/issues/${issues.issues[0]!.slug}` },
      { name: "/timeline", url: "/timeline", chart: true },
      { name: "/matrix", url: "/matrix", chart: true },
      { name: "/articles/<latest>", url: `/articles/${articles.articles.at(-1)!.slug}` },
    ],
  };
  return ctx.app;
}

/** Resident memory of a process, from /proc (Linux), in MB; NaN elsewhere. */
function rssMegabytes(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART); one retry, then the error stands. */
function runLighthouse(url: string, preset: "desktop" | "mobile", dir: string) {
  try {
    return runLighthouseOnce(url, preset, dir);
  } catch (error) {
    console.warn(`${(error as Error).message.split("\n")[0]} — retrying once`);
    return runLighthouseOnce(url, preset, dir);
  }
}

function runLighthouseOnce(url: string, preset: "desktop" | "mobile", dir: string) {
  const out = path.join(dir, `lighthouse-${preset}-${Date.now()}.json`);
  const flags = ["--headless=new", ...CHROMIUM_ARGS].join(" ");
  const args = [
    path.resolve("node_modules/lighthouse/cli/index.js"),
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    `--chrome-flags=${flags}`,
    "--only-categories=performance,accessibility,best-practices,seo",
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, CHROME_PATH: chromiumPath() },
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}:\n${result.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    categories: Record<string, { score: number | null }>;
  };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
  };
}

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

/** `next start` on a loopback port; over `db` when given, else over the database the app was built with. */
function startServer(port: number, db: string | null): ChildProcess {
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      // Its own process group, so stopping it stops anything it started.
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        ...(db ? { DATABASE_URL: `file:${db}` } : {}),
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
      : row.unit === "count" || row.unit === "score"
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
