import { defineConfig } from "prisma/config";
import { appEnv, BUILT_DB } from "./lib/env";
import { EXTERNAL_TABLES } from "./prisma/external-tables";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: appEnv().DATABASE_URL ?? `file:./${BUILT_DB}` },
  // The same list scripts/lib/migrate.ts gives the WASM engine, for the Prisma CLI where its engines exist.
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});
