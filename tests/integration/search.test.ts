import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDbBuild } from "../support/db-build";
import { scratchDir } from "../support/scratch";

// Relevance on the real content: a database built from content/ by the real db:build, searched through lib/search.
const DB = path.join(scratchDir("search-"), "search-real.db");
let lib: typeof import("@/lib/search");
let db: typeof import("@/lib/db");

beforeAll(async () => {
  const built = runDbBuild("content", DB);
  expect(built.status, built.stderr).toBe(0);
  process.env.DATABASE_URL = `file:${DB}`;
  lib = await import("@/lib/search");
  db = await import("@/lib/db");
});

afterAll(async () => {
  await db?.prisma.$disconnect();
  rmSync(DB, { force: true });
});

const ranked = async (text: string, options: Partial<import("@/lib/search").SearchQuery> = {}) =>
  (await lib.search({ text, limit: 50, ...options })).hits;
const keys = (hits: { kind: string; slug: string }[]) => hits.map((h) => `${h.kind}:${h.slug}`);

describe("search over the real content", () => {
  it("“Al Udeid” gives the strike event first, linked to its place on the timeline", async () => {
    const hits = await ranked("Al Udeid");
    expect(keys(hits)[0]).toBe("event:iran-strikes-al-udeid");
    expect(hits[0]!.url).toMatch(/^\/timeline(\?page=\d+)?#e-iran-strikes-al-udeid$/);
    expect(hits[0]!.heading.text.slice(...hits[0]!.heading.marks[0]!)).toBe("Al Udeid");
  });

  it("“Fordow” gives the passage that names it and every event citing that passage", async () => {
    const hits = await ranked("Fordow");
    const passages = hits.filter((h) => h.kind === "passage");
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages)
      expect(p.snippet.marks.map(([s, e]) => p.snippet.text.slice(s, e))).toContain("Fordow");
    const passage = passages[0]!;
    expect(passage.url).toBe(`/articles/${passage.article}#p-${passage.paragraph}`);
    // Every event whose evidence quotes that paragraph is found too.
    const citing = await db.prisma.event.findMany({
      where: {
        evidence: { some: { paragraph: { n: passage.paragraph!, article: { slug: passage.article! } } } },
      },
      select: { slug: true, summary: true, title: true },
    });
    const fordowEvents = citing.filter((e) => /fordow/i.test(`${e.title} ${e.summary}`));
    expect(fordowEvents.length).toBeGreaterThan(0);
    for (const e of fordowEvents) expect(keys(hits)).toContain(`event:${e.slug}`);
  });

  it("“Turkiye” finds Türkiye: the actor first, then the issue named after it", async () => {
    const hits = await ranked("Turkiye");
    expect(keys(hits).slice(0, 2)).toEqual(["actor:turkey", "issue:turkey-erdogan"]);
    expect(hits[0]!.heading).toEqual({ text: "Türkiye", marks: [[0, 7]] });
  });

  it("“Board of Peace” gives the issue first, then the actor of that name", async () => {
    const hits = await ranked("Board of Peace");
    expect(keys(hits).slice(0, 2)).toEqual(["issue:board-of-peace", "actor:board-of-peace"]);
    expect(hits[0]!.url).toBe("/issues/board-of-peace");
  });

  it("“hez*” finds Hezbollah", async () => {
    const hits = await ranked("hez*");
    expect(keys(hits)[0]).toBe("actor:hezbollah");
    expect(hits[0]!.url).toBe("/actors/hezbollah");
  });

  it("an actor's alias finds the actor first: “Jerusalem” is Israel", async () => {
    const hits = await ranked("Jerusalem");
    expect(keys(hits)[0]).toBe("actor:israel");
    expect(hits[0]!.snippet.text).toMatch(/^Also called .*Jerusalem/);
  });

  it("a quoted phrase matches only the words together, in order", async () => {
    const phrase = await ranked('"missile strike"');
    const words = await ranked("missile strike");
    expect(phrase.length).toBeGreaterThan(0);
    expect(words.length).toBeGreaterThan(phrase.length);
    // Porter folds “strikes” to “strike”, so the phrase also matches “missiles strike” — but always adjacent.
    for (const hit of phrase) {
      const text = `${hit.heading.text} ${hit.snippet.text}`;
      expect(text, hit.slug).toMatch(/missiles? strik/i);
    }
    // The article's paragraph on Iran's “missile arsenal … capable of potentially striking US allies”: both words,
    // not together.
    const apart = "passage:us-israel-diverge-regional-files:7";
    expect(keys(words)).toContain(apart);
    expect(keys(phrase)).not.toContain(apart);
  });

  it("words match any form: “strikes” finds “strike”", async () => {
    const hits = await ranked("strikes");
    expect(hits.some((h) => /\bstrike\b/i.test(h.heading.text) || /\bstrike\b/i.test(h.snippet.text))).toBe(
      true,
    );
  });

  it("leaves out what an exclusion matches", async () => {
    const all = await ranked("Hezbollah");
    const without = await ranked("Hezbollah -Hamas");
    expect(without.length).toBeLessThan(all.length);
    for (const hit of without) expect(`${hit.heading.text} ${hit.snippet.text}`).not.toMatch(/Hamas/);
  });

  it("counts every kind, and narrows by kind, actor and source article", async () => {
    const all = await lib.search({ text: "Iran", perKind: 5 });
    const kinds = new Set(all.hits.map((h) => h.kind));
    expect(kinds.size).toBeGreaterThan(4);
    for (const kind of kinds) expect(all.hits.filter((h) => h.kind === kind).length).toBeLessThanOrEqual(5);
    expect(all.total).toBe(Object.values(all.counts).reduce((a, b) => a + b, 0));

    const events = await lib.search({ text: "Iran", kind: "event", limit: 100 });
    expect(events.total).toBe(all.counts.event);
    expect(new Set(events.hits.map((h) => h.kind))).toEqual(new Set(["event"]));

    const qatar = await lib.search({ text: "strike", actor: "qatar", limit: 100 });
    expect(qatar.total).toBeGreaterThan(0);
    expect(qatar.total).toBeLessThan((await lib.search({ text: "strike" })).total);
    for (const hit of qatar.hits.filter((h) => h.kind === "event")) {
      const event = await db.prisma.event.findUnique({
        where: { slug: hit.slug },
        select: { actors: { select: { actor: { select: { slug: true } } } } },
      });
      expect(event!.actors.map((a) => a.actor.slug)).toContain("qatar");
    }

    const source = await lib.search({
      text: "Iran",
      article: "policy-gaps-emerge",
      kind: "passage",
      limit: 100,
    });
    expect(source.hits.length).toBeGreaterThan(0);
    for (const hit of source.hits) expect(hit.article).toBe("policy-gaps-emerge");
  });

  it("links positions to their card on the issue page and ratings to their matrix cell", async () => {
    const position = (await ranked("Türkiye", { kind: "position" }))[0]!;
    const [issue, article, actor] = position.slug.split(":");
    expect(position.url).toBe(`/issues/${issue}#position-${article}-${actor}`);
    const rating = (await ranked("Türkiye", { kind: "rating" }))[0]!;
    expect(rating.url).toMatch(/^\/matrix\?cell=[a-z0-9-]+:[a-z0-9-]+$/);
  });

  it("answers hostile input with a note, never an error", async () => {
    for (const text of ["NEAR(", '"', "^:()", "-iran", "*", "\u0000", "a".repeat(10_000)]) {
      const result = await lib.search({ text });
      expect(result.total, JSON.stringify(text.slice(0, 20))).toBeGreaterThanOrEqual(0);
    }
    expect((await lib.search({ text: "-iran" })).query.notes.join(" ")).toMatch(/only leave things out/);
  });
});
