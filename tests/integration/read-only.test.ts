import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envFor } from "@/lib/env";
import { FIXTURE_DIR } from "../support/fixtures";
import { runDbBuild, TMP_DIR } from "../support/db-build";

// The app's database client (lib/db.ts) opens the file read-only: nothing the server does can change it.
const DB = path.join(TMP_DIR, "read-only.db");
let db: typeof import("@/lib/db");

beforeAll(async () => {
  mkdirSync(TMP_DIR, { recursive: true });
  const built = runDbBuild(FIXTURE_DIR, DB);
  expect(built.status, built.stderr).toBe(0);
  Object.assign(process.env, envFor({ db: DB }));
  db = await import("@/lib/db");
});

afterAll(async () => {
  await db?.prisma.$disconnect();
  rmSync(DB, { force: true });
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
});
