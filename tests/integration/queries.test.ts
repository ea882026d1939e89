import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NO_FILTERS, type EventFilters } from "@/lib/event-filters";
import { FIXTURE_DIR } from "../support/fixtures";
import { runDbBuild, useDatabase } from "../support/db-build";
import { scratchDir } from "../support/scratch";

// Builds a database from the fixture content with the real db:build, then reads it through lib/queries.
let dir: string;
let q: {
  issues: typeof import("@/lib/queries/issues");
  events: typeof import("@/lib/queries/events");
  articles: typeof import("@/lib/queries/articles");
  actors: typeof import("@/lib/queries/actors");
  matrix: typeof import("@/lib/queries/matrix");
  db: typeof import("@/lib/db");
};

beforeAll(async () => {
  dir = scratchDir("queries-");
  const db = path.join(dir, "fixture.db");
  const built = runDbBuild(FIXTURE_DIR, db);
  expect(built.status, built.stderr).toBe(0);
  useDatabase(db);
  q = {
    issues: await import("@/lib/queries/issues"),
    events: await import("@/lib/queries/events"),
    articles: await import("@/lib/queries/articles"),
    actors: await import("@/lib/queries/actors"),
    matrix: await import("@/lib/queries/matrix"),
    db: await import("@/lib/db"),
  };
});

afterAll(async () => {
  await q?.db.prisma.$disconnect();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("lib/queries over a built database", () => {
  it("lists issues with the US–Israel rating of each snapshot", async () => {
    const issues = await q.issues.listIssues();
    expect(issues.map((i) => [i.slug, i.divergence.map((d) => `${d.article.slug}:${d.level}`)])).toEqual([
      ["iran-talks", ["spring-brief:divergent"]],
      ["iran-missiles", ["winter-brief:partial"]],
    ]);
  });

  it("reads an issue with positions, evidence, events in date order and related issues", async () => {
    const issue = await q.issues.getIssueBySlug("iran-talks");
    expect(issue).not.toBeNull();
    expect(issue!.positions.map((p) => `${p.actor.slug}/${p.claim}`)).toEqual([
      "us/reported",
      "israel/statement",
    ]);
    expect(issue!.positions[1]!.evidence).toEqual([
      { article: "spring-brief", paragraph: 2, quote: "Jerusalem warned that the talks reward delay" },
    ]);
    expect(issue!.events.map((e) => [e.slug, e.date.start, e.articles])).toEqual([
      ["talks-open", "2025-05-01", ["spring-brief", "winter-brief"]],
      ["leaders-meet", "2026-02-09", ["winter-brief"]],
      ["geneva-round", "2026-02-16", ["winter-brief"]],
    ]);
    expect(issue!.related.map((r) => r.slug)).toEqual(["iran-missiles"]);
    expect(await q.issues.getIssueBySlug("nope")).toBeNull();
  });

  it("filters events by actor (any or all), issue, article and overlapping dates", async () => {
    const slugs = async (f: Partial<EventFilters>) =>
      (await q.events.listEvents({ ...NO_FILTERS, ...f })).events.map((e) => e.slug);
    expect(await slugs({})).toEqual(["talks-open", "leaders-meet", "geneva-round"]);
    expect(await slugs({ actors: ["iran"] })).toEqual(["talks-open", "geneva-round"]);
    expect(await slugs({ actors: ["iran", "the-president"] })).toEqual([
      "talks-open",
      "leaders-meet",
      "geneva-round",
    ]);
    expect(await slugs({ actors: ["iran", "us"], actorMode: "all" })).toEqual(["talks-open", "geneva-round"]);
    expect(await slugs({ actors: ["iran", "the-president"], actorMode: "all" })).toEqual([]);
    expect(await slugs({ articles: ["spring-brief"] })).toEqual(["talks-open"]);
    expect(await slugs({ from: "2025-05-31", to: "2026-02-10" })).toEqual(["talks-open", "leaders-meet"]);
    const page = await q.events.listEvents(NO_FILTERS, { offset: 1, limit: 1 });
    expect([page.total, page.events.map((e) => e.slug)]).toEqual([3, ["leaders-meet"]]);
  });

  it("counts events, lists their date spans and what the timeline can filter by", async () => {
    const f = { ...NO_FILTERS, actors: ["iran"] };
    expect(await q.events.countEvents(f)).toBe(2);
    expect(await q.events.listEventSpans(f)).toEqual([
      { start: "2025-05-01", end: "2025-05-31" },
      { start: "2026-02-16", end: "2026-02-16" },
    ]);
    const facets = await q.events.listEventFacets();
    expect(facets.issues.map((i) => [i.slug, i.count])).toEqual([["iran-talks", 3]]);
    expect(facets.articles.map((a) => [a.slug, a.count])).toEqual([
      ["spring-brief", 1],
      ["winter-brief", 3],
    ]);
    expect(facets.actors.find((a) => a.slug === "iran")).toEqual({
      slug: "iran",
      name: expect.any(String),
      count: 2,
    });
    expect(facets.actors.every((a) => a.count > 0)).toBe(true);
  });

  it("lists every article with the perspective its frontmatter states", async () => {
    const articles = await q.articles.listArticles();
    expect(articles.map((a) => [a.slug, a.perspective.text])).toEqual([
      ["spring-brief", "A fictional institute's analysis, written for the tests."],
      ["winter-brief", "A fictional news report with no stated standpoint."],
    ]);
    expect(articles[0]!.perspective.basis).toBe("Fixture article; its standpoint is invented for the tests.");
  });

  it("reads an article with its paragraphs and the annotated spans in them", async () => {
    const article = await q.articles.getArticleBySlug("winter-brief");
    expect(article!.paragraphCount).toBe(2);
    const spans = article!.paragraphs[1]!.spans;
    expect(spans.map((s) => s.target.type)).toEqual([
      "position",
      "position",
      "divergence",
      "event",
      "divergence",
    ]);
    expect(article!.paragraphs[1]!.source).toContain("[Geneva](https://example.org/geneva)");
  });

  it("reads an actor with aliases, affiliation, positions and events", async () => {
    const us = await q.actors.getActorBySlug("us");
    expect(us!.aliases).toEqual(["Washington", "The United States"]);
    expect(us!.members.map((m) => m.slug)).toEqual(["the-president"]);
    expect(us!.positions).toHaveLength(2);
    const president = await q.actors.getActorBySlug("the-president");
    expect(president!.affiliation?.slug).toBe("us");
    expect(president!.voiced.map((p) => p.actor.slug)).toEqual(["us"]);
  });

  it("builds the matrix for a pair, in either order", async () => {
    const m = await q.matrix.getMatrix(["us", "israel"]);
    expect(m!.articles.map((a) => a.slug)).toEqual(["spring-brief", "winter-brief"]);
    const row = m!.rows.find((r) => r.issue.slug === "iran-missiles")!;
    expect(row.cells.map((c) => c.divergence?.level ?? null)).toEqual([null, "partial"]);
    expect(row.cells[1]!.a?.stance).toBe("Deal first");
    const flipped = await q.matrix.getMatrix(["israel", "us"]);
    expect(flipped!.rows[1]!.cells[1]!.a?.stance).toBe("Curb missiles");
    expect(await q.matrix.getMatrix(["us", "atlantis"])).toBeNull();
  });

  it("lists the actor pairs that have ratings, for the matrix's pair picker", async () => {
    const pairs = await q.matrix.listRatedPairs();
    expect(pairs.map((p) => [p.a.slug, p.b.slug, p.count])).toEqual([
      ["us", "israel", 2],
      ["us", "iran", 1],
    ]);
    const unrated = await q.matrix.getMatrix(["iran", "israel"]);
    expect(unrated!.rows.flatMap((r) => r.cells).filter((c) => c.divergence)).toEqual([]);
  });

  it("builds the matrix for a pair other than the US and Israel from its own ratings", async () => {
    const levels = async (pair: [string, string]) =>
      (await q.matrix.getMatrix(pair))!.rows.map((r) => [
        r.issue.slug,
        r.cells.map((c) => `${c.article.slug}:${c.divergence?.level ?? "-"}`),
      ]);
    const expected = [
      ["iran-talks", ["spring-brief:-", "winter-brief:aligned"]],
      ["iran-missiles", ["spring-brief:-", "winter-brief:-"]],
    ];
    expect(await levels(["us", "iran"])).toEqual(expected);
    expect(await levels(["iran", "us"])).toEqual(expected);
  });
});
