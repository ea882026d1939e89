import { describe, expect, it } from "vitest";
import { formatAssistEval, runAssistEval } from "@/lib/assist/eval";

// The scorer itself, on the fixture content: small enough to know every answer by reading it.
describe("runAssistEval", () => {
  it("scores actors, dates, events and not-events against the reviewed annotations", async () => {
    const report = await runAssistEval("tests/fixtures/content");
    expect(report.figures.map((f) => [f.measure, f.hit, f.of, f.met])).toEqual([
      // The winter brief's positions belong to the US and Israel, which it names only through their leaders.
      ["known-actor mention recall", 6, 8, false],
      ["date phrases resolved as reviewed (of those found)", 3, 3, true],
      // "Talks resumed yesterday in Geneva" names no known actor: no candidate.
      ["reviewed events with a matching candidate", 2, 3, false],
      ["threats, plans or hypotheticals proposed as events", 0, 0, true],
    ]);
    const winter = report.articles.find((a) => a.slug === "winter-brief")!;
    expect(winter.misses).toEqual([
      "actor us: no mention found anywhere",
      "actor israel: no mention found anywhere",
      "event geneva-round: no candidate (no known actor in its dated sentences)",
      "candidate president-said-deal-would-be-best-2026-02: matches no reviewed event (“On Friday”)",
    ]);
    expect(formatAssistEval(report)).toContain(
      "reviewed events with a matching candidate            2/3 = 66.7 %",
    );
  });
});
