import { describe, expect, it } from "vitest";
import {
  EMPTY_SEARCH,
  searchApiHref,
  searchHref,
  toSearchParams,
  type SearchState,
} from "@/lib/url-state/hrefs";
import { parseSearchApiQuery, parseSearchParams } from "@/lib/url-state/search";

const KNOWN = { actors: new Set(["us", "israel"]), articles: new Set(["spring-brief"]) };

describe("parseSearchParams", () => {
  it("reads every parameter, from URLSearchParams or Next's searchParams object", () => {
    const expected: SearchState = {
      q: "board of peace",
      kind: "event",
      article: "spring-brief",
      actor: "israel",
      page: 3,
    };
    const query = "q=board+of+peace&kind=event&article=spring-brief&actor=israel&page=3";
    expect(parseSearchParams(new URLSearchParams(query), KNOWN)).toEqual({ state: expected, dropped: [] });
    expect(parseSearchParams(Object.fromEntries(new URLSearchParams(query)), KNOWN)).toEqual({
      state: expected,
      dropped: [],
    });
  });

  it("round-trips through the canonical query string", () => {
    const states: SearchState[] = [
      EMPTY_SEARCH,
      { ...EMPTY_SEARCH, q: '"a b" -c hez* & = ? #' },
      { q: "iran", kind: "passage", article: "spring-brief", actor: "us", page: 2 },
    ];
    for (const state of states) {
      expect(parseSearchParams(toSearchParams(state), KNOWN).state).toEqual(state);
      expect(searchHref(state).startsWith("/search")).toBe(true);
    }
    expect(searchHref({ q: "x", kind: null, page: 4 })).toBe("/search?q=x");
  });

  it("drops bad values with a note and keeps the rest", () => {
    const { state, dropped } = parseSearchParams(
      new URLSearchParams(
        "q=iran&kind=thing&article=nope&actor=%3Cscript%3E&page=0&sort=x&utm_source=y&_rsc=1",
      ),
      KNOWN,
    );
    expect(state).toEqual({ ...EMPTY_SEARCH, q: "iran" });
    expect(dropped).toEqual([
      "kind of result “thing”",
      "unknown source “nope”",
      "unknown actor “<script>”",
      "page “0”",
      "unknown parameter “sort”",
    ]);
  });

  it("cuts a very long query and says so; a page number needs a kind", () => {
    const { state, dropped } = parseSearchParams(
      new URLSearchParams({ q: "ü".repeat(10_000), page: "2" }),
      KNOWN,
    );
    expect(Array.from(state.q)).toHaveLength(200);
    expect(state.page).toBe(1);
    expect(dropped).toEqual([
      "the search after its first 200 characters",
      "the page number: pages are for one kind of result",
    ]);
  });
});

describe("parseSearchApiQuery", () => {
  it("accepts a query with defaults", () => {
    expect(parseSearchApiQuery(new URLSearchParams("q=%20iran%20"), KNOWN)).toEqual({
      ok: true,
      value: { q: "iran", kind: null, article: null, actor: null, limit: 10 },
    });
  });

  it("rejects a missing or empty query, an unknown kind or slug, a bad limit and an overlong query", () => {
    const paths = (query: string) => {
      const result = parseSearchApiQuery(new URLSearchParams(query), KNOWN);
      return result.ok ? [] : result.problems.map((i) => i.path.join("."));
    };
    expect(paths("")).toEqual(["q"]);
    expect(paths("q=%20")).toEqual(["q"]);
    expect(paths(`q=${"a".repeat(201)}`)).toEqual(["q"]);
    expect(paths("q=a&kind=x&article=y&actor=z&limit=0")).toEqual(["kind", "article", "actor", "limit"]);
    expect(paths("q=a&limit=51")).toEqual(["limit"]);
    expect(paths("q=a&limit=1e2")).toEqual(["limit"]);
  });

  it("reads back what the header's suggestions ask for", () => {
    const href = searchApiHref({ q: '"a b" hez* & = ?', kind: "event", limit: 8 });
    expect(href.startsWith("/api/v1/search?")).toBe(true);
    expect(parseSearchApiQuery(new URL(href, "http://x").searchParams, KNOWN)).toEqual({
      ok: true,
      value: { q: '"a b" hez* & = ?', kind: "event", article: null, actor: null, limit: 8 },
    });
  });
});
