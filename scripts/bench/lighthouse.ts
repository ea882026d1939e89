import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_ARGS, chromiumPath } from "../lib/chromium";
import { startServer } from "../lib/server";
import { realApp } from "./app";
import { add, BUDGET, type Context, type Section } from "./context";

/** The baseline's project: a bare Next.js page (scripts/bench/bare-next), built and served here by `next start`. */
const BARE_NEXT_DIR = path.resolve("scripts/bench/bare-next");
/** Issue #15's goal for every page type on a phone. */
const MOBILE_GOAL = 95;
/**
 * Runs per page on the phone preset, the median reported. One mobile run here moves by 5–10 points from the next on
 * a quiet machine (Lighthouse's own variability plus two shared cores); three take about 45 s a page.
 */
const MOBILE_RUNS = 3;

type Preset = "desktop" | "mobile";

interface Report {
  performance: number;
  accessibility: number;
  "best-practices": number;
  seo: number;
  /** Lighthouse's simulated figures on the preset's throttling, ms. */
  tbt: number;
  lcp: number;
  /**
   * Lighthouse's measure of this machine's CPU (environment.benchmarkIndex): its simulated phone is this machine slowed
   * four times, so the same page scores differently on a faster or slower machine.
   */
  benchmarkIndex: number;
}

/**
 * Lighthouse per route, desktop once and mobile three times (median), in Debian's Chromium; and, in the same run, a
 * bare Next.js page on the same settings: the score React's and Next's own start costs on this machine, against which
 * a route's shortfall is what the page adds.
 */
export const lighthouse: Section = {
  name: "lighthouse",
  async run(ctx) {
    const bare = await bareNextBaseline(ctx);
    const app = await realApp(ctx);
    const target = BUDGET.lighthouse;
    for (const route of app.routes) {
      const url = app.server.base + route.url;
      const { desktop, mobile } = scorePage(url, ctx.dir);
      for (const [preset, report] of [
        ["desktop", desktop],
        ["mobile", mobile],
      ] as const) {
        const name = `${route.name} ${preset}`;
        const short =
          preset === "desktop"
            ? report.performance < target.performanceDesktop
            : report.performance < MOBILE_GOAL;
        const label = preset === "mobile" ? `performance (median of ${MOBILE_RUNS})` : "performance";
        add(ctx, "lighthouse", `${name} ${label}`, report.performance, "score", short);
        add(
          ctx,
          "lighthouse",
          `${name} accessibility`,
          report.accessibility,
          "score",
          report.accessibility < target.accessibility,
        );
        add(
          ctx,
          "lighthouse",
          `${name} best practices`,
          report["best-practices"],
          "score",
          report["best-practices"] < target.bestPractices,
        );
        add(ctx, "lighthouse", `${name} SEO`, report.seo, "score", report.seo < target.seo);
      }
      add(ctx, "lighthouse", `${route.name} mobile total blocking time`, mobile.tbt, "ms");
      add(ctx, "lighthouse", `${route.name} mobile largest contentful paint`, mobile.lcp, "ms");
      add(
        ctx,
        "lighthouse",
        `${route.name} mobile: points below the bare Next.js page`,
        bare.performance - mobile.performance,
        "score",
      );
    }
  },
};

/** Builds and serves the bare Next.js page, and scores it as the routes are scored. */
async function bareNextBaseline(ctx: Context): Promise<Report> {
  const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    cwd: BARE_NEXT_DIR,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0)
    throw new Error(`the bare Next.js page did not build:\n${build.stderr.slice(-2000)}`);
  const server = await startServer({ bare: true, cwd: BARE_NEXT_DIR, readyPath: "/" });
  try {
    const { desktop, mobile } = scorePage(`${server.base}/`, ctx.dir);
    add(ctx, "lighthouse", "bare Next.js page desktop performance", desktop.performance, "score");
    add(
      ctx,
      "lighthouse",
      `bare Next.js page mobile performance (median of ${MOBILE_RUNS})`,
      mobile.performance,
      "score",
    );
    add(ctx, "lighthouse", "bare Next.js page mobile total blocking time", mobile.tbt, "ms");
    add(ctx, "lighthouse", "bare Next.js page mobile largest contentful paint", mobile.lcp, "ms");
    // A report without its environment section has no index to show.
    if (Number.isFinite(mobile.benchmarkIndex)) {
      add(
        ctx,
        "lighthouse",
        "this machine's CPU, Lighthouse's benchmark index",
        mobile.benchmarkIndex,
        "count",
      );
    }
    return mobile;
  } finally {
    await server.stop();
  }
}

/** A page as every page here is scored: desktop once, mobile MOBILE_RUNS times and the median run. */
function scorePage(url: string, dir: string): { desktop: Report; mobile: Report } {
  const desktop = runLighthouse(url, "desktop", dir);
  const mobile = median(Array.from({ length: MOBILE_RUNS }, () => runLighthouse(url, "mobile", dir)));
  return { desktop, mobile };
}

/** The run with the median performance score, whole: its other figures belong to the same load. */
function median(reports: Report[]): Report {
  const sorted = [...reports].sort((a, b) => a.performance - b.performance);
  return sorted[sorted.length >> 1]!;
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART); one retry, then the error stands. */
function runLighthouse(url: string, preset: Preset, dir: string): Report {
  try {
    return runLighthouseOnce(url, preset, dir);
  } catch (error) {
    console.warn(`${(error as Error).message.split("\n")[0]} — retrying once`);
    return runLighthouseOnce(url, preset, dir);
  }
}

function runLighthouseOnce(url: string, preset: Preset, dir: string): Report {
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
    audits: Record<string, { numericValue?: number }>;
    environment?: { benchmarkIndex?: number };
  };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
    tbt: metric("total-blocking-time"),
    lcp: metric("largest-contentful-paint"),
    benchmarkIndex: Math.round(report.environment?.benchmarkIndex ?? Number.NaN),
  };
}
