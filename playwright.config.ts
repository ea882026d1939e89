import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium.mjs";

const PORT = Number(process.env.E2E_PORT || 3100);
const HOSTILE_PORT = PORT + 90;
/** The import journey builds and starts its own app over its own content (tests/e2e/import.spec.ts). */
export const IMPORT_PORT = PORT + 80;
/** The studio journey runs a studio, then `npm start` over its own content (tests/e2e/studio.spec.ts). */
export const STUDIO_PORT = PORT + 5;
export const APP_PORT = PORT;

/** A second build of the app over content written to attack it (tests/fixtures/hostile), built by `npm test`. */
export const HOSTILE = {
  dist: ".next-hostile",
  db: "tests/.tmp/hostile.db",
  content: "tests/fixtures/hostile",
};
const withHostile = existsSync(`${HOSTILE.dist}/BUILD_ID`);
if (!withHostile && process.env.E2E_REQUIRE_HOSTILE)
  throw new Error(`${HOSTILE.dist} is missing: run npm test`);

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
  forbidOnly: Boolean(process.env.CI),
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
    ...(withHostile
      ? [server(HOSTILE_PORT, { NEXT_DIST_DIR: HOSTILE.dist, DATABASE_URL: `file:${HOSTILE.db}` })]
      : []),
  ],
});
