// npm start: builds the database and the app when they are missing or stale, then serves on PORT (default 3000).
import { spawn } from "node:child_process";
import path from "node:path";
import { toolEnv } from "../lib/env";
import { appIsFresh, buildApp, ensureDatabase } from "./lib/steps";

const database = ensureDatabase();
if (!appIsFresh(database)) {
  console.log("Building the app.");
  buildApp();
}

const server = spawn(
  process.execPath,
  [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(toolEnv().PORT)],
  {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
