import { describe, expect, it, vi } from "vitest";
import { parsePartialDate, RESOLVE_RULES, resolveRelative } from "@/lib/content/dates";
import { formatSpan, isIsoDay, mondayOf, precisionFits, precisionOf } from "@/lib/dates";

const TUESDAY = { start: "2026-02-17", end: "2026-02-17" };
const JUNE_2025 = { start: "2025-06-01", end: "2025-06-30" };

describe("parsePartialDate", () => {
  it("expands years, months and days to the period they cover", () => {
    expect(parsePartialDate("1979")).toEqual({ start: "1979-01-01", end: "1979-12-31" });
    expect(parsePartialDate("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(parsePartialDate("2026-02-17")).toEqual({ start: "2026-02-17", end: "2026-02-17" });
  });

  it("rejects impossible dates and other shapes", () => {
    expect(parsePartialDate("2026-02-30")).toEqual({ error: "2026-02-30 is not a calendar date" });
    expect(parsePartialDate("2025-13")).toEqual({ error: "2025-13 is not a calendar month" });
    expect(parsePartialDate("17/02/2026")).toHaveProperty("error");
    expect(isIsoDay("2025-02-29")).toBe(false);
    expect(isIsoDay("2024-02-29")).toBe(true);
  });
});

describe("resolveRelative", () => {
  it("counts from a day-precise publication date", () => {
    expect(resolveRelative("yesterday", TUESDAY)).toEqual({
      start: "2026-02-16",
      end: "2026-02-16",
      precision: "day",
    });
    expect(resolveRelative("last-sunday", TUESDAY)).toEqual({
      start: "2026-02-15",
      end: "2026-02-15",
      precision: "day",
    });
    expect(resolveRelative("last-friday", TUESDAY)).toEqual({
      start: "2026-02-13",
      end: "2026-02-13",
      precision: "day",
    });
    expect(resolveRelative("last-week", TUESDAY)).toEqual({
      start: "2026-02-09",
      end: "2026-02-15",
      precision: "week",
    });
    expect(resolveRelative("this-week", TUESDAY)).toEqual({
      start: "2026-02-16",
      end: "2026-02-22",
      precision: "week",
    });
    expect(resolveRelative("last-june", TUESDAY)).toEqual({
      start: "2025-06-01",
      end: "2025-06-30",
      precision: "month",
    });
    expect(resolveRelative("last-september", TUESDAY)).toEqual({
      start: "2025-09-01",
      end: "2025-09-30",
      precision: "month",
    });
    expect(resolveRelative("years-before:47", TUESDAY)).toEqual({
      start: "1979-01-01",
      end: "1979-12-31",
      precision: "year",
    });
  });

  it("means the previous weekday when written on that weekday", () => {
    expect(resolveRelative("last-tuesday", TUESDAY)).toMatchObject({ start: "2026-02-10" });
    expect(resolveRelative("last-february", TUESDAY)).toMatchObject({ start: "2025-02-01" });
  });

  it("never claims more precision than the publication date has", () => {
    expect(resolveRelative("yesterday", JUNE_2025)).toEqual({
      start: "2025-05-31",
      end: "2025-06-29",
      precision: "range",
    });
    expect(resolveRelative("last-week", JUNE_2025)).toEqual({
      start: "2025-05-19",
      end: "2025-06-29",
      precision: "range",
    });
    expect(resolveRelative("years-before:5", JUNE_2025)).toMatchObject({
      start: "2020-01-01",
      precision: "year",
    });
  });

  it("does not anchor on today: the same answers whatever the clock says", () => {
    // Today before, on, and long after the publication dates, and across a year end.
    const todays = [
      "2020-03-01T12:00:00Z",
      "2026-02-17T09:00:00Z",
      "2026-12-31T23:59:59Z",
      "2031-07-04T00:00:00Z",
    ];
    const rules = RESOLVE_RULES.map((rule) => rule.replace("<n>", "3"));
    const answersAt = (today: string) => {
      vi.setSystemTime(new Date(today));
      expect(new Date().toISOString()).toBe(new Date(today).toISOString());
      return rules.flatMap((rule) => [TUESDAY, JUNE_2025].map((anchor) => resolveRelative(rule, anchor)));
    };
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const [first, ...others] = todays.map(answersAt);
      expect(first).toContainEqual({ start: "2026-02-16", end: "2026-02-16", precision: "day" });
      for (const answers of others) expect(answers).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it("names unknown rules", () => {
    expect(resolveRelative("the-other-day", TUESDAY)).toMatchObject({
      error: expect.stringContaining("unknown resolve rule"),
    });
  });
});

describe("precision", () => {
  it("recognises exact units", () => {
    expect(precisionOf("2026-02-09", "2026-02-15")).toBe("week");
    expect(precisionOf("2026-02-10", "2026-02-16")).toBe("range");
    expect(precisionOf("2025-06-01", "2025-06-30")).toBe("month");
    expect(precisionOf("2025-01-01", "2025-12-31")).toBe("year");
    expect(mondayOf("2026-02-15")).toBe("2026-02-09");
  });

  it("checks that a stated precision tells the truth", () => {
    expect(precisionFits({ start: "2025-06-01", end: "2025-06-30", precision: "month" })).toBe(true);
    expect(precisionFits({ start: "2025-06-02", end: "2025-06-30", precision: "month" })).toBe(false);
    expect(precisionFits({ start: "2025-06-02", end: "2025-06-02", precision: "range" })).toBe(false);
    expect(precisionFits({ start: "2025-06-03", end: "2025-06-02", precision: "range" })).toBe(false);
  });
});

describe("formatSpan", () => {
  it("shows a date as precisely as it is known, never more", () => {
    expect(formatSpan({ start: "2026-02-16", end: "2026-02-16", precision: "day" })).toBe("16 Feb 2026");
    expect(formatSpan({ start: "2026-02-09", end: "2026-02-15", precision: "week" })).toBe(
      "week of 9 Feb 2026",
    );
    expect(formatSpan({ start: "2025-06-01", end: "2025-06-30", precision: "month" })).toBe("June 2025");
    expect(formatSpan({ start: "1979-01-01", end: "1979-12-31", precision: "year", circa: true })).toBe(
      "c. 1979",
    );
    expect(formatSpan({ start: "2025-01-01", end: "2025-06-30", precision: "range" })).toBe("Jan–Jun 2025");
    expect(formatSpan({ start: "2025-05-31", end: "2025-06-29", precision: "range" })).toBe(
      "31 May – 29 Jun 2025",
    );
    expect(formatSpan({ start: "2024-11-01", end: "2025-02-28", precision: "range" })).toBe(
      "Nov 2024 – Feb 2025",
    );
  });
});
