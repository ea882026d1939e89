import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dbBuildArgs } from "../../scripts/lib/run";
import { writeSyntheticCorpus } from "../../scripts/lib/synthetic-corpus";
import { scratchDir } from "../support/scratch";

// More events than SQLite takes bound values in one statement (999): Prisma loads the relations of the rows it read
// with one `IN (…)` list of their ids, so a read of 1,000 events at once failed with P2029 — the events API at its
// largest page, the unpaged list behind the home page and the benchmark.
const EVENTS = 1_200;

beforeAll(() => {
  const dir = scratchDir("sqlite-large-");
  const content = path.join(dir, "content");
  const db = path.join(dir, "large.db");
  writeSyntheticCorpus(content, { events: EVENTS, actors: 40, issues: 8, articles: 6, seed: 11 });
  const built = spawnSync(process.execPath, dbBuildArgs(content, db, "--quiet"), { encoding: "utf8" });
  expect(built.status, built.stderr).toBe(0);
  process.env.DATABASE_URL = `file:${db}`;
}, 300_000);

describe(`the query layer over ${EVENTS} events on SQLite`, () => {
  it("lists every event unpaged, and a page of 1,000 by key, each event once", async () => {
    const { listEvents, listEventsPage } = await import("@/lib/queries/events");
    const { NO_FILTERS } = await import("@/lib/event-filters");
    const all = await listEvents(NO_FILTERS);
    expect(all.total).toBe(EVENTS);
    expect(new Set(all.events.map((e) => e.slug)).size).toBe(EVENTS);

    const first = await listEventsPage(NO_FILTERS, null, 1_000);
    expect(first.events.map((e) => e.slug)).toEqual(all.events.slice(0, 1_000).map((e) => e.slug));
    const rest = await listEventsPage(NO_FILTERS, first.last, 1_000);
    expect(rest.events.map((e) => e.slug)).toEqual(all.events.slice(1_000).map((e) => e.slug));
    expect(rest.last).toBeNull();

    const window = await listEvents(NO_FILTERS, { offset: 450, limit: 600 });
    expect(window.events.map((e) => e.slug)).toEqual(all.events.slice(450, 1_050).map((e) => e.slug));
  }, 120_000);
});
