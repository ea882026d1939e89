import { rmSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { pinnedPgClient } from "@/lib/db-pg";
import { brokenCopy, FIXTURE_DIR } from "../support/fixtures";
import { freshDatabase, pgDbBuild, type TestDatabase } from "../support/pg";

// The app's PostgreSQL client pins the build faultlines.current names at its first query, as the SQLite server keeps
// the file it opened: a rebuild after that changes nothing it reads, and a new client reads the new build.
let db: TestDatabase;
const titles = { select: { title: true }, orderBy: { slug: "asc" } } as const;

beforeAll(async () => {
  db = await freshDatabase("pinning_test");
  const built = pgDbBuild(FIXTURE_DIR, db.ownerUrl);
  expect(built.status, built.stderr).toBe(0);
});

describe("pinnedPgClient", () => {
  it("keeps reading the build it found first; a new client reads the newer one", async () => {
    const client = pinnedPgClient(db.readerUrl);
    const before = await client.event.findMany(titles);
    expect(before.map((e) => e.title)).toContain("Talks resume in Geneva");
    const altered = brokenCopy(
      "annotations/winter-brief.yaml",
      "title: Talks resume in Geneva",
      "title: Talks resumed in Geneva",
    );
    try {
      const built = pgDbBuild(altered, db.ownerUrl);
      expect(built.status, built.stderr).toBe(0);
    } finally {
      rmSync(altered, { recursive: true, force: true });
    }
    expect(await client.event.findMany(titles)).toEqual(before);
    const fresh = pinnedPgClient(db.readerUrl);
    expect((await fresh.event.findMany(titles)).map((e) => e.title)).toContain("Talks resumed in Geneva");
    await Promise.all([client.$disconnect(), fresh.$disconnect()]);
  });
});
