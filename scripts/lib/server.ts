// A production server for scripts and tests: the one `npm start` runs (scripts/serve.ts: Next.js behind the response
// cache), or bare `next start` when asked, on a loopback port (a free one unless given), ready once it answers, stopped
// by its process id together with everything it started. Used by the benchmark and by the end-to-end tests that need
// a server of their own (the database swap, the CSP control cases); anything that compares or times a running app can
// start one the same way.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { SERVE_ENV, SERVE_NODE_ARGS, SERVE_SCRIPT } from "./serve-process";

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  pid: number;
  /** The last few KB the server wrote to stdout and stderr, for a failure message. */
  output(): string;
  /** Stops the server and its children: SIGTERM to its process group, SIGKILL after 5 s. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  port?: number;
  /** Added to this process's environment: another build (NEXT_DIST_DIR), another database (DATABASE_URL). */
  env?: Record<string, string>;
  /** The project folder it runs in, which relative paths (the database, the build) are read from. */
  cwd?: string;
  /** A path that answers 200 once the server is ready. */
  readyPath?: string;
  timeoutMs?: number;
  /** `next start` without the response cache, for comparing against it. */
  bare?: boolean;
}

const running = new Set<RunningServer>();

/** A port nothing listens on now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** Starts the server and resolves once it answers `readyPath`; rejects (and stops it) if it does not in time. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const args = options.bare
    ? [path.resolve("node_modules/next/dist/bin/next"), "start"]
    : [...SERVE_NODE_ARGS, path.resolve(SERVE_SCRIPT)];
  const child = spawn(process.execPath, [...args, "-p", String(port), "-H", "127.0.0.1"], {
    // Its own process group, so stopping it stops anything it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    cwd: options.cwd,
    env: { ...process.env, ...options.env, ...SERVE_ENV },
  });
  if (child.pid === undefined) throw new Error("the server did not start");
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-16_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const server: RunningServer = {
    base: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    output: () => output,
    stop: () => stop(child, server),
  };
  running.add(server);
  child.on("exit", (code, signal) => {
    // Still listed: nobody asked it to stop.
    if (running.delete(server))
      console.error(`the server on port ${port} stopped (${code ?? signal})\n${output}`);
  });
  try {
    await waitUntilReady(
      `${server.base}${options.readyPath ?? "/api/v1/articles"}`,
      child,
      options.timeoutMs ?? 90_000,
    );
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return server;
}

/** Stops every server started here that is still running: for a script's exit paths. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error("the server stopped before it answered");
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

async function stop(child: ChildProcess, server: RunningServer): Promise<void> {
  running.delete(server);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-server.pid, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
