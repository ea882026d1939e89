import { spawnSync } from "node:child_process";
import path from "node:path";
import { dbBuildArgs } from "../../scripts/lib/run";

/** Runs the real `db:build` script as a separate process, as a user would. */
export function runDbBuild(contentDir: string, dbFile: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, dbBuildArgs(contentDir, dbFile), {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const TMP_DIR = path.resolve("tests/.tmp");
