import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbBuildArgs } from "../../scripts/lib/run";
import { runDbBuild } from "../support/db-build";
import { scratchDir } from "../support/scratch";
import { brokenCopy, FIXTURE_DIR } from "../support/fixtures";
import { freshDatabase, pgDbBuild, type TestDatabase } from "../support/pg";

// db:build into PostgreSQL: a new schema per build, switched in one transaction; the app reads as a role that
// cannot write. The state underneath is read as the superuser.
let db: TestDatabase;
const current = async () =>
  (await db.query<{ schema: string }>("SELECT schema FROM faultlines.current"))[0]?.schema;
const buildSchemas = async () =>
  (
    await db.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE nspname ~ '^faultlines_[0-9]+$' ORDER BY nspname",
    )
  ).map((r) => r.nspname);

beforeAll(async () => {
  db = await freshDatabase("build_test");
});

describe("db:build into PostgreSQL", () => {
  it("loads the content into a new schema and points faultlines.current at it", async () => {
    const built = pgDbBuild(FIXTURE_DIR, db.ownerUrl);
    expect(built.status, built.stderr).toBe(0);
    expect(await current()).toBe("faultlines_1");
    const [issues] = await db.query<{ n: string }>('SELECT count(*) AS n FROM faultlines_1."Issue"');
    expect(Number(issues!.n)).toBe(2);
  });

  it("a content error changes nothing: same pointer, no new schema", async () => {
    const before = { pointer: await current(), schemas: await buildSchemas() };
    const dir = brokenCopy("annotations/winter-brief.yaml", "title: Talks resume in Geneva", "title: ");
    try {
      const built = pgDbBuild(dir, db.ownerUrl);
      expect(built.status).toBe(1);
      expect(built.stderr).toContain("the previous database is unchanged");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect({ pointer: await current(), schemas: await buildSchemas() }).toEqual(before);
  });

  it("a build that dies before its switch leaves the previous build serving; the next one clears its schema", async () => {
    // Hold the list of finished builds so the build stops just before its switch, loaded but not yet serving.
    const { default: pg } = await import("pg");
    const holder = new pg.Client({ connectionString: db.ownerUrl.replace("faultlines_owner", "postgres") });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE faultlines.builds IN EXCLUSIVE MODE");
    const child = spawn(process.execPath, dbBuildArgs(FIXTURE_DIR, db.ownerUrl, "--quiet"));
    const exited = new Promise((resolve) => child.on("exit", resolve));
    try {
      let waiting = false;
      for (let i = 0; i < 600 && !waiting; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const rows = await db.query(
          "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO faultlines.builds%'",
        );
        waiting = rows.length > 0;
      }
      expect(waiting, "the build reached its switch").toBe(true);
      expect(await buildSchemas()).toEqual(["faultlines_1", "faultlines_2"]);
      expect(await current()).toBe("faultlines_1");
      child.kill("SIGKILL");
      await exited;
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect(await current()).toBe("faultlines_1");
    const built = pgDbBuild(FIXTURE_DIR, db.ownerUrl);
    expect(built.status, built.stderr).toBe(0);
    expect(await buildSchemas()).toEqual(["faultlines_1", "faultlines_3"]);
    expect(await current()).toBe("faultlines_3");
  });

  it("keeps the last PG_KEEP_BUILDS finished builds and drops older ones in the switch", async () => {
    for (let i = 0; i < 2; i++) {
      const built = pgDbBuild(FIXTURE_DIR, db.ownerUrl, { PG_KEEP_BUILDS: "2" });
      expect(built.status, built.stderr).toBe(0);
    }
    expect(await buildSchemas()).toEqual(["faultlines_4", "faultlines_5"]);
    expect(await current()).toBe("faultlines_5");
  });
});

describe("the app's database role", () => {
  let app: typeof import("@/lib/db");

  beforeAll(async () => {
    process.env.DATABASE_URL = db.readerUrl;
    app = await import("@/lib/db");
  });
  afterAll(async () => {
    await app?.prisma.$disconnect();
  });

  it("reads the serving build, but every write is refused", async () => {
    expect(await app.prisma.issue.count()).toBe(2);
    await expect(app.prisma.meta.create({ data: { key: "x", value: "y" } })).rejects.toThrow(
      /read-only|permission denied/i,
    );
    await expect(app.prisma.issue.deleteMany({})).rejects.toThrow(/read-only|permission denied/i);
    expect(await app.prisma.issue.count()).toBe(2);
  });

  it("gives the same snapshot id as a SQLite build of the same content", async () => {
    const { snapshotId } = await import("@/lib/queries/snapshot");
    const file = path.join(scratchDir("pg-snapshot-"), "faultlines.db");
    expect(runDbBuild(FIXTURE_DIR, file).status).toBe(0);
    const sqlite = new Database(file, { readonly: true });
    const { value } = sqlite.prepare("SELECT value FROM Meta WHERE key = 'inputs'").get() as {
      value: string;
    };
    sqlite.close();
    rmSync(file, { force: true });
    expect(await snapshotId()).toBe(value);
    expect(value).toMatch(/^[0-9a-f]{16,}$/);
  });

  it("as the bare role, without the app's read-only sessions, still cannot write, create or switch", async () => {
    const { default: pg } = await import("pg");
    const reader = new pg.Client({ connectionString: db.readerUrl });
    await reader.connect();
    const schema = await current();
    const attempts = [
      `INSERT INTO ${schema}."Meta" (key, value) VALUES ('x', 'y')`,
      `DELETE FROM ${schema}."Issue"`,
      `UPDATE faultlines.current SET schema = 'faultlines_4'`,
      `CREATE TABLE ${schema}.intruder (x int)`,
      `CREATE SCHEMA intruder`,
      `DROP SCHEMA ${schema} CASCADE`,
    ];
    try {
      for (const sql of attempts)
        await expect(reader.query(sql), sql).rejects.toThrow(/permission denied|must be owner/);
    } finally {
      await reader.end();
    }
    const [issues] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}."Issue"`);
    expect(Number(issues!.n)).toBe(2);
  });
});
