import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CSP_MANIFEST, toolEnv } from "@/lib/env";
import { tsxEvalArgs } from "../../scripts/lib/run";

// Project folders and builds that end-to-end tests start a server of their own over (scripts/lib/server.ts).

const ROOT = path.resolve(".");

/** The build the tests run against (`npm run build` writes it; NEXT_DIST_DIR points elsewhere). */
export const DIST = toolEnv().NEXT_DIST_DIR;

/**
 * A project folder of links to this one, with a prisma/ folder of its own: `npm run build` and `npm start` run in
 * it read and write their databases (prisma/faultlines.db, prisma/serving.db) there, leaving ours alone.
 */
export function projectView(dir: string): string {
  mkdirSync(dir);
  for (const name of readdirSync(ROOT)) {
    // Not tests/ (the view lives inside it) nor .git; prisma/ is the view's own.
    if (["tests", "prisma", ".git"].includes(name)) continue;
    symlinkSync(path.join(ROOT, name), path.join(dir, name));
  }
  mkdirSync(path.join(dir, "prisma"));
  symlinkSync(path.join(ROOT, "prisma/schema.prisma"), path.join(dir, "prisma/schema.prisma"));
  symlinkSync(path.join(ROOT, "prisma/migrations"), path.join(dir, "prisma/migrations"));
  return dir;
}

/**
 * A build folder that is the built app but for its CSP manifest: links to every file of DIST, and the manifest
 * given. Returns its path relative to the project, as NEXT_DIST_DIR wants it.
 */
export function distWithManifest(dir: string, manifest: unknown): string {
  const dist = path.join(dir, "dist");
  mkdirSync(dist);
  for (const name of readdirSync(DIST)) {
    if (name === CSP_MANIFEST) continue;
    symlinkSync(path.join(ROOT, DIST, name), path.join(dist, name));
  }
  writeFileSync(path.join(dist, CSP_MANIFEST), JSON.stringify(manifest));
  return path.relative(ROOT, dist);
}

/**
 * Arguments for `node` to run `code` with `steps` bound to the build steps `npm start` and `npm run build` share
 * (scripts/lib/steps.ts), in a process of its own: they read their folders from its environment when they load.
 */
export function withSteps(code: string): string[] {
  const steps = pathToFileURL(path.join(ROOT, "scripts/lib/steps.ts")).href;
  return tsxEvalArgs(`const steps = await import(${JSON.stringify(steps)});\n${code}`);
}

/** Runs Node in `cwd` without blocking this process; resolves with its output, rejects with it on failure. */
export function runNode(
  args: string[],
  { cwd = ROOT, env = {} }: { cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`node ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}
