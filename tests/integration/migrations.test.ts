import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { EXTERNAL_TABLES } from "../../prisma/external-tables";
import { applyMigrations, createMigration } from "../../scripts/lib/migrate";
import { scratchDir } from "../support/scratch";

describe("migrations", () => {
  it("are numbered 0001, 0002, … once each, so branches that both add one are renumbered when merged", () => {
    const dirs = readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(dirs.length).toBeGreaterThan(0);
    dirs.forEach((name, i) =>
      expect(name).toMatch(new RegExp(`^${String(i + 1).padStart(4, "0")}_[a-z0-9_]+$`)),
    );
  });

  it("match the schema: db:migrate:create finds nothing to do, and leaves the search index alone", async () => {
    const created = await createMigration("drift_check");
    // A failure would have written a migration into prisma/migrations: remove it, then report what it held.
    if (created) rmSync(path.dirname(created), { recursive: true, force: true });
    expect(created).toBeNull();
  });

  it("create the FTS5 search index and exactly the shadow tables listed as external", async () => {
    const file = path.join(scratchDir("migrations-"), "migrations.db");
    await applyMigrations(`file:${file}`);
    const db = new Database(file, { readonly: true });
    try {
      const tables = (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'SearchIndex%'")
          .all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      expect(tables.sort()).toEqual([...EXTERNAL_TABLES].sort());
      const sql = (
        db.prepare("SELECT sql FROM sqlite_master WHERE name = 'SearchIndex'").get() as { sql: string }
      ).sql;
      expect(sql).toMatch(/tokenize = 'porter unicode61 remove_diacritics 2'/);
    } finally {
      db.close();
      rmSync(file, { force: true });
    }
  });
});
