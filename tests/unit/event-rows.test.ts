import { describe, expect, it } from "vitest";
import type { EventView } from "@/lib/queries/types";
import { fromEventRow, toEventRows, toEventSummary } from "@/lib/views/events";
import { offeredActors, OFFERED_ACTORS } from "@/lib/views/timeline";

// What the timeline sends its client list: each name once per page, and rows that turn back into what was listed.

function event(slug: string, actors: string[], issues: string[], articles: string[]): EventView {
  return {
    slug,
    title: `Title of ${slug}`,
    summary: `Summary of ${slug}`,
    claim: "reported",
    via: null,
    date: {
      stated: "last week",
      start: "2031-03-03",
      end: "2031-03-09",
      precision: "week",
      circa: false,
      basis: "Long reasoning.",
    },
    actors: actors.map((a) => ({ slug: a, name: `Name ${a}`, kind: "state" as const })),
    issues: issues.map((i) => ({ slug: i, title: `Issue ${i}` })),
    articles,
    evidence: [
      { article: articles[0]!, paragraph: 2, quote: "the first quoted words" },
      { article: articles[0]!, paragraph: 3, quote: "the second quoted words" },
    ],
  };
}

describe("event rows", () => {
  const events = [event("e1", ["a", "b"], ["x"], ["s1"]), event("e2", ["b", "c"], ["x", "y"], ["s2"])];
  const titles = { s1: "Source one", s2: "Source two", s3: "Not cited" };

  it("leave the evidence and the dating basis for the event's page, and count the quotes", () => {
    const summary = toEventSummary(events[0]!);
    expect(summary.quotes).toBe(2);
    expect(summary).not.toHaveProperty("evidence");
    expect(summary.date).not.toHaveProperty("basis");
    expect(summary.actors).toEqual([
      { slug: "a", name: "Name a" },
      { slug: "b", name: "Name b" },
    ]);
  });

  it("name each actor, issue and cited article once, and turn back into the summaries", () => {
    const summaries = events.map(toEventSummary);
    const { rows, names } = toEventRows(summaries, titles);
    expect(names).toEqual({
      actors: { a: "Name a", b: "Name b", c: "Name c" },
      issues: { x: "Issue x", y: "Issue y" },
      articles: { s1: "Source one", s2: "Source two" },
    });
    expect(rows[1]!.actors).toEqual(["b", "c"]);
    expect(rows.map((row) => fromEventRow(row, names))).toEqual(summaries);
  });

  it("say circa only where it is true, and keep it where it is", () => {
    const circa = event("e3", ["a"], ["x"], ["s1"]);
    circa.date.circa = true;
    const summaries = [events[0]!, circa].map(toEventSummary);
    const { rows, names } = toEventRows(summaries, titles);
    expect(rows[0]!.date).not.toHaveProperty("circa");
    expect(rows[1]!.date.circa).toBe(true);
    expect(rows.map((row) => fromEventRow(row, names))).toEqual(summaries);
  });
});

describe("the actors the filter form offers", () => {
  const actors = Array.from({ length: OFFERED_ACTORS + 6 }, (_, i) => ({
    slug: `actor-${i}`,
    name: `Actor ${i}`,
    // Fewer events the later in content order, except the last, which has the most.
    count: i === OFFERED_ACTORS + 5 ? 1000 : 100 - i,
  }));

  it("are all of them when there are few", () => {
    expect(offeredActors(actors.slice(0, 5), [])).toEqual(actors.slice(0, 5));
  });

  it("are those with the most events and every chosen one, in content order", () => {
    const offered = offeredActors(actors, ["actor-26"]).map((a) => a.slug);
    expect(offered).toHaveLength(OFFERED_ACTORS + 1);
    expect(offered.at(-1)).toBe(`actor-${OFFERED_ACTORS + 5}`);
    expect(offered).toContain("actor-26");
    expect(offered).not.toContain("actor-27");
    expect(offered.slice(0, 3)).toEqual(["actor-0", "actor-1", "actor-2"]);
  });
});
