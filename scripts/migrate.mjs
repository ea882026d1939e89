// Usage: node scripts/migrate.mjs create <name>   (a new migration from the schema change)
//        node scripts/migrate.mjs deploy          (apply pending migrations to DATABASE_URL)
import { applyMigrations, createMigration } from "./lib/migrate.mjs";

const [command, name = "migration"] = process.argv.slice(2);
if (command === "create") {
  if (!/^[a-z0-9_]+$/.test(name)) {
    console.error("migration names are lowercase letters, digits and underscores");
    process.exit(1);
  }
  const created = await createMigration(name);
  console.log(created ? `Created ${created}` : "No schema changes.");
} else if (command === "deploy") {
  const applied = await applyMigrations(process.env.DATABASE_URL ?? "file:./prisma/faultlines.db");
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
} else {
  console.error("usage: node scripts/migrate.mjs create <name> | deploy");
  process.exit(1);
}
