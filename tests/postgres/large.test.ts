import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "../../scripts/lib/synthetic-corpus";
import { freshDatabase, pgDbBuild, type TestDatabase } from "../support/pg";
import { scratchDir } from "../support/scratch";

// The 5,000-event synthetic corpus on PostgreSQL: the query layer behind /api/v1/events answers whole, where one
// unwindowed read used to hand PostgreSQL more bind parameters than it takes (Prisma P2029).
let db: TestDatabase;
const content = scratchDir("pg-large-");

beforeAll(async () => {
  writeSyntheticCorpus(content, { events: 5000, actors: 200, issues: 30, articles: 50, seed: 7 });
  db = await freshDatabase("large_test");
  const built = pgDbBuild(content, db.ownerUrl);
  expect(built.status, built.stderr).toBe(0);
  process.env.DATABASE_URL = db.readerUrl;
}, 300_000);

afterAll(() => {
  rmSync(content, { recursive: true, force: true });
});

describe("the query layer on 5,000 events", () => {
  it("lists every event, the facets and the known slugs", async () => {
    const { listEvents, listEventFacets, listEventSpans } = await import("@/lib/queries/events");
    const { getKnownSlugs } = await import("@/lib/queries/known");
    const { NO_FILTERS } = await import("@/lib/event-filters");
    expect((await getKnownSlugs()).actors.size).toBe(200);
    expect((await listEventFacets()).actors.length).toBeGreaterThan(0);
    expect(await listEventSpans(NO_FILTERS)).toHaveLength(5000);
    const all = await listEvents(NO_FILTERS);
    expect(all.total).toBe(5000);
    expect(all.events).toHaveLength(5000);
    expect(new Set(all.events.map((e) => e.slug)).size).toBe(5000);
  }, 120_000);
});
