// npm start: builds the database and the app when they are missing or stale, then serves on PORT (default 3000).
import { spawn } from "node:child_process";
import path from "node:path";
import { toolEnv } from "../lib/env";
import { SERVE_ENV, SERVE_NODE_ARGS, SERVE_SCRIPT } from "./lib/serve-process";
import { appIsFresh, buildApp, ensureDatabase } from "./lib/steps";

const database = ensureDatabase();
if (!appIsFresh(database)) {
  console.log("Building the app.");
  buildApp();
}

// The production server: Next.js behind the response cache (scripts/serve.ts).
const server = spawn(
  process.execPath,
  [...SERVE_NODE_ARGS, path.resolve(SERVE_SCRIPT), "-p", String(toolEnv().PORT)],
  { stdio: "inherit", env: { ...process.env, ...SERVE_ENV } },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
