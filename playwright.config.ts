import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { envFor, HOSTILE, toolEnv } from "./lib/env";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium";

const env = toolEnv();
const PORT = env.E2E_PORT;
const HOSTILE_PORT = PORT + 90;

/** The second build of the app over content written to attack it, built by `npm test`. */
const withHostile = existsSync(path.join(HOSTILE.dist, "BUILD_ID"));
if (!withHostile && env.E2E_REQUIRE_HOSTILE) throw new Error(`${HOSTILE.dist} is missing: run npm test`);

const server = (port: number, extraEnv: Record<string, string> = {}) => ({
  // The server `npm start` runs: Next.js behind the response cache.
  command: `node --import tsx scripts/serve.ts -p ${port} -H 127.0.0.1`,
  url: `http://127.0.0.1:${port}/api/v1/articles`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...extraEnv },
});

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "app", testIgnore: /hostile\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PORT}` } },
    ...(withHostile
      ? [
          {
            name: "hostile",
            testMatch: /hostile\.spec\.ts/,
            use: { baseURL: `http://127.0.0.1:${HOSTILE_PORT}` },
          },
        ]
      : []),
  ],
  webServer: [
    server(PORT),
    ...(withHostile ? [server(HOSTILE_PORT, envFor({ dist: HOSTILE.dist, db: HOSTILE.db }))] : []),
  ],
});
