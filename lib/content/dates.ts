import {
  addDays,
  isIsoDay,
  MONTH_NAMES,
  mondayOf,
  monthEnd,
  monthOf,
  monthStart,
  precisionFits,
  precisionOf,
  WEEKDAYS,
  weekday,
  yearOf,
  type DateSpan,
} from "@/lib/dates";
import type { Path } from "./parse";
import type { EventDefinition, Frontmatter } from "./schema";
import type { ResolvedArticle, ResolvedEvent } from "./types";

// Dates in content: what a written date means, relative rules resolved on the publication date, and the checks every
// date passes before it is stored. Checks of a date against anything else (the publication, the rule) belong here.

/** Reports a problem at a path inside the date being resolved. */
type ReportAt = (path: Path, message: string) => void;

/** The period a written date covers: `2026-02-17` one day, `2026-02` a month, `2026` a year. */
export function parsePartialDate(value: string): { start: string; end: string } | { error: string } {
  if (/^\d{4}$/.test(value)) {
    return { start: `${value}-01-01`, end: `${value}-12-31` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) return { error: `${value} is not a calendar month` };
    return { start: monthStart(y, m), end: monthEnd(y, m) };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isIsoDay(value)) return { error: `${value} is not a calendar date` };
    return { start: value, end: value };
  }
  return { error: `"${value}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY` };
}

export const RESOLVE_RULES = [
  "yesterday",
  "this-week",
  "last-week",
  ...WEEKDAYS.map((d) => `last-${d}`),
  ...MONTH_NAMES.map((m) => `last-${m}`),
  "years-before:<n>",
] as const;

/**
 * Resolves a relative date rule against the publication date. A publication known only to a month or a range
 * gives the union of the answers for its first and last day, so the result is never more precise than the anchor.
 */
export function resolveRelative(
  rule: string,
  published: { start: string; end: string },
): DateSpan | { error: string } {
  const at = (anchor: string) => resolveOnDay(rule, anchor);
  const first = at(published.start);
  const last = at(published.end);
  if ("error" in first) return first;
  if ("error" in last) return last;
  return { start: first.start, end: last.end, precision: precisionOf(first.start, last.end) };
}

function resolveOnDay(rule: string, anchor: string): { start: string; end: string } | { error: string } {
  if (rule === "yesterday") {
    const day = addDays(anchor, -1);
    return { start: day, end: day };
  }
  if (rule === "this-week") {
    const monday = mondayOf(anchor);
    return { start: monday, end: addDays(monday, 6) };
  }
  if (rule === "last-week") {
    const monday = addDays(mondayOf(anchor), -7);
    return { start: monday, end: addDays(monday, 6) };
  }
  const named = /^last-([a-z]+)$/.exec(rule)?.[1];
  if (named !== undefined) {
    const dayIndex = WEEKDAYS.indexOf(named as (typeof WEEKDAYS)[number]);
    if (dayIndex >= 0) {
      // Strictly before the anchor: "On Friday" written on a Friday means the Friday before.
      const back = ((weekday(anchor) - dayIndex + 6) % 7) + 1;
      const day = addDays(anchor, -back);
      return { start: day, end: day };
    }
    const monthIndex = MONTH_NAMES.indexOf(named);
    if (monthIndex >= 0) {
      const target = monthIndex + 1;
      const year = target < monthOf(anchor) ? yearOf(anchor) : yearOf(anchor) - 1;
      return { start: monthStart(year, target), end: monthEnd(year, target) };
    }
  }
  const yearsBefore = /^years-before:(\d{1,4})$/.exec(rule);
  if (yearsBefore) {
    const year = yearOf(anchor) - Number(yearsBefore[1]);
    if (year < 1) return { error: `rule ${rule} reaches before year 1` };
    const y = String(year).padStart(4, "0");
    return { start: `${y}-01-01`, end: `${y}-12-31` };
  }
  return { error: `unknown resolve rule "${rule}"; known rules: ${RESOLVE_RULES.join(", ")}` };
}

/** An article's publication date: its written date (and end), with a precision that tells the truth. */
export function resolvePublished(
  published: Frontmatter["published"],
  report: ReportAt,
): ResolvedArticle["published"] {
  const span = explicitSpan(published.date, published.end, published.precision, report, "date");
  return {
    start: span?.start ?? "",
    end: span?.end ?? "",
    precision: published.precision,
    stated: published.stated ?? null,
    basis: published.basis,
  };
}

/** An event's date: explicit, or a rule resolved on the publication date, or both when they agree. */
export function resolveEventDate(
  date: EventDefinition["date"],
  published: ResolvedArticle["published"],
  report: ReportAt,
): ResolvedEvent["date"] | null {
  const base = { stated: date.stated, circa: date.circa, basis: date.basis };
  let fromRule: DateSpan | null = null;
  if (date.resolve !== undefined) {
    if (!published.start) return null;
    const result = resolveRelative(date.resolve, published);
    if ("error" in result) return (report(["resolve"], result.error), null);
    fromRule = result;
  }
  if (date.start === undefined) {
    if (!fromRule) return (report(["start"], `missing field "date.start" (or a "resolve" rule)`), null);
    if (date.precision !== undefined && date.precision !== fromRule.precision) {
      report(
        ["precision"],
        `precision "${date.precision}" disagrees with rule ${date.resolve}, which gives ${fromRule.precision}`,
      );
      return null;
    }
    return { ...base, ...fromRule };
  }
  if (date.precision === undefined) return (report(["precision"], `missing field "date.precision"`), null);
  const span = explicitSpan(date.start, date.end, date.precision, report);
  if (!span) return null;
  if (fromRule && (fromRule.start !== span.start || fromRule.end !== span.end)) {
    report(
      ["resolve"],
      `rule ${date.resolve} gives ${fromRule.start}–${fromRule.end} from the publication date, but the dates say ${span.start}–${span.end}`,
    );
    return null;
  }
  if (span.start > published.end && published.end) {
    report(["start"], `the event starts ${span.start}, after the article was published (${published.end})`);
    return null;
  }
  return { ...base, ...span };
}

/** A date written as `start` (+ optional `end`) with a precision; checks the precision tells the truth. */
export function explicitSpan(
  start: string,
  end: string | undefined,
  precision: DateSpan["precision"],
  report: ReportAt,
  startKey = "start",
): DateSpan | null {
  const from = parsePartialDate(start);
  if ("error" in from) return (report([startKey], from.error), null);
  let last = from.end;
  if (end !== undefined) {
    const to = parsePartialDate(end);
    if ("error" in to) return (report(["end"], to.error), null);
    last = to.end;
  }
  const span = { start: from.start, end: last, precision };
  if (span.end < span.start)
    return (report(["end"], `the end ${span.end} is before the start ${span.start}`), null);
  if (!precisionFits(span)) {
    report(["precision"], `precision "${precision}" does not describe ${span.start}–${span.end}`);
    return null;
  }
  return span;
}
