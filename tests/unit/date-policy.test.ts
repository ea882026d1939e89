import { describe, expect, it } from "vitest";
import { formatProblem, runPipeline, type ContentFile } from "@/lib/content";
import { isWiderThanAYear } from "@/lib/content/date-policy";
import { edit, fixtureFiles, lineOf } from "../support/fixtures";

// The dating policy's check (content/README.md, "Dates"), run through the whole pipeline on the fixture content.
const SPRING = "annotations/spring-brief.yaml";
const FILE = `tests/fixtures/content/${SPRING}`;
const MONTH = "      start: 2025-05\n      precision: month\n";
const WIDE = "      start: 2023-01\n      end: 2025-05\n      precision: range\n";

function errors(files: ContentFile[]): string[] {
  const result = runPipeline(files);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** The fixture with `talks-open` widened to January 2023 – May 2025, and optionally given bounds. */
async function wide(bounds = ""): Promise<ContentFile[]> {
  return edit(await fixtureFiles(), SPRING, MONTH, WIDE + bounds);
}

describe("checkDatePolicy", () => {
  it("passes the fixture content as it is", async () => {
    expect(errors(await fixtureFiles())).toEqual([]);
  });

  it("fails a date wider than a year that gives no reason, at the line of its start", async () => {
    expect(errors(await wide())).toEqual([
      `${FILE}:${lineOf(SPRING, "start: 2025-05")}: the date 2023-01-01–2025-05-31 is wider than a year and gives no reason: narrow it, or say what bounds it on each side with "bounds: { after, before }" (content/README.md, "Dates")`,
    ]);
  });

  it("passes the same date once it says what bounds it on each side", async () => {
    const bounds =
      '      bounds:\n        after: { note: "the earliest talks the text could mean" }\n        before: published\n';
    expect(errors(await wide(bounds))).toEqual([]);
  });

  it("rejects bounds that do not hold", async () => {
    const line = lineOf(SPRING, "start: 2025-05");
    const afterLater = "      bounds:\n        after: { event: geneva-round }\n        before: published\n";
    expect(errors(await wide(afterLater))).toEqual([
      `${FILE}:${line + 4}: the date starts 2023-01-01, before the event "geneva-round" (from 2026-02-16) that bounds it from below`,
    ]);
    const beforeEarlier =
      "      bounds:\n        after: { note: a reason }\n        before: { event: leaders-meet }\n";
    const late = edit(
      await fixtureFiles(),
      SPRING,
      MONTH,
      "      start: 2025-05\n      end: 2026-05\n      precision: range\n" + beforeEarlier,
    );
    expect(errors(late)).toEqual(
      expect.arrayContaining([
        `${FILE}:${line + 5}: the date ends 2026-05-31, after the event "leaders-meet" (to 2026-02-15) that bounds it from above`,
      ]),
    );
    const pastPublication = edit(
      await fixtureFiles(),
      SPRING,
      MONTH,
      "      start: 2025-05\n      end: 2025-08\n      precision: range\n      bounds: { after: { note: a reason }, before: published }\n",
    );
    expect(errors(pastPublication)).toEqual([
      `${FILE}:${line + 3}: the date ends 2025-08-31, after the publication (2025-06-30) that bounds it`,
    ]);
    const afterPublished = "      bounds:\n        after: published\n        before: published\n";
    expect(errors(await wide(afterPublished))).toEqual([
      `${FILE}:${line + 4}: "after: published" cannot hold: an article reports only what came before it`,
    ]);
  });

  it("rejects an unknown event and an event bounding itself", async () => {
    const unknown = "      bounds:\n        after: { event: no-such-event }\n        before: published\n";
    expect(errors(await wide(unknown))).toEqual([
      `${FILE}:${lineOf(SPRING, "start: 2025-05") + 4}: unknown event "no-such-event" as a bound`,
    ]);
    const self = "      bounds:\n        after: { event: talks-open }\n        before: published\n";
    expect(errors(await wide(self))).toEqual([
      `${FILE}:${lineOf(SPRING, "start: 2025-05") + 4}: an event cannot bound itself`,
    ]);
  });

  it("holds a publication date to the same rule", async () => {
    const ARTICLE = "articles/spring-brief.md";
    const files = edit(
      await fixtureFiles(),
      ARTICLE,
      "  date: 2025-06\n",
      "  date: 2024-01\n  end: 2025-06\n",
    );
    const widened = edit(files, ARTICLE, "  precision: month\n", "  precision: range\n");
    expect(errors(widened)).toEqual([
      `tests/fixtures/content/${ARTICLE}:${lineOf(ARTICLE, "date: 2025-06")}: the publication date 2024-01-01–2025-06-30 is wider than a year and gives no reason: narrow it, or say what bounds it on each side with "bounds: { after, before }" (content/README.md, "Dates")`,
    ]);
    const reasoned = edit(
      widened,
      ARTICLE,
      "  end: 2025-06\n",
      "  end: 2025-06\n  bounds: { after: { note: a reason }, before: { note: another } }\n",
    );
    expect(errors(reasoned)).toEqual([]);
  });
});

describe("isWiderThanAYear", () => {
  it("counts a calendar year, or any span up to the day before the same date a year on, as not wider", () => {
    expect(isWiderThanAYear({ start: "2025-01-01", end: "2025-12-31" })).toBe(false);
    expect(isWiderThanAYear({ start: "2025-01-20", end: "2026-01-19" })).toBe(false);
    expect(isWiderThanAYear({ start: "2025-01-20", end: "2026-01-20" })).toBe(true);
    expect(isWiderThanAYear({ start: "2023-10-07", end: "2025-06-30" })).toBe(true);
  });

  it("handles 29 February", () => {
    expect(isWiderThanAYear({ start: "2024-02-29", end: "2025-02-28" })).toBe(false);
    expect(isWiderThanAYear({ start: "2024-02-29", end: "2025-03-01" })).toBe(true);
  });
});
