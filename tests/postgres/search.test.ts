import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SEARCH_KINDS } from "@/lib/search/kinds";
import { runDbBuild } from "../support/db-build";
import { hostileQueries } from "../support/hostile-queries";
import { freshDatabase, pgDbBuild, type TestDatabase } from "../support/pg";
import { scratchDir } from "../support/scratch";
import { PARITY_QUERIES, searchParityProblems, STEMMING_DIFFERENCES } from "../support/search-parity";

// lib/search's one function on both stores: the real content built by the real db:build into an SQLite file and
// into PostgreSQL, then the same questions asked of each, held to the parity contract (tests/support/search-parity.ts).
type SearchModule = typeof import("@/lib/search");
type DbModule = typeof import("@/lib/db");
let db: TestDatabase;
const stores: { sqlite?: [SearchModule, DbModule]; postgres?: [SearchModule, DbModule] } = {};

async function open(url: string): Promise<[SearchModule, DbModule]> {
  process.env.DATABASE_URL = url;
  vi.resetModules();
  return [await import("@/lib/search"), await import("@/lib/db")];
}

beforeAll(async () => {
  const file = path.join(scratchDir("pg-search-"), "search.db");
  db = await freshDatabase("search_test");
  const [sqliteBuilt, pgBuilt] = [runDbBuild("content", file), pgDbBuild("content", db.ownerUrl)];
  expect(sqliteBuilt.status, sqliteBuilt.stderr).toBe(0);
  expect(pgBuilt.status, pgBuilt.stderr).toBe(0);
  stores.sqlite = await open(`file:${file}`);
  stores.postgres = await open(db.readerUrl);
}, 300_000);

afterAll(async () => {
  await stores.sqlite?.[1].prisma.$disconnect();
  await stores.postgres?.[1].prisma.$disconnect();
});

const both = async (q: import("@/lib/search").SearchQuery) =>
  Promise.all([stores.sqlite![0].search(q), stores.postgres![0].search(q)]);

describe("search() on SQLite and PostgreSQL", () => {
  it("db:build writes every search document into PostgreSQL and indexes it", async () => {
    const [row] = await db.query<{ n: string; indexed: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE "searchVector" <> ''::tsvector) AS indexed
       FROM faultlines_1."SearchDocument"`,
    );
    expect(Number(row!.n)).toBeGreaterThan(150);
    expect(Number(row!.indexed)).toBe(Number(row!.n));
  });

  for (const { q, what } of PARITY_QUERIES) {
    it(`answers alike: ${what} (${q})`, async () => {
      for (const kind of [null, ...SEARCH_KINDS]) {
        const [a, b] = await both({ text: q, kind, limit: 1000 });
        expect(b.query, `${q} ${kind}`).toEqual(a.query);
        expect(b.counts, `${q} ${kind}`).toEqual(a.counts);
        const problems = searchParityProblems(a, b, a.query.exactName);
        expect(problems, `${q} kind=${kind}`).toEqual([]);
      }
    });
  }

  it("finds something for every query that should (the fixed set is not all empty)", async () => {
    const found = await Promise.all(PARITY_QUERIES.map(async ({ q }) => (await both({ text: q }))[1].total));
    expect(found.filter((n) => n > 0).length).toBeGreaterThanOrEqual(14);
  });

  it("narrows by actor and source article alike", async () => {
    for (const filter of [
      { actor: "qatar" },
      { actor: "israel" },
      { article: "policy-gaps-emerge" },
      { actor: "iran", article: "us-israel-diverge-regional-files" },
    ]) {
      const [a, b] = await both({ text: "strike OR Iran", limit: 1000, ...filter });
      expect(b.counts, JSON.stringify(filter)).toEqual(a.counts);
      expect(searchParityProblems(a, b, null), JSON.stringify(filter)).toEqual([]);
    }
  });

  it("gives the overview's best few of each kind and pages through a kind without gaps or repeats", async () => {
    const [a, b] = await both({ text: "Iran", perKind: 5 });
    expect(b.counts).toEqual(a.counts);
    for (const kind of SEARCH_KINDS)
      expect(b.hits.filter((h) => h.kind === kind).length).toBe(a.hits.filter((h) => h.kind === kind).length);
    const pages: string[] = [];
    for (let offset = 0; offset < b.counts.passage; offset += 7)
      pages.push(
        ...(await stores.postgres![0].search({ text: "Iran", kind: "passage", offset, limit: 7 })).hits.map(
          (h) => h.slug,
        ),
      );
    expect(new Set(pages).size).toBe(b.counts.passage);
  });

  it("marks what matched in titles and snippets, in plain text with … where the snippet cuts", async () => {
    const [a, b] = await both({ text: "Al Udeid", limit: 50 });
    expect(b.hits.map((h) => h.heading)).toEqual(a.hits.map((h) => h.heading));
    for (const hit of b.hits.filter((h) => h.snippet.marks.length > 0))
      for (const [s, e] of hit.snippet.marks)
        expect(hit.snippet.text.slice(s, e)).toMatch(/^(Al|Udeid|Al Udeid)$/i);
    const long = (await stores.postgres![0].search({ text: "Fordow", kind: "passage" })).hits[0]!;
    expect(long.snippet.text).toMatch(/^….*…$|^….*[.”]$|^[^…].*…$/);
    expect(long.snippet.text.split(/\s+/).length).toBeLessThanOrEqual(30);
    // A title that is markup stays text: nothing from the index is parsed.
    expect(
      b.hits.every((h) => !h.heading.text.includes("\u0002") && !h.snippet.text.includes("\u0003")),
    ).toBe(true);
  });

  it("where the stemmers part, PostgreSQL finds a subset of what SQLite finds", async () => {
    for (const { q, why } of STEMMING_DIFFERENCES) {
      const [a, b] = await both({ text: q, limit: 1000 });
      const found = new Set(a.hits.map((h) => `${h.kind}:${h.slug}`));
      expect(b.total, `${q}: ${why}`).toBeLessThan(a.total);
      expect(
        b.hits.filter((h) => !found.has(`${h.kind}:${h.slug}`)),
        q,
      ).toEqual([]);
    }
  });

  it("reads nothing a reader types as tsquery syntax: hostile input gives hits or none, never an error", async () => {
    for (const text of [
      ...hostileQueries(150),
      "a:*",
      "'iran' & !x",
      "iran <-> us",
      "x:A",
      "\\'",
      "iran' | 'us",
      "!!",
      "(((iran",
    ]) {
      // Totals are not compared: hostile input is full of words where the stemmers part (STEMMING_DIFFERENCES).
      const [a, b] = await both({ text, limit: 5 });
      expect(b.query, JSON.stringify(text)).toEqual(a.query);
      expect(b.total, JSON.stringify(text)).toBeGreaterThanOrEqual(b.hits.length);
    }
  }, 120_000);
});
