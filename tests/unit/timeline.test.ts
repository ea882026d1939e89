import { describe, expect, it } from "vitest";
import {
  clearedState,
  describeFilters,
  eventCount,
  filterChips,
  groupByYearMonth,
  narrowToPeriod,
  pageInfo,
  pageWindow,
  resultSummary,
} from "@/lib/views/timeline";
import { EMPTY_TIMELINE, timelineHref, type TimelineState } from "@/lib/url-state/hrefs";

const ev = (slug: string, start: string) => ({ slug, date: { start } });

describe("groupByYearMonth", () => {
  it("groups events in date order under the year and month they start", () => {
    const groups = groupByYearMonth([
      ev("a", "1979-01-01"),
      ev("b", "2025-01-01"),
      ev("c", "2025-01-20"),
      ev("d", "2025-06-01"),
      ev("e", "2026-02-16"),
    ]);
    expect(
      groups.map((y) => [y.year, y.months.map((m) => [m.label, m.events.map((e) => e.slug).join("")])]),
    ).toEqual([
      ["1979", [["January 1979", "a"]]],
      [
        "2025",
        [
          ["January 2025", "bc"],
          ["June 2025", "d"],
        ],
      ],
      ["2026", [["February 2026", "e"]]],
    ]);
    expect(groupByYearMonth([])).toEqual([]);
  });
});

describe("pageInfo", () => {
  it("says which events a page shows", () => {
    expect(pageInfo(5000, 2, 50)).toEqual({
      page: 2,
      perPage: 50,
      total: 5000,
      pageCount: 100,
      offset: 50,
      first: 51,
      last: 100,
      beyond: false,
    });
    expect(pageInfo(35, 1, 50)).toMatchObject({ pageCount: 1, first: 1, last: 35, beyond: false });
    expect(pageInfo(35, 4, 10)).toMatchObject({ pageCount: 4, first: 31, last: 35, beyond: false });
  });

  it("knows an empty result and a page past the end", () => {
    expect(pageInfo(0, 1, 50)).toMatchObject({ pageCount: 1, first: 0, last: 0, beyond: false });
    expect(pageInfo(35, 9, 50)).toMatchObject({ pageCount: 1, first: 0, last: 0, beyond: true });
  });
});

describe("pageWindow", () => {
  it("links the ends and the pages around the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(1, 100)).toEqual([1, 2, 3, "gap", 100]);
    expect(pageWindow(50, 100)).toEqual([1, "gap", 48, 49, 50, 51, 52, "gap", 100]);
    // a gap of one page is shown as that page
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, "gap", 10]);
    expect(pageWindow(100, 100)).toEqual([1, "gap", 98, 99, 100]);
  });
});

describe("filterChips", () => {
  const names = {
    actors: new Map([
      ["us", "United States"],
      ["iran", "Iran"],
    ]),
    issues: new Map([["iran-talks", "Iran talks"]]),
    articles: new Map([["winter-brief", "Winter brief"]]),
  };
  const state: TimelineState = {
    ...EMPTY_TIMELINE,
    actors: ["us", "iran"],
    actorMode: "all",
    issues: ["iran-talks"],
    from: "2025-06-01",
    to: "2025-06-30",
    articles: ["winter-brief"],
    page: 3,
    perPage: 10,
  };

  it("gives one chip per filter value, each linking to the URL without it", () => {
    const chips = filterChips(state, names);
    expect(chips.map((c) => `${c.kind}: ${c.label} → ${timelineHref(c.without)}`)).toEqual([
      "Actor: United States → /timeline?actor=iran&issue=iran-talks&from=2025-06-01&to=2025-06-30&article=winter-brief&per=10",
      "Actor: Iran → /timeline?actor=us&issue=iran-talks&from=2025-06-01&to=2025-06-30&article=winter-brief&per=10",
      "Match: all of these actors → /timeline?actor=us&actor=iran&issue=iran-talks&from=2025-06-01&to=2025-06-30&article=winter-brief&per=10",
      "Issue: Iran talks → /timeline?actor=us&actor=iran&mode=all&from=2025-06-01&to=2025-06-30&article=winter-brief&per=10",
      "From: 1 Jun 2025 → /timeline?actor=us&actor=iran&mode=all&issue=iran-talks&to=2025-06-30&article=winter-brief&per=10",
      "To: 30 Jun 2025 → /timeline?actor=us&actor=iran&mode=all&issue=iran-talks&from=2025-06-01&article=winter-brief&per=10",
      "Source: Winter brief → /timeline?actor=us&actor=iran&mode=all&issue=iran-talks&from=2025-06-01&to=2025-06-30&per=10",
    ]);
    expect(filterChips(EMPTY_TIMELINE, names)).toEqual([]);
    expect(timelineHref(clearedState(state))).toBe("/timeline?per=10");
  });
});

describe("narrowToPeriod", () => {
  const june = { from: "2025-06-01", to: "2025-06-30" };
  it("narrows to the period, within a range already chosen, on page 1", () => {
    expect(narrowToPeriod({ ...EMPTY_TIMELINE, page: 4 }, june)).toMatchObject({ ...june, page: 1 });
    expect(narrowToPeriod({ ...EMPTY_TIMELINE, from: "2025-06-10", to: "2026-01-01" }, june)).toMatchObject({
      from: "2025-06-10",
      to: "2025-06-30",
    });
    expect(narrowToPeriod({ ...EMPTY_TIMELINE, from: "2025-07-10" }, june)).toMatchObject(june);
  });
});

describe("describeFilters", () => {
  const names = {
    actors: new Map([
      ["us", "United States"],
      ["iran", "Iran"],
      ["israel", "Israel"],
    ]),
    issues: new Map([["iran-talks", "Iran talks"]]),
    articles: new Map([["winter-brief", "Winter brief"]]),
  };
  it("says the filters in words", () => {
    expect(describeFilters(EMPTY_TIMELINE, names)).toBe("");
    expect(
      describeFilters({ ...EMPTY_TIMELINE, actors: ["us", "iran", "israel"], issues: ["iran-talks"] }, names),
    ).toBe("involving United States, Iran or Israel, on Iran talks");
    expect(
      describeFilters(
        { ...EMPTY_TIMELINE, actors: ["us", "iran"], actorMode: "all", from: "2025-06-01", to: "2025-06-30" },
        names,
      ),
    ).toBe("involving United States and Iran, from 1 Jun 2025 to 30 Jun 2025");
    expect(describeFilters({ ...EMPTY_TIMELINE, to: "2025-06-30", articles: ["winter-brief"] }, names)).toBe(
      "up to 30 Jun 2025, in Winter brief",
    );
  });
});

describe("resultSummary", () => {
  it("states what the page shows, in words and with thousands separated", () => {
    expect(resultSummary(pageInfo(5000, 3, 25))).toBe("Showing 51–75 of 5,000 events");
    expect(resultSummary(pageInfo(5000, 200, 25))).toBe("Showing 4,976–5,000 of 5,000 events");
    expect(resultSummary(pageInfo(35, 1, 50))).toBe("35 events");
    expect(resultSummary(pageInfo(1, 1, 25))).toBe("1 event");
    expect(resultSummary(pageInfo(0, 1, 25))).toBe("No events match.");
    expect(resultSummary(pageInfo(35, 9, 25))).toBe("No events on page 9: 35 events fit on 2 pages.");
    expect(eventCount(1)).toBe("1 event");
  });
});
