import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

// Servers that end-to-end tests start for themselves: each on a port the system says is free, each with its
// output kept, to be shown when a test fails.

const ROOT = path.resolve(".");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

/** The build the tests run against (`npm run build` writes it; NEXT_DIST_DIR points elsewhere). */
export const DIST = process.env.NEXT_DIST_DIR || ".next";

/** A TCP port nothing listens on right now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The project folder `next start` runs in (it reads the database and the CSP manifest relative to it). */
  cwd?: string;
  env?: Record<string, string>;
}

/** `next start` on a free port; resolves once it answers, rejects with its output when it cannot start. */
export async function startServer({ cwd = ROOT, env = {} }: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const server: RunningServer = {
    url,
    output: () => output,
    async stop() {
      if (running) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!running) throw new Error(`next start exited before answering:\n${output}`);
    const status = await fetch(`${url}/api/v1/articles`).then(
      (r) => r.status,
      () => 0,
    );
    if (status > 0) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`next start did not answer within 60 s:\n${output}`);
}

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
    if (name === "faultlines-csp.json") continue;
    symlinkSync(path.join(ROOT, DIST, name), path.join(dist, name));
  }
  writeFileSync(path.join(dist, "faultlines-csp.json"), JSON.stringify(manifest));
  return path.relative(ROOT, dist);
}

/** Runs Node in `cwd` without blocking this process; resolves with its output, rejects with it on failure. */
export function runNode(args: string[], { cwd = ROOT, env = {} }: ServerOptions = {}): Promise<string> {
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
