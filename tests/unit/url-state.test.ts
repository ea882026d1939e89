import { describe, expect, it } from "vitest";
import {
  EMPTY_TIMELINE,
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
