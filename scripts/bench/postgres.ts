import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { envFor } from "../../lib/env";
import { startPgCluster } from "../lib/pg-cluster";
import { dbBuildArgs, tsxArgs } from "../lib/run";
import { add, type Section } from "./context";

type Timings = Record<string, { median: number; p95: number }>;

function timeQueries(
  databaseUrl: string,
  actor: string,
  issue: string,
  runs: number,
  warmup: number,
): Timings {
  const result = spawnSync(
    process.execPath,
    [
      "--conditions=react-server",
      ...tsxArgs("scripts/bench/query-worker.ts", actor, issue, String(runs), String(warmup)),
    ],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "development" } },
  );
  if (result.status !== 0)
    throw new Error(`query timing failed on ${databaseUrl}:\n${result.stderr.slice(0, 4000)}`);
  return JSON.parse(result.stdout) as Timings;
}

/**
 * The synthetic corpus on PostgreSQL next to SQLite, in one run: db:build into a throwaway cluster, then the query
 * layer's median and p95 on each store, and their ratio (PostgreSQL ÷ SQLite; above 1 is slower).
 */
export const postgres: Section = {
  name: "postgres",
  async run(ctx) {
    if (!existsSync(ctx.db)) throw new Error("the postgres section needs the db-build section first");
    const cluster = await startPgCluster();
    try {
      const started = performance.now();
      const build = spawnSync(process.execPath, dbBuildArgs(ctx.contentDir, cluster.ownerUrl, "--quiet"), {
        encoding: "utf8",
      });
      if (build.status !== 0)
        throw new Error(`db:build into PostgreSQL failed:\n${build.stderr.slice(0, 4000)}`);
      add(ctx, "postgres", "db:build into PostgreSQL", (performance.now() - started) / 1000, "s");
      const actor = ctx.corpus?.topActor ?? "actor-001";
      const issue = "issue-01";
      const runs = ctx.options.runs;
      const warmup = ctx.options.warmup;
      const sqlite = timeQueries(envFor({ db: ctx.db }).DATABASE_URL!, actor, issue, runs, warmup);
      const pg = timeQueries(cluster.readerUrl, actor, issue, runs, warmup);
      for (const [name, s] of Object.entries(sqlite)) {
        const p = pg[name]!;
        add(ctx, "query layer", `${name} SQLite median`, s.median, "ms");
        add(ctx, "query layer", `${name} SQLite p95`, s.p95, "ms");
        add(ctx, "query layer", `${name} PostgreSQL median`, p.median, "ms");
        add(ctx, "query layer", `${name} PostgreSQL p95`, p.p95, "ms");
        add(ctx, "query layer", `${name} PostgreSQL ÷ SQLite (median)`, p.median / s.median, "ratio");
      }
    } finally {
      cluster.stop();
    }
  },
};
