import { describe, expect, it } from "vitest";
import { eventsPerPeriod, isCountedSpan, MAX_COUNTED_DAYS, peakBucket } from "@/lib/series/events-per-period";

const day = (d: string) => ({ start: d, end: d });

describe("isCountedSpan", () => {
  it("counts days, weeks and whole months, not years or longer ranges", () => {
    expect(isCountedSpan(day("2025-06-13"))).toBe(true);
    expect(isCountedSpan({ start: "2026-02-09", end: "2026-02-15" })).toBe(true);
    expect(isCountedSpan({ start: "2025-01-01", end: "2025-01-31" })).toBe(true);
    expect(isCountedSpan({ start: "2024-02-01", end: "2024-02-29" })).toBe(true);
    expect(isCountedSpan({ start: "2025-01-01", end: "2025-02-01" })).toBe(false);
    expect(isCountedSpan({ start: "1979-01-01", end: "1979-12-31" })).toBe(false);
    expect(MAX_COUNTED_DAYS).toBe(31);
  });
});

describe("eventsPerPeriod", () => {
  it("is empty for no events", () => {
    expect(eventsPerPeriod([])).toEqual({ unit: "month", buckets: [], counted: 0, wide: 0 });
  });

  it("counts each event in the month it starts and fills the months between with zero", () => {
    const series = eventsPerPeriod([
      day("2025-06-13"),
      { start: "2025-06-01", end: "2025-06-30" },
      { start: "2025-06-30", end: "2025-07-06" }, // a week across two months: its first month
      day("2025-09-09"),
    ]);
    expect(series.unit).toBe("month");
    expect(series.buckets.map((b) => [b.key, b.count])).toEqual([
      ["2025-06", 3],
      ["2025-07", 0],
      ["2025-08", 0],
      ["2025-09", 1],
    ]);
    expect(series.buckets[0]).toEqual({
      key: "2025-06",
      label: "Jun 2025",
      name: "June 2025",
      from: "2025-06-01",
      to: "2025-06-30",
      count: 3,
    });
    expect(series.buckets[1]!.to).toBe("2025-07-31");
    expect(series.counted).toBe(4);
    expect(series.wide).toBe(0);
  });

  it("leaves out wide spans, so 1979–2024 neither stretches the axis nor lands in one month", () => {
    const series = eventsPerPeriod([
      { start: "1979-10-07", end: "2024-10-07" },
      { start: "1979-01-01", end: "1979-12-31" },
      { start: "2025-01-01", end: "2025-06-30" },
      day("2025-06-13"),
      day("2026-02-16"),
    ]);
    expect(series.unit).toBe("month");
    expect(series.buckets[0]!.key).toBe("2025-06");
    expect(series.buckets.at(-1)!.key).toBe("2026-02");
    expect(series.buckets).toHaveLength(9);
    expect(series.counted).toBe(2);
    expect(series.wide).toBe(3);
    expect(series.buckets.reduce((n, b) => n + b.count, 0)).toBe(series.counted);
  });

  it("has no buckets when every event is wide, but still says how many there are", () => {
    expect(eventsPerPeriod([{ start: "1979-01-01", end: "1979-12-31" }])).toEqual({
      unit: "month",
      buckets: [],
      counted: 0,
      wide: 1,
    });
  });

  it("counts per year when the months would be too many", () => {
    const series = eventsPerPeriod([day("1979-02-11"), day("1981-03-01"), day("1981-12-31")], {
      maxMonths: 24,
    });
    expect(series.unit).toBe("year");
    expect(series.buckets).toEqual([
      { key: "1979", label: "1979", name: "1979", from: "1979-01-01", to: "1979-12-31", count: 1 },
      { key: "1980", label: "1980", name: "1980", from: "1980-01-01", to: "1980-12-31", count: 0 },
      { key: "1981", label: "1981", name: "1981", from: "1981-01-01", to: "1981-12-31", count: 2 },
    ]);
    // exactly maxMonths months stays monthly
    expect(eventsPerPeriod([day("2024-01-05"), day("2025-12-05")], { maxMonths: 24 }).unit).toBe("month");
  });

  it("keeps the counts equal to the input whatever the order", () => {
    const spans = Array.from({ length: 500 }, (_, i) =>
      day(`20${10 + (i % 15)}-${String((i % 12) + 1).padStart(2, "0")}-15`),
    );
    const forward = eventsPerPeriod(spans);
    const backward = eventsPerPeriod([...spans].reverse());
    expect(forward).toEqual(backward);
    expect(forward.buckets.reduce((n, b) => n + b.count, 0)).toBe(500);
    expect(forward.unit).toBe("year");
  });
});

describe("peakBucket", () => {
  it("finds the busiest period, the earliest on a tie, and null when all are empty", () => {
    const b = (key: string, count: number) => ({ key, label: key, name: key, from: "", to: "", count });
    expect(peakBucket([b("a", 1), b("b", 3), b("c", 3)])?.key).toBe("b");
    expect(peakBucket([b("a", 0)])).toBeNull();
    expect(peakBucket([])).toBeNull();
  });
});
