import type { CorpusSummary } from "../lib/synthetic-corpus";
import type { RunningServer } from "../lib/server";

// What the benchmark's sections share: the options, the scratch folder, the real app once started, and the rows.

/** Past these, a row is flagged: the budgets pages are held to (the assist's goals are in lib/assist/eval.ts). */
export const BUDGET = {
  medianMs: 150,
  htmlBytes: 300_000,
  /** First-load JavaScript per route, compressed as sent: React and Next.js alone are about 140 KB. */
  firstLoadJsGzipBytes: 160_000,
  /** What the timeline's chart library (recharts) adds when a pointer first reaches the chart. */
  chartJsGzipBytes: 140_000,
  lighthouse: { performanceDesktop: 95, accessibility: 100, bestPractices: 100, seo: 100 },
};

export interface Options {
  events: number;
  actors: number;
  issues: number;
  articles: number;
  seed: number;
  runs: number;
  warmup: number;
  loadSeconds: number;
  connections: number;
}

export interface Row {
  section: string;
  measure: string;
  value: number;
  unit: "ms" | "µs" | "bytes" | "count" | "s" | "req/s" | "score" | "MB" | "%" | "ratio";
  /** Over budget, or short of its goal. */
  flag?: boolean;
}

export interface Route {
  name: string;
  url: string;
  chart?: boolean;
}

export interface Context {
  options: Options;
  /** The real app (its own database), started once for the sections that need it. */
  app?: { server: RunningServer; routes: Route[] };
  dir: string;
  contentDir: string;
  db: string;
  corpus?: CorpusSummary;
  rows: Row[];
}

export interface Section {
  name: string;
  run(ctx: Context): Promise<void>;
}

export function add(
  ctx: Context,
  section: string,
  measure: string,
  value: number,
  unit: Row["unit"],
  flag = false,
): void {
  // Two decimals for ratios and shares: a share under 1 % would read 0.0 with one.
  const precision = unit === "ratio" || unit === "%" ? 100 : 10;
  ctx.rows.push({
    section,
    measure,
    value: Math.round(value * precision) / precision,
    unit,
    ...(flag ? { flag } : {}),
  });
}
