import { defineConfig } from "prisma/config";
import { EXTERNAL_TABLES } from "./prisma/external-tables.mjs";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./prisma/faultlines.db" },
  // The same list scripts/lib/migrate.mjs gives the WASM engine, for the Prisma CLI where its engines exist.
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});
