import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; the query layer is tested directly in Node.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // `vitest run` runs both; `vitest run --project unit` only the pure modules, in seconds.
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      // The real db:build into throwaway SQLite files, read back through lib/queries and lib/db.
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"] } },
      // The same against a real PostgreSQL 15: a throwaway cluster started for the run and stopped after.
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["tests/postgres/**/*.test.ts"],
          globalSetup: ["tests/support/pg-global.ts"],
        },
      },
    ],
  },
});
