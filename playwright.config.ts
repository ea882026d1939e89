import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { envFor, HOSTILE, toolEnv } from "./lib/env";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium";
import { SERVE_ENV, SERVE_NODE_ARGS, SERVE_SCRIPT } from "./scripts/lib/serve-process";
import { freePort } from "./scripts/lib/server";

// Ports: E2E_PORT, E2E_HOSTILE_PORT and E2E_IMPORT_PORT when given, else ones the system says are free. The choice is made once, in
// the main process, and handed to the test workers (which load this file again) through the environment.
const env = toolEnv();
const PORT = env.E2E_PORT ?? (await freePort());
const HOSTILE_PORT = env.E2E_HOSTILE_PORT ?? (await freePort());
process.env.E2E_PORT = String(PORT);
process.env.E2E_HOSTILE_PORT = String(HOSTILE_PORT);
/** The import journey builds and starts its own app over its own content (tests/e2e/import.spec.ts). */
export const IMPORT_PORT = env.E2E_IMPORT_PORT ?? (await freePort());
process.env.E2E_IMPORT_PORT = String(IMPORT_PORT);
/** The studio journey runs a studio, then `npm start` over its own content (tests/e2e/studio.spec.ts). */
export const STUDIO_PORT = env.E2E_STUDIO_PORT ?? (await freePort());
export const STUDIO_PUBLIC_PORT = env.E2E_STUDIO_PUBLIC_PORT ?? (await freePort());
process.env.E2E_STUDIO_PORT = String(STUDIO_PORT);
process.env.E2E_STUDIO_PUBLIC_PORT = String(STUDIO_PUBLIC_PORT);
export const APP_PORT = PORT;

// Without it the hostile tests fail (tests/e2e/hostile.spec.ts says how to build it); they are never skipped.
const withHostile = existsSync(path.join(env.E2E_HOSTILE_DIST, "BUILD_ID"));

const server = (port: number, extraEnv: Record<string, string> = {}) => ({
  // The server `npm start` runs: Next.js behind the response cache.
  command: `node ${SERVE_NODE_ARGS.join(" ")} ${SERVE_SCRIPT} -p ${port} -H 127.0.0.1`,
  url: `http://127.0.0.1:${port}/api/v1/articles`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: { ...SERVE_ENV, ...extraEnv },
});

export default defineConfig({
  testDir: "tests/e2e",
  // Two files at a time (the tests of one file in order): much of a run is spent waiting on servers and builds.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "app",
      testIgnore: /(hostile|import|studio)\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${PORT}` },
    },
    { name: "import", testMatch: /import\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${IMPORT_PORT}` } },
    { name: "studio", testMatch: /studio\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${STUDIO_PORT}` } },
    { name: "hostile", testMatch: /hostile\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${HOSTILE_PORT}` } },
  ],
  webServer: [
    server(PORT),
    ...(withHostile ? [server(HOSTILE_PORT, envFor({ dist: env.E2E_HOSTILE_DIST, db: HOSTILE.db }))] : []),
  ],
});
