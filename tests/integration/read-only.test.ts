import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FIXTURE_DIR } from "../support/fixtures";
import { runDbBuild, useDatabase } from "../support/db-build";
import { scratchDir } from "../support/scratch";

// The app's database client (lib/db.ts) opens the file read-only: nothing the server does can change it.
let dir: string;
let DB: string;
let db: typeof import("@/lib/db");

beforeAll(async () => {
  dir = scratchDir("read-only-");
  DB = path.join(dir, "fixture.db");
  const built = runDbBuild(FIXTURE_DIR, DB);
  expect(built.status, built.stderr).toBe(0);
  useDatabase(DB);
  db = await import("@/lib/db");
});

afterAll(async () => {
  await db?.prisma.$disconnect();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("the app's database client", () => {
  it("reads, but every write is refused and the file is unchanged", async () => {
    const before = readFileSync(DB);
    expect(await db.prisma.issue.count()).toBe(2);
    await expect(db.prisma.meta.create({ data: { key: "x", value: "y" } })).rejects.toThrow(
      /readonly|read-only/i,
    );
    await expect(db.prisma.issue.deleteMany({})).rejects.toThrow(/readonly|read-only/i);
    expect(await db.prisma.issue.count()).toBe(2);
    expect(readFileSync(DB).equals(before)).toBe(true);
  });

  it("opens the file DATABASE_URL names when loaded, not one an earlier load cached in the process", async () => {
    const other = path.join(dir, "hostile.db");
    const built = runDbBuild("tests/fixtures/hostile", other);
    expect(built.status, built.stderr).toBe(0);
    useDatabase(other);
    vi.resetModules();
    const second = await import("@/lib/db");
    try {
      expect(second.prisma).not.toBe(db.prisma);
      expect((await second.prisma.issue.findMany()).map((i) => i.slug)).toEqual(["iran-talks"]);
      expect(await db.prisma.issue.count()).toBe(2);
    } finally {
      await second.prisma.$disconnect();
    }
  });
});
