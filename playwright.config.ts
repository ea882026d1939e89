import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium.mjs";
import { HOSTILE } from "./tests/support/hostile";
import { freePort } from "./tests/support/server";

// Ports: E2E_PORT when given, else one the system says is free. The choice is made once, in the main process, and
// passed to the test workers (which load this file again) through the environment.
process.env.FAULTLINES_E2E_PORT ??= process.env.E2E_PORT || String(await freePort());
process.env.FAULTLINES_E2E_HOSTILE_PORT ??= String(await freePort());
const PORT = Number(process.env.FAULTLINES_E2E_PORT);
const HOSTILE_PORT = Number(process.env.FAULTLINES_E2E_HOSTILE_PORT);

// Without it the hostile tests fail (tests/e2e/hostile.spec.ts says how to build it); they are never skipped.
const withHostile = existsSync(`${HOSTILE.dist}/BUILD_ID`);

const server = (port: number, env: Record<string, string> = {}) => ({
  command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
  url: `http://127.0.0.1:${port}/api/v1/articles`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: { NEXT_TELEMETRY_DISABLED: "1", ...env },
});

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "app", testIgnore: /hostile\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PORT}` } },
    { name: "hostile", testMatch: /hostile\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${HOSTILE_PORT}` } },
  ],
  webServer: [
    server(PORT),
    ...(withHostile
      ? [server(HOSTILE_PORT, { NEXT_DIST_DIR: HOSTILE.dist, DATABASE_URL: `file:${HOSTILE.db}` })]
      : []),
  ],
});
