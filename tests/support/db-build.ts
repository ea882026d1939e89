import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { vi } from "vitest";
import { envFor } from "@/lib/env";
import { dbBuildArgs } from "../../scripts/lib/run";

const TSCONFIG = path.resolve("tsconfig.json");

export interface DbBuildOptions {
  env?: Record<string, string>;
  /** The working directory: where db:build finds prisma/schema.prisma and prisma/migrations. */
  cwd?: string;
}

function args(contentDir: string, dbFile: string, { cwd }: DbBuildOptions) {
  // Paths as given, so messages name files as a user would see them; absolute when run from elsewhere.
  const at = (p: string) => (cwd ? path.resolve(p) : p);
  return dbBuildArgs(at(contentDir), at(dbFile));
}

function options({ env = {}, cwd }: DbBuildOptions) {
  // tsx looks for tsconfig.json (and the `@/` paths in it) in the working directory.
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

/** Points lib/db at a database file when it is next imported; `vi.unstubAllEnvs()` undoes it. */
export function useDatabase(dbFile: string) {
  for (const [name, value] of Object.entries(envFor({ db: dbFile }))) vi.stubEnv(name, value);
}
