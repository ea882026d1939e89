import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "@/lib/event-filters";
import {
  DEFAULT_PAGE_SIZE,
  EMPTY_TIMELINE,
  eventFiltersOf,
  eventsApiHref,
  PAGE_SIZES,
  timelineHref,
  toTimelineSearchParams,
  type TimelineState,
} from "@/lib/url-state/hrefs";
import { parsePairQuery } from "@/lib/url-state/matrix";
import {
  encodeCursor,
  parseEventsApiQuery,
  parseEventsQuery,
  parseTimelineParams,
} from "@/lib/url-state/timeline";

const KNOWN = {
  actors: new Set(["us", "israel", "iran"]),
  issues: new Set(["iran-talks", "gaza-war"]),
  articles: new Set(["spring-brief", "winter-brief"]),
};

describe("parseEventsQuery (API, strict)", () => {
  it("accepts known values and repeated actors", () => {
    const parsed = parseEventsQuery(
      new URLSearchParams("actor=us&actor=iran&issue=iran-talks&from=2025-01-01&to=2025-12-31"),
      KNOWN,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        actors: ["us", "iran"],
        actorMode: "any",
        issues: ["iran-talks"],
        articles: [],
        from: "2025-01-01",
        to: "2025-12-31",
      },
    });
  });

  it("rejects unknown slugs and malformed dates with paths", () => {
    const parsed = parseEventsQuery(
      new URLSearchParams("actor=us&actor=mars&from=2025-02-30&article=x"),
      KNOWN,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path.join("."))).toEqual(["actor.1", "article.0", "from"]);
  });

  it("rejects a range that ends before it starts", () => {
    expect(parseEventsQuery(new URLSearchParams("from=2026-01-01&to=2025-01-01"), KNOWN)).toMatchObject({
      ok: false,
    });
  });
});

describe("parseTimelineParams (page, lenient)", () => {
  it("drops bad values with a note and keeps the rest", () => {
    const { state, dropped } = parseTimelineParams(
      { actor: ["us", "mars", "us"], from: "yesterday", page: "-3", mode: "all" },
      KNOWN,
    );
    expect(state).toMatchObject({ actors: ["us"], actorMode: "all", from: null, page: 1 });
    expect(dropped).toEqual(["unknown actor “mars”", "from date “yesterday” is not YYYY-MM-DD", "page “-3”"]);
  });

  it("lists what it dropped in one fixed order, whatever order the link gives it in", () => {
    const { dropped } = parseTimelineParams(
      new URLSearchParams(
        "article=zzz&issue=nowhere&colour=red&per=3&page=x&to=2020-01-01&from=2021-01-01&mode=x&actor=mars",
      ),
      KNOWN,
    );
    expect(dropped).toEqual([
      "unknown actor “mars”",
      "match mode “x”",
      "a date range ending before it starts (2021-01-01 to 2020-01-01)",
      "page “x”",
      `page size “3” (use ${PAGE_SIZES.join(", ")})`,
      "unknown parameter “colour”",
      "unknown issue “nowhere”",
      "unknown source “zzz”",
    ]);
  });

  it("holds a value to the API's length limit, dropping it as the API rejects it", () => {
    const long = "a".repeat(201);
    const known = { ...KNOWN, actors: new Set([...KNOWN.actors, long]) };
    const query = new URLSearchParams({ actor: long });
    expect(parseEventsQuery(query, known)).toMatchObject({ ok: false, problems: [{ path: ["actor", 0] }] });
    expect(parseTimelineParams(query, known)).toMatchObject({
      state: { actors: [] },
      dropped: [`unknown actor “${"a".repeat(39)}…”`],
    });
  });

  it("round-trips every state through the URL", () => {
    const states: TimelineState[] = [
      EMPTY_TIMELINE,
      { ...EMPTY_TIMELINE, actors: ["us", "iran"], actorMode: "all", page: 3 },
      {
        ...EMPTY_TIMELINE,
        issues: ["gaza-war"],
        from: "2025-06-01",
        to: "2025-06-30",
        articles: ["winter-brief"],
      },
    ];
    for (const state of states) {
      expect(parseTimelineParams(toTimelineSearchParams(state), KNOWN)).toEqual({ state, dropped: [] });
    }
  });

  it("writes canonical URLs: defaults left out", () => {
    expect(timelineHref(EMPTY_TIMELINE)).toBe("/timeline");
    expect(timelineHref({ actors: ["us"], actorMode: "all" })).toBe("/timeline?actor=us");
    expect(timelineHref({ actors: ["us", "iran"], actorMode: "all", page: 1 }, "#list")).toBe(
      "/timeline?actor=us&actor=iran&mode=all#list",
    );
  });
});

describe("parsePairQuery", () => {
  it("defaults to the US–Israel pair and rejects unknown or equal actors", () => {
    expect(parsePairQuery(new URLSearchParams(""), KNOWN)).toEqual({ ok: true, value: ["us", "israel"] });
    expect(parsePairQuery(new URLSearchParams("a=iran&b=us"), KNOWN)).toEqual({
      ok: true,
      value: ["iran", "us"],
    });
    expect(parsePairQuery(new URLSearchParams("a=us&b=us"), KNOWN)).toMatchObject({ ok: false });
    expect(parsePairQuery(new URLSearchParams("a=atlantis"), KNOWN)).toMatchObject({ ok: false });
  });
});

describe("timeline paging and export URLs", () => {
  it("reads the page size from `per`, dropping sizes it does not offer", () => {
    expect(parseTimelineParams({ per: "10", page: "2" }, KNOWN)).toEqual({
      state: { ...EMPTY_TIMELINE, perPage: 10, page: 2 },
      dropped: [],
    });
    const { state, dropped } = parseTimelineParams({ per: "7" }, KNOWN);
    expect(state.perPage).toBe(DEFAULT_PAGE_SIZE);
    expect(dropped).toEqual([`page size “7” (use ${PAGE_SIZES.join(", ")})`]);
    expect(timelineHref({ ...EMPTY_TIMELINE, perPage: DEFAULT_PAGE_SIZE })).toBe("/timeline");
    expect(timelineHref({ ...EMPTY_TIMELINE, perPage: 10, page: 2 })).toBe("/timeline?page=2&per=10");
  });

  it("round-trips every page size", () => {
    for (const perPage of PAGE_SIZES) {
      const state = { ...EMPTY_TIMELINE, actors: ["iran"], perPage, page: 7 };
      expect(parseTimelineParams(toTimelineSearchParams(state), KNOWN)).toEqual({ state, dropped: [] });
    }
  });

  it("notes parameters it does not know, but not framework or tracking ones", () => {
    const { state, dropped } = parseTimelineParams(
      new URLSearchParams("actor=us&colour=red&colour=blue&_rsc=1&utm_source=mail"),
      KNOWN,
    );
    expect(state.actors).toEqual(["us"]);
    expect(dropped).toEqual(["unknown parameter “colour”"]);
  });

  it("accepts what a plain GET form sends, empty fields included", () => {
    const { state, dropped } = parseTimelineParams(
      new URLSearchParams("actor=us&actor=iran&mode=any&issue=gaza-war&from=&to=2025-12-31&per=25"),
      KNOWN,
    );
    expect(dropped).toEqual([]);
    expect(timelineHref(state)).toBe("/timeline?actor=us&actor=iran&issue=gaza-war&to=2025-12-31");
  });

  it("builds the API links for the same filters, without paging", () => {
    const state: TimelineState = {
      ...EMPTY_TIMELINE,
      actors: ["us"],
      from: "2025-01-01",
      page: 3,
      perPage: 10,
    };
    expect(eventsApiHref(state, "json")).toBe("/api/v1/events?actor=us&from=2025-01-01");
    expect(eventsApiHref(state, "csv")).toBe("/api/v1/events.csv?actor=us&from=2025-01-01");
    expect(eventsApiHref(EMPTY_TIMELINE, "csv")).toBe("/api/v1/events.csv");
    expect(eventFiltersOf(state)).toEqual({
      actors: ["us"],
      actorMode: "any",
      issues: [],
      from: "2025-01-01",
      to: null,
      articles: [],
    });
    // the strict API parser accepts every filter the page writes
    expect(parseEventsQuery(new URLSearchParams(eventsApiHref(state, "json").split("?")[1]), KNOWN)).toEqual({
      ok: true,
      value: eventFiltersOf(state),
    });
  });
});

describe("parseEventsApiQuery (API paging, strict)", () => {
  const parse = (query: string) => parseEventsApiQuery(new URLSearchParams(query), KNOWN);

  it("reads limit (default 100, 1 to 1,000) and a cursor it gave out", () => {
    const cursor = encodeCursor({ start: "2025-01-01", end: "2025-01-31", slug: "talks" });
    expect(parse(`actor=us&limit=5&cursor=${cursor}`)).toEqual({
      ok: true,
      value: {
        filters: { ...NO_FILTERS, actors: ["us"] },
        limit: 5,
        after: { start: "2025-01-01", end: "2025-01-31", slug: "talks" },
      },
    });
    expect(parse("")).toMatchObject({ ok: true, value: { limit: 100, after: null } });
    expect(parse("limit=1000")).toMatchObject({ ok: true, value: { limit: 1000 } });
  });

  it("rejects a bad limit, a forged cursor and unknown parameters, each by its name", () => {
    const paths = (query: string) => {
      const parsed = parse(query);
      return parsed.ok ? [] : parsed.problems.map((p) => p.path.join("."));
    };
    expect(paths("limit=0")).toEqual(["limit"]);
    expect(paths("limit=1001")).toEqual(["limit"]);
    expect(paths("limit=ten")).toEqual(["limit"]);
    expect(paths("cursor=not-a-cursor")).toEqual(["cursor"]);
    expect(paths("actor=nobody&colour=red")).toEqual(["actor.0", "colour"]);
    expect(paths("page=2")).toEqual(["page"]);
  });

  it("the CSV export's filters reject paging and unknown parameters too", () => {
    const parsed = parseEventsQuery(new URLSearchParams("actor=us&limit=5"), KNOWN);
    expect(parsed).toEqual({ ok: false, problems: [{ path: ["limit"], message: "unknown parameter" }] });
  });

  it("the matrix API rejects unknown parameters", () => {
    const parsed = parsePairQuery(new URLSearchParams("a=us&b=iran&sort=latest"), KNOWN);
    expect(parsed).toEqual({ ok: false, problems: [{ path: ["sort"], message: "unknown parameter" }] });
  });
});
