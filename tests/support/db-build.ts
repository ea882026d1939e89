import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export { TMP_DIR } from "./scratch";

const SCRIPT = path.resolve("scripts/db-build.ts");
// Absolute, so the script also runs from another working directory (a test's own prisma/ folder).
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const TSCONFIG = path.resolve("tsconfig.json");

export interface DbBuildOptions {
  env?: Record<string, string>;
  /** The working directory: where db:build finds prisma/schema.prisma and prisma/migrations. */
  cwd?: string;
}

function args(contentDir: string, dbFile: string, { cwd }: DbBuildOptions) {
  // Paths as given, so messages name files as a user would see them; absolute when run from elsewhere.
  const at = (p: string) => (cwd ? path.resolve(p) : p);
  return ["--import", TSX, SCRIPT, "--content", at(contentDir), "--db", at(dbFile)];
}

function options({ env = {}, cwd }: DbBuildOptions) {
  return { cwd, env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG, ...env } };
}

/** Runs the real `db:build` script as a separate process, as a user would. */
export function runDbBuild(contentDir: string, dbFile: string, opts: DbBuildOptions = {}) {
  const result = spawnSync(process.execPath, args(contentDir, dbFile, opts), {
    encoding: "utf8",
    ...options(opts),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without waiting: the child process, to signal or wait on. */
export function spawnDbBuild(contentDir: string, dbFile: string, opts: DbBuildOptions = {}) {
  return spawn(process.execPath, args(contentDir, dbFile, opts), {
    ...options(opts),
    stdio: ["ignore", "pipe", "pipe"],
  });
}
