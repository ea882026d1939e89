// Usage: npm run db:migrate:create -- <name>   (a new migration from the schema change, for both stores)
//        tsx scripts/migrate.ts deploy         (apply pending migrations to DATABASE_URL)
// The PostgreSQL migration is diffed on a throwaway cluster (scripts/lib/pg-cluster.ts), or on PG_ADMIN_URL when
// set (a role that may create databases: the engine replays the migrations on a shadow database).
import { readFileSync, writeFileSync } from "node:fs";
import { appEnv, BUILT_DB } from "../lib/env";
import { applyMigrations, createMigration } from "./lib/migrate";
import { startPgCluster } from "./lib/pg-cluster";
import { PG_SCHEMA, SQLITE_SCHEMA, toPostgresSchema } from "./lib/pg-schema";

const [command, name = "migration"] = process.argv.slice(2);
if (command === "create") {
  if (!/^[a-z0-9_]+$/.test(name)) {
    console.error("migration names are lowercase letters, digits and underscores");
    process.exit(1);
  }
  const created = await createMigration(name);
  console.log(created ? `Created ${created}` : "No schema changes (SQLite).");
  writeFileSync(PG_SCHEMA, toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  const cluster = process.env.PG_ADMIN_URL ? null : await startPgCluster();
  try {
    const url = process.env.PG_ADMIN_URL ?? cluster!.urlFor("postgres");
    const createdPg = await createMigration(name, "postgresql", url);
    console.log(createdPg ? `Created ${createdPg}` : "No schema changes (PostgreSQL).");
  } finally {
    cluster?.stop();
  }
} else if (command === "deploy") {
  const applied = await applyMigrations(appEnv().DATABASE_URL ?? `file:./${BUILT_DB}`);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
} else {
  console.error("usage: tsx scripts/migrate.ts create <name> | deploy");
  process.exit(1);
}
// The schema engine's WASM build leaves a timer running for about 10 s after applyMigrations.
process.exit(0);
