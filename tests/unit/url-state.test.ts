import { describe, expect, it } from "vitest";
import {
  DEFAULT_PAGE_SIZE,
  EMPTY_TIMELINE,
  eventFiltersOf,
  eventsApiHref,
  PAGE_SIZES,
  parseEventsQuery,
  parsePairQuery,
  parseTimelineParams,
  timelineHref,
  toTimelineSearchParams,
  type TimelineState,
} from "@/lib/url-state";

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
      filters: {
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
    expect(parsed.issues.map((i) => i.path.join("."))).toEqual(["actor.1", "article.0", "from"]);
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
    expect(parsePairQuery(new URLSearchParams(""), KNOWN)).toEqual({ ok: true, pair: ["us", "israel"] });
    expect(parsePairQuery(new URLSearchParams("a=iran&b=us"), KNOWN)).toEqual({
      ok: true,
      pair: ["iran", "us"],
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
      filters: eventFiltersOf(state),
    });
  });
});
