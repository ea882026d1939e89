// Usage: npm run db:migrate:create -- <name>   (a new migration from the schema change)
//        tsx scripts/migrate.ts deploy         (apply pending migrations to DATABASE_URL)
import { appEnv, BUILT_DB } from "../lib/env";
import { applyMigrations, createMigration } from "./lib/migrate";

const [command, name = "migration"] = process.argv.slice(2);
if (command === "create") {
  if (!/^[a-z0-9_]+$/.test(name)) {
    console.error("migration names are lowercase letters, digits and underscores");
    process.exit(1);
  }
  const created = await createMigration(name);
  console.log(created ? `Created ${created}` : "No schema changes.");
} else if (command === "deploy") {
  const applied = await applyMigrations(appEnv().DATABASE_URL ?? `file:./${BUILT_DB}`);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
} else {
  console.error("usage: tsx scripts/migrate.ts create <name> | deploy");
  process.exit(1);
}
