import { describe, expect, it } from "vitest";
import { findDatePhrases, type Anchor, type DateContext } from "@/lib/assist/dates";

// Every phrase kind against fixed publication dates. Tuesday 17 February 2026 is the main anchor; the edges are a
// new year's day, a leap day, a publication on the weekday named, and a publication known only to the month.
const TUESDAY: Anchor = { start: "2026-02-17", end: "2026-02-17" };
const NEW_YEAR: Anchor = { start: "2026-01-01", end: "2026-01-01" }; // a Thursday
const AFTER_LEAP_DAY: Anchor = { start: "2024-03-01", end: "2024-03-01" }; // a Friday
const FRIDAY: Anchor = { start: "2026-02-13", end: "2026-02-13" };
const JUNE_2025: Anchor = { start: "2025-06-01", end: "2025-06-30" };

function dates(text: string, published: Anchor = TUESDAY, extra: Partial<DateContext> = {}) {
  return findDatePhrases(text, { published, ...extra }).map((p) => ({
    text: p.text,
    start: p.span.start,
    end: p.span.end,
    precision: p.span.precision,
    ...(p.circa ? { circa: true } : {}),
  }));
}

const one = (text: string, published?: Anchor, extra?: Partial<DateContext>) => {
  const found = dates(text, published, extra);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("findDatePhrases: relative days", () => {
  it("counts yesterday, today and tomorrow from the publication day", () => {
    expect(one("The envoys met yesterday in Vienna.")).toEqual({
      text: "yesterday",
      start: "2026-02-16",
      end: "2026-02-16",
      precision: "day",
    });
    expect(one("The ministers speak today.")).toMatchObject({ start: "2026-02-17", precision: "day" });
    expect(one("A vote is due tomorrow.")).toMatchObject({ start: "2026-02-18" });
    expect(one("Shelling began the day before yesterday.")).toMatchObject({ start: "2026-02-15" });
  });

  it("crosses the year and the leap day", () => {
    expect(one("The envoys met yesterday.", NEW_YEAR)).toMatchObject({
      start: "2025-12-31",
      end: "2025-12-31",
    });
    expect(one("The envoys met yesterday.", AFTER_LEAP_DAY)).toMatchObject({ start: "2024-02-29" });
  });

  it("gives a range, not a day, when the publication is known only to the month", () => {
    expect(one("The envoys met yesterday.", JUNE_2025)).toEqual({
      text: "yesterday",
      start: "2025-05-31",
      end: "2025-06-29",
      precision: "range",
    });
  });
});

describe("findDatePhrases: weekdays", () => {
  it("takes the last such weekday before publication", () => {
    expect(one("On Friday, the council voted.")).toEqual({
      text: "On Friday",
      start: "2026-02-13",
      end: "2026-02-13",
      precision: "day",
    });
    expect(one("The agency said Sunday that it had agreed.")).toMatchObject({
      text: "Sunday",
      start: "2026-02-15",
    });
    expect(one("The minister resigned last Monday.")).toMatchObject({ start: "2026-02-16" });
  });

  it("never takes the publication day itself: 'on Friday' written on a Friday is the Friday before", () => {
    expect(one("On Friday, the council voted.", FRIDAY)).toMatchObject({ start: "2026-02-06" });
    expect(one("The envoy arrives next Friday.", FRIDAY)).toMatchObject({ start: "2026-02-20" });
  });

  it("counts forward when the words around it speak of the future", () => {
    const future = () => true;
    expect(one("The delegation will fly out on Thursday.", TUESDAY, { future })).toMatchObject({
      start: "2026-02-19",
    });
    expect(one("The delegation will fly out on Tuesday.", TUESDAY, { future })).toMatchObject({
      start: "2026-02-24",
    });
  });

  it("puts a bare weekday in the week the sentence names", () => {
    const found = dates("The leaders skip this week's Wednesday summit.");
    expect(found).toContainEqual({
      text: "Wednesday",
      start: "2026-02-18",
      end: "2026-02-18",
      precision: "day",
    });
  });
});

describe("findDatePhrases: weeks, months and years relative to publication", () => {
  it("reads this week and last week as Monday–Sunday weeks", () => {
    expect(one("Talks resumed this week.")).toEqual({
      text: "this week",
      start: "2026-02-16",
      end: "2026-02-22",
      precision: "week",
    });
    expect(one("Talks resumed last week.")).toEqual({
      text: "last week",
      start: "2026-02-09",
      end: "2026-02-15",
      precision: "week",
    });
    expect(one("Talks resumed last week.", NEW_YEAR)).toMatchObject({
      start: "2025-12-22",
      end: "2025-12-28",
    });
    expect(one("Talks resumed this week.", NEW_YEAR)).toMatchObject({
      start: "2025-12-29",
      end: "2026-01-04",
      precision: "week",
    });
  });

  it("reads earlier this month as the first of the month to the day before publication", () => {
    expect(one("The rebels withdrew earlier this month.")).toEqual({
      text: "earlier this month",
      start: "2026-02-01",
      end: "2026-02-16",
      precision: "range",
    });
    // On the first of the month there is no earlier part of it: nothing to resolve.
    expect(dates("The rebels withdrew earlier this month.", NEW_YEAR)).toEqual([]);
    expect(one("Prices rose last month.", NEW_YEAR)).toMatchObject({
      start: "2025-12-01",
      end: "2025-12-31",
      precision: "month",
    });
    expect(one("Prices rose last month.", AFTER_LEAP_DAY)).toMatchObject({
      start: "2024-02-01",
      end: "2024-02-29",
    });
  });

  it("reads years written and relative", () => {
    expect(one("In 2025, the two states signed a pact.")).toEqual({
      text: "In 2025",
      start: "2025-01-01",
      end: "2025-12-31",
      precision: "year",
    });
    // "since" runs to the time of writing: from the start of what it names to publication.
    expect(one("Since 1979, the two states have quarrelled.")).toEqual({
      text: "Since 1979",
      start: "1979-01-01",
      end: "2026-02-17",
      precision: "range",
    });
    expect(one("The border has stayed shut since March 2025.")).toMatchObject({
      start: "2025-03-01",
      end: "2026-02-17",
      precision: "range",
    });
    expect(one("Talks have stalled since December.")).toMatchObject({
      start: "2025-12-01",
      end: "2026-02-17",
      precision: "range",
    });
    expect(one("Exports fell last year.")).toMatchObject({ start: "2025-01-01", end: "2025-12-31" });
    expect(one("Exports fell earlier this year.")).toMatchObject({
      start: "2026-01-01",
      end: "2026-02-16",
      precision: "range",
    });
    expect(dates("The army sent 2000 troops.")).toEqual([]);
  });

  it("counts back 'ago' and gives the regime's start for an N-year rule", () => {
    expect(one("The port closed three days ago.")).toMatchObject({ start: "2026-02-14", precision: "day" });
    expect(one("The port closed three weeks ago.")).toEqual({
      text: "three weeks ago",
      start: "2026-01-26",
      end: "2026-02-01",
      precision: "week",
      circa: true,
    });
    expect(one("It ended the junta’s 30-year rule.")).toMatchObject({
      start: "1996-01-01",
      precision: "year",
    });
  });

  it("keeps 'recently' approximate and bounded by publication", () => {
    expect(one("The general recently resigned.")).toMatchObject({
      end: "2026-02-17",
      precision: "range",
      circa: true,
    });
  });
});

describe("findDatePhrases: months and parts of months", () => {
  it("puts a month without a year at its latest before publication, the current month included", () => {
    expect(one("The ceasefire collapsed in June.")).toEqual({
      text: "in June",
      start: "2025-06-01",
      end: "2025-06-30",
      precision: "month",
    });
    expect(one("The January protests spread.")).toMatchObject({ start: "2026-01-01", end: "2026-01-31" });
    expect(one("The offensive began in February.")).toMatchObject({ start: "2026-02-01" });
    expect(one("The offensive began last February.")).toMatchObject({ start: "2025-02-01" });
    expect(one("The offensive began in December.", NEW_YEAR)).toMatchObject({ start: "2025-12-01" });
    expect(one("The offensive began in March.", JUNE_2025)).toMatchObject({
      start: "2025-03-01",
      end: "2025-03-31",
      precision: "month",
    });
  });

  it("reads early, mid and late as the first, second and last third of the month", () => {
    expect(one("Fighting resumed in mid-June.")).toEqual({
      text: "mid-June",
      start: "2025-06-11",
      end: "2025-06-20",
      precision: "range",
    });
    expect(one("Fighting resumed in late January.")).toMatchObject({
      start: "2026-01-21",
      end: "2026-01-31",
    });
    expect(one("Fighting resumed in early March 2024.")).toMatchObject({
      start: "2024-03-01",
      end: "2024-03-10",
    });
    expect(one("Fighting resumed in late February 2024.")).toMatchObject({
      start: "2024-02-21",
      end: "2024-02-29",
    });
    expect(one("Fighting resumed at the end of February.")).toMatchObject({
      start: "2026-02-21",
      end: "2026-02-28",
    });
    expect(one("The plan dates from early 2025.")).toMatchObject({
      start: "2025-01-01",
      end: "2025-04-30",
      precision: "range",
    });
  });

  it("reads month spans", () => {
    expect(one("The inspectors stayed from March to May.")).toMatchObject({
      start: "2025-03-01",
      end: "2025-05-31",
      precision: "range",
    });
    expect(one("The war lasted between 2019 and 2021.")).toMatchObject({
      start: "2019-01-01",
      end: "2021-12-31",
    });
  });
});

describe("findDatePhrases: calendar days and spans", () => {
  it("reads a day and month, with the year when written and the latest one before publication when not", () => {
    expect(one("The talks opened on 13 June.")).toEqual({
      text: "on 13 June",
      start: "2025-06-13",
      end: "2025-06-13",
      precision: "day",
    });
    expect(one("The talks opened on 13 June 2024.")).toMatchObject({ start: "2024-06-13" });
    expect(one("The talks opened on June 13th, 2024.")).toMatchObject({ start: "2024-06-13" });
    expect(one("The talks opened on 17 February.")).toMatchObject({ start: "2026-02-17" });
    expect(one("The talks opened on 31 December.", NEW_YEAR)).toMatchObject({ start: "2025-12-31" });
    expect(one("The talks open on 3 March.", TUESDAY, { future: () => true })).toMatchObject({
      start: "2026-03-03",
    });
  });

  it("takes numeric dates day first (chrono, British English)", () => {
    expect(one("The decree of 13/06/2025 was annulled.")).toMatchObject({
      start: "2025-06-13",
      precision: "day",
    });
  });

  it("reads spans of days, where chrono reads only the last day", () => {
    expect(one("Delegates met between 10 and 12 February.")).toEqual({
      text: "between 10 and 12 February",
      start: "2026-02-10",
      end: "2026-02-12",
      precision: "range",
    });
    expect(one("Delegates met from 3 to 5 March 2025.")).toMatchObject({
      start: "2025-03-03",
      end: "2025-03-05",
    });
    expect(one("Delegates met between 30 December and 2 January.")).toMatchObject({
      start: "2025-12-30",
      end: "2026-01-02",
    });
    expect(one("Delegates met on 10–12 February 2025.")).toMatchObject({
      start: "2025-02-10",
      end: "2025-02-12",
    });
  });

  it("counts 'two days later' from the date before it, across the leap day", () => {
    const found = dates("The envoy landed on 28 February 2024. Two days later he left.");
    expect(found[1]).toEqual({
      text: "Two days later",
      start: "2024-03-01",
      end: "2024-03-01",
      precision: "day",
    });
    expect(dates("Two days later he left.")).toEqual([]);
    const previous = {
      text: "in June",
      span: { start: "2025-06-01", end: "2025-06-30", precision: "month" as const },
    };
    expect(one("A week later the truce held.", TUESDAY, { previous })).toMatchObject({
      start: "2025-06-08",
      end: "2025-07-07",
      precision: "range",
    });
  });

  it("keeps the longest phrase where phrases overlap", () => {
    expect(dates("On 3 March 2024 and in June, talks stalled.").map((d) => d.text)).toEqual([
      "On 3 March 2024",
      "in June",
    ]);
  });
});
