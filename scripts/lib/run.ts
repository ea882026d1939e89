// Running the project's own commands as child processes, as a user would.
import { spawnSync } from "node:child_process";

/** Runs a command to the end with this process's output; a failure ends this process with its status. */
export function run(command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Arguments for `node` to run a TypeScript script in a process of its own. */
export function tsxArgs(script: string, ...args: string[]): string[] {
  return ["--import", "tsx", script, ...args];
}

/** Arguments for `node` to run the real `db:build` from a content folder into a database file. */
export function dbBuildArgs(contentDir: string, dbFile: string, ...flags: string[]): string[] {
  return tsxArgs("scripts/db-build.ts", "--content", contentDir, "--db", dbFile, ...flags);
}
