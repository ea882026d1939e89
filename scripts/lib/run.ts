// Running the project's own commands as child processes, as a user would.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Absolute, so a script also runs from another working directory (a test's own prisma/ folder, say).
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** Runs a command to the end with this process's output; a failure ends this process with its status. */
export function run(command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Arguments for `node` to run one of the project's TypeScript scripts in a process of its own. */
export function tsxArgs(script: string, ...args: string[]): string[] {
  return ["--import", TSX, path.join(ROOT, script), ...args];
}

/** Arguments for `node` to run an ES module snippet that may import the project's TypeScript modules by path. */
export function tsxEvalArgs(code: string): string[] {
  return ["--import", TSX, "--input-type=module", "-e", code];
}

/** Arguments for `node` to run the real `db:build` from a content folder into a database file. */
export function dbBuildArgs(contentDir: string, dbFile: string, ...flags: string[]): string[] {
  return tsxArgs("scripts/db-build.ts", "--content", contentDir, "--db", dbFile, ...flags);
}
