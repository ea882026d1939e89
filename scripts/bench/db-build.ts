import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { dbBuildArgs } from "../lib/run";
import { add, type Section } from "./context";

/** Builds the synthetic corpus with the real `scripts/db-build.ts` into a scratch database. */
export const dbBuild: Section = {
  name: "db-build",
  async run(ctx) {
    const started = performance.now();
    const result = spawnSync(process.execPath, dbBuildArgs(ctx.contentDir, ctx.db), { encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(`db:build failed on the synthetic corpus:\n${result.stderr.slice(0, 4000)}`);
    }
    add(ctx, "db:build", "time (validate, resolve quotes, load)", (performance.now() - started) / 1000, "s");
    add(ctx, "db:build", "database file", statSync(ctx.db).size, "bytes");
  },
};
