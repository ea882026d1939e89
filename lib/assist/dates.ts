// Date phrases in a sentence, resolved on the article's publication date, never on today. chrono-node finds
// absolute calendar dates in their many written forms ("13 June", "June 13th, 2025", "3 to 5 March", "13/06/2025");
// everything it gets wrong or does not know is ours: relative words, weekdays, month names without a year (chrono
// puts "in June" in the future), early/mid/late, "between 10 and 12 February", bare years, "two days later".
import * as chrono from "chrono-node";
import {
  addDays,
  fromDate,
  MONTH_NAMES,
  MONTHS_LONG,
  mondayOf,
  monthEnd,
  monthOf,
  monthStart,
  precisionOf,
  toDate,
  WEEKDAYS,
  weekday,
  yearOf,
  type DateSpan,
} from "@/lib/dates";

/** The publication date as a period: one day, or the first and last day it may be. */
export interface Anchor {
  start: string;
  end: string;
}

export interface DatePhrase {
  /** The words as written. */
  text: string;
  /** Offsets in the text searched. */
  start: number;
  end: number;
  span: DateSpan;
  /** The article itself is approximate ("recently", "three weeks ago"). */
  circa: boolean;
  basis: string;
  /** After the publication date: a plan or a forecast, never an event. */
  future: boolean;
  kind: DateKind;
}

export type DateKind =
  | "relative-day"
  | "weekday"
  | "week"
  | "month-relative"
  | "year-relative"
  | "ago"
  | "recent"
  | "day"
  | "day-span"
  | "month"
  | "month-part"
  | "month-span"
  | "year"
  | "year-part"
  | "year-span"
  | "after-previous"
  | "years-before"
  /** No date phrase: a past action dated only as before publication (lib/assist/index.ts). */
  | "undated";

export interface DateContext {
  published: Anchor;
  /** The words around a phrase speak of the future ("will", "is expected to"): bare weekdays and months count forward. */
  future?: boolean | ((start: number, end: number) => boolean);
  /** The nearest date phrase before this text, for "two days later". */
  previous?: { text: string; span: DateSpan } | null;
}

const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December)";
const MONTH_ABBR = "(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
const WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:1[89]|20)\\d\\d)";
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join("|")})`;
/** Words after a four-digit number that make it a quantity, not a year. */
const QUANTITY =
  /^\s*(?:people|troops|soldiers|civilians|km|kilometres|kilometers|miles|tons|tonnes|dollars|euros|missiles|rockets|drones|men|women|children|percent|%)/i;

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, "");
  const full = MONTH_NAMES.findIndex((m) => m === lower || m.slice(0, 3) === lower.slice(0, 3));
  return full + 1;
}

function count(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? 0);
}

function span(start: string, end: string): DateSpan {
  return { start, end, precision: precisionOf(start, end) };
}

function yearSpan(year: number): DateSpan {
  const y = String(year).padStart(4, "0");
  return span(`${y}-01-01`, `${y}-12-31`);
}

function monthSpan(year: number, month: number): DateSpan {
  return span(monthStart(year, month), monthEnd(year, month));
}

function shiftMonths(year: number, month: number, by: number): [number, number] {
  const index = year * 12 + (month - 1) + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** "Tuesday 17 February 2026", "February 2026", "1 – 30 June 2025": the anchor as the basis names it. */
export function describeAnchor(anchor: Anchor): string {
  if (anchor.start === anchor.end) return describeDay(anchor.start);
  const p = precisionOf(anchor.start, anchor.end);
  if (p === "month") return `${MONTHS_LONG[monthOf(anchor.start) - 1]} ${yearOf(anchor.start)}`;
  if (p === "year") return String(yearOf(anchor.start));
  return `${describeDay(anchor.start)} – ${describeDay(anchor.end)}`;
}

function describeDay(iso: string): string {
  const name = WEEKDAYS[weekday(iso)]!;
  const day = Number(iso.slice(8, 10));
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${day} ${MONTHS_LONG[monthOf(iso) - 1]} ${yearOf(iso)}`;
}

export function describeSpan(s: DateSpan): string {
  if (s.precision === "day") return describeDay(s.start);
  if (s.precision === "month") return `${MONTHS_LONG[monthOf(s.start) - 1]} ${yearOf(s.start)}`;
  if (s.precision === "year") return String(yearOf(s.start));
  if (s.precision === "week") return `the week of Monday ${describeDay(s.start).replace(/^\w+ /, "")}`;
  return `${describeDay(s.start)} – ${describeDay(s.end)}`;
}

/**
 * A rule applied to the first and the last day the publication may be, joined: a publication known only to the
 * month gives a range, never a more precise answer than the anchor allows (as `resolveRelative` in the pipeline).
 */
function onAnchor(
  anchor: Anchor,
  rule: (day: string) => { start: string; end: string } | null,
): DateSpan | null {
  const first = rule(anchor.start);
  const last = anchor.end === anchor.start ? first : rule(anchor.end);
  if (!first || !last) return null;
  return span(
    first.start < last.start ? first.start : last.start,
    first.end > last.end ? first.end : last.end,
  );
}

interface Found {
  start: number;
  end: number;
  text: string;
  kind: DateKind;
  resolve: (ctx: DateContext) => { span: DateSpan; basis: string; circa?: boolean } | null;
}

type Rule = { pattern: RegExp; kind: DateKind; make: (m: RegExpExecArray) => Found["resolve"] };

const quoted = (text: string) => `“${text}”`;

/** Words matched with either case of their first letter ("On Friday", "on Friday"); month and day names keep theirs. */
function ci(alternatives: string): string {
  return alternatives
    .split("|")
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join("|");
}

/** Latest month `m` on or before the anchor day's month (strictly before with `last`), or the next one forward. */
function monthFrom(day: string, m: number, mode: "past" | "strict-past" | "future" | "this"): DateSpan {
  const [y, pm] = [yearOf(day), monthOf(day)];
  if (mode === "this") return monthSpan(y, m);
  if (mode === "future") return monthSpan(m >= pm ? y : y + 1, m);
  if (mode === "strict-past") return monthSpan(m < pm ? y : y - 1, m);
  return monthSpan(m <= pm ? y : y - 1, m);
}

/** A day of a month with no year: the latest on or before the publication, or the next one for a plan. */
function dayFrom(anchorDay: string, m: number, d: number, future: boolean): string | null {
  const y = yearOf(anchorDay);
  const candidate = (year: number) => {
    const iso = `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    return fromDate(toDate(iso)) === iso ? iso : null;
  };
  if (future) {
    const same = candidate(y);
    return same && same >= anchorDay ? same : candidate(y + 1);
  }
  const same = candidate(y);
  return same && same <= anchorDay ? same : candidate(y - 1);
}

function weekdayFrom(day: string, target: number, forward: boolean): string {
  if (forward) return addDays(day, ((target - weekday(day) + 6) % 7) + 1);
  // Strictly before: "on Friday" written on a Friday means the Friday before (as the pipeline's last-<day>).
  return addDays(day, -(((weekday(day) - target + 6) % 7) + 1));
}

function partOfMonth(part: string, year: number, m: number): DateSpan {
  const last = Number(monthEnd(year, m).slice(8, 10));
  const [from, to] = /early|start|beginning/i.test(part)
    ? [1, 10]
    : /mid|middle/i.test(part)
      ? [11, 20]
      : [21, last];
  const iso = (d: number) =>
    `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return span(iso(from), iso(to));
}

function partOfYear(part: string, year: number): DateSpan {
  const [from, to] = /early|start|beginning/i.test(part)
    ? [1, 4]
    : /mid|middle/i.test(part)
      ? [5, 8]
      : [9, 12];
  return span(monthStart(year, from), monthEnd(year, to));
}

const PART = "(early|mid|late|the start of|the beginning of|the middle of|the end of)";

const RULES: Rule[] = [
  // Spans first: they contain dates the simpler rules would take apart.
  {
    kind: "day-span",
    pattern: new RegExp(`\\b(?:between|from) ${DAY} (?:and|to|until) ${DAY} ${MONTH}(?:,? ${YEAR})?`, "g"),
    make: (m) => (ctx) => daySpan(ctx, m[0], Number(m[1]), Number(m[2]), monthIndex(m[3]!), m[4]),
  },
  {
    kind: "day-span",
    pattern: new RegExp(`\\b(?:between )?${MONTH} ${DAY} (?:and|to|until|[-–]) ?${DAY}(?:,? ${YEAR})?`, "g"),
    make: (m) => (ctx) => daySpan(ctx, m[0], Number(m[2]), Number(m[3]), monthIndex(m[1]!), m[4]),
  },
  {
    kind: "day-span",
    pattern: new RegExp(
      `\\b(?:between|from) ${DAY} ${MONTH} (?:and|to|until) ${DAY} ${MONTH}(?:,? ${YEAR})?`,
      "g",
    ),
    make: (m) => (ctx) => {
      const year = m[5] ? Number(m[5]) : null;
      const [d1, m1, d2, m2] = [Number(m[1]), monthIndex(m[2]!), Number(m[3]), monthIndex(m[4]!)];
      const resolved = onAnchor(ctx.published, (day) => {
        const end = year ? isoDay(year, m2, d2) : dayFrom(day, m2, d2, Boolean(ctx.future));
        if (!end) return null;
        const startYear = m1 <= m2 ? yearOf(end) : yearOf(end) - 1;
        const start = isoDay(startYear, m1, d1);
        return start ? { start, end } : null;
      });
      return resolved && { span: resolved, basis: `${quoted(m[0])}: ${yearBasis(year, ctx)}.` };
    },
  },
  {
    kind: "month-span",
    pattern: new RegExp(
      `\\b(?:between|from) ${MONTH}(?: ${YEAR})? (?:and|to|until) ${MONTH}(?: ${YEAR})?`,
      "g",
    ),
    make: (m) => (ctx) => {
      const [m1, m2] = [monthIndex(m[1]!), monthIndex(m[3]!)];
      const y2 = m[4] ? Number(m[4]) : null;
      const y1 = m[2] ? Number(m[2]) : null;
      const resolved = onAnchor(ctx.published, (day) => {
        const end = y2 ? monthSpan(y2, m2) : monthFrom(day, m2, ctx.future ? "future" : "past");
        const startYear = y1 ?? (m1 <= m2 ? yearOf(end.start) : yearOf(end.start) - 1);
        return { start: monthStart(startYear, m1), end: end.end };
      });
      return resolved && { span: resolved, basis: `${quoted(m[0])}: ${yearBasis(y2, ctx)}.` };
    },
  },
  {
    kind: "year-span",
    pattern: new RegExp(
      `\\b(?:between|from) ${YEAR} (?:and|to|until) ${YEAR}\\b|\\b${YEAR}[-–]${YEAR}\\b`,
      "g",
    ),
    make: (m) => () => {
      const [a, b] = [Number(m[1] ?? m[3]), Number(m[2] ?? m[4])];
      if (b < a) return null;
      return {
        span: span(yearSpan(a).start, yearSpan(b).end),
        basis: `${quoted(m[0])}: the years as written.`,
      };
    },
  },
  {
    kind: "month-part",
    pattern: new RegExp(`\\b${PART}[- ]${MONTH}(?:,? ${YEAR})?`, "gi"),
    make: (m) => (ctx) => {
      const [part, mi] = [m[1]!, monthIndex(m[2]!)];
      const year = m[3] ? Number(m[3]) : null;
      const resolved = onAnchor(ctx.published, (day) => {
        const y = year ?? yearOf(monthFrom(day, mi, ctx.future ? "future" : "past").start);
        return partOfMonth(part, y, mi);
      });
      const which = /early|start|beginning/i.test(part)
        ? "1–10"
        : /mid|middle/i.test(part)
          ? "11–20"
          : "21 to the end";
      return (
        resolved && {
          span: resolved,
          basis: `${quoted(m[0])}: days ${which} of the month; ${yearBasis(year, ctx)}.`,
        }
      );
    },
  },
  {
    kind: "year-part",
    pattern: new RegExp(`\\b${PART}[- ]${YEAR}\\b`, "gi"),
    make: (m) => () => {
      const part = m[1]!;
      const which = /early|start|beginning/i.test(part)
        ? "January–April"
        : /mid|middle/i.test(part)
          ? "May–August"
          : "September–December";
      return { span: partOfYear(part, Number(m[2])), basis: `${quoted(m[0])}: ${which} of ${m[2]}.` };
    },
  },
  // Relative to the publication day.
  {
    kind: "relative-day",
    pattern:
      /\b(the day before yesterday|yesterday|today|tonight|this (?:morning|afternoon|evening)|last night|tomorrow)\b/gi,
    make: (m) => (ctx) => {
      const word = m[1]!.toLowerCase();
      const by =
        word === "the day before yesterday"
          ? -2
          : word === "yesterday" || word === "last night"
            ? -1
            : word === "tomorrow"
              ? 1
              : 0;
      const resolved = onAnchor(ctx.published, (day) => ({ start: addDays(day, by), end: addDays(day, by) }));
      const what =
        by === 0
          ? "the publication day"
          : by < 0
            ? `${-by === 1 ? "the day" : "two days"} before publication`
            : "the day after publication";
      return (
        resolved && { span: resolved, basis: `${quoted(m[0])}: ${what}, ${describeAnchor(ctx.published)}.` }
      );
    },
  },
  {
    kind: "week",
    pattern: /\b(earlier this|later this|this|last|next|the past) week\b/gi,
    make: (m) => (ctx) => {
      const which = m[1]!.toLowerCase();
      const resolved = onAnchor(ctx.published, (day) => {
        const monday = mondayOf(day);
        if (which === "earlier this") return day === monday ? null : { start: monday, end: addDays(day, -1) };
        if (which === "later this")
          return day === addDays(monday, 6) ? null : { start: addDays(day, 1), end: addDays(monday, 6) };
        if (which === "the past") return { start: addDays(day, -7), end: addDays(day, -1) };
        const by = which === "this" ? 0 : which === "next" ? 7 : -7;
        return { start: addDays(monday, by), end: addDays(monday, by + 6) };
      });
      const meaning: Record<string, string> = {
        "earlier this": "from the Monday of the publication week to the day before publication",
        "later this": "from the day after publication to the Sunday of that week",
        this: "the Monday–Sunday week of publication",
        last: "the Monday–Sunday week before the week of publication",
        next: "the Monday–Sunday week after the week of publication",
        "the past": "the seven days before publication",
      };
      return (
        resolved && {
          span: resolved,
          basis: `${quoted(m[0])}: ${meaning[which]}, ${describeAnchor(ctx.published)}.`,
        }
      );
    },
  },
  {
    kind: "month-relative",
    pattern: /\b(earlier this|later this|this|last|next) month\b/gi,
    make: (m) => (ctx) => {
      const which = m[1]!.toLowerCase();
      const resolved = onAnchor(ctx.published, (day) => {
        const [y, mo] = [yearOf(day), monthOf(day)];
        if (which === "earlier this")
          return day === monthStart(y, mo) ? null : { start: monthStart(y, mo), end: addDays(day, -1) };
        if (which === "later this")
          return day === monthEnd(y, mo) ? null : { start: addDays(day, 1), end: monthEnd(y, mo) };
        const [ty, tm] = shiftMonths(y, mo, which === "this" ? 0 : which === "next" ? 1 : -1);
        return monthSpan(ty, tm);
      });
      const meaning: Record<string, string> = {
        "earlier this": "from the first of the publication month to the day before publication",
        "later this": "from the day after publication to the end of that month",
        this: "the month of publication",
        last: "the month before the month of publication",
        next: "the month after the month of publication",
      };
      return (
        resolved && {
          span: resolved,
          basis: `${quoted(m[0])}: ${meaning[which]}, ${describeAnchor(ctx.published)}.`,
        }
      );
    },
  },
  {
    kind: "year-relative",
    pattern: /\b(earlier this|later this|this|last|next) year\b/gi,
    make: (m) => (ctx) => {
      const which = m[1]!.toLowerCase();
      const resolved = onAnchor(ctx.published, (day) => {
        const y = yearOf(day);
        if (which === "earlier this")
          return day.endsWith("-01-01") ? null : { start: `${day.slice(0, 4)}-01-01`, end: addDays(day, -1) };
        if (which === "later this")
          return day.endsWith("-12-31") ? null : { start: addDays(day, 1), end: `${day.slice(0, 4)}-12-31` };
        return yearSpan(which === "this" ? y : which === "next" ? y + 1 : y - 1);
      });
      return (
        resolved && {
          span: resolved,
          basis: `${quoted(m[0])}: counted from the publication date, ${describeAnchor(ctx.published)}.`,
        }
      );
    },
  },
  {
    kind: "ago",
    pattern: new RegExp(`\\b${COUNT} (day|week|month|year)s? ago\\b`, "gi"),
    make: (m) => (ctx) => {
      const n = count(m[1]!);
      const unit = m[2]!.toLowerCase();
      if (n <= 0) return null;
      const resolved = onAnchor(ctx.published, (day) => {
        if (unit === "day") return { start: addDays(day, -n), end: addDays(day, -n) };
        if (unit === "week") {
          const monday = mondayOf(addDays(day, -7 * n));
          return { start: monday, end: addDays(monday, 6) };
        }
        if (unit === "month") return monthSpan(...shiftMonths(yearOf(day), monthOf(day), -n));
        return yearSpan(yearOf(day) - n);
      });
      return (
        resolved && {
          span: resolved,
          circa: unit !== "day",
          basis: `${quoted(m[0])}: counted back from the publication date, ${describeAnchor(ctx.published)}.`,
        }
      );
    },
  },
  {
    kind: "recent",
    pattern: /\b(recently|in recent (?:days|weeks|months)|in the past few (?:days|weeks|months))\b/gi,
    make: (m) => (ctx) => {
      const text = m[1]!.toLowerCase();
      const days = /days/.test(text) ? 7 : /weeks/.test(text) ? 42 : /months/.test(text) ? 183 : 92;
      const resolved = onAnchor(ctx.published, (day) => ({ start: addDays(day, -days), end: day }));
      const assumed =
        days === 7 ? "a week" : days === 42 ? "six weeks" : days === 183 ? "six months" : "three months";
      return (
        resolved && {
          span: resolved,
          circa: true,
          basis: `${quoted(m[0])}: no date given; assumed to be within ${assumed} before publication (${describeAnchor(ctx.published)}). Check against the text.`,
        }
      );
    },
  },
  {
    kind: "after-previous",
    pattern: new RegExp(
      `\\b(?:${COUNT} (day|week|month|year)s? (later|earlier)|the (next|following|previous) (day|week|month))\\b`,
      "gi",
    ),
    make: (m) => (ctx) => {
      const previous = ctx.previous;
      if (!previous) return null;
      let n: number;
      let unit: string;
      if (m[1]) [n, unit] = [count(m[1]) * (/later/i.test(m[3]!) ? 1 : -1), m[2]!.toLowerCase()];
      else [n, unit] = [/previous/i.test(m[4]!) ? -1 : 1, m[5]!.toLowerCase()];
      if (n === 0) return null;
      const shift = (iso: string) => {
        if (unit === "day") return addDays(iso, n);
        if (unit === "week") return addDays(iso, 7 * n);
        const [y, mo] = shiftMonths(yearOf(iso), monthOf(iso), unit === "month" ? n : 12 * n);
        const d = Math.min(Number(iso.slice(8, 10)), Number(monthEnd(y, mo).slice(8, 10)));
        return isoDay(y, mo, d)!;
      };
      const p = previous.span;
      const resolved =
        p.precision === "month" && (unit === "month" || unit === "year")
          ? monthSpan(yearOf(shift(p.start)), monthOf(shift(p.start)))
          : span(shift(p.start), shift(p.end));
      return {
        span: resolved,
        circa: unit !== "day",
        basis: `${quoted(m[0])}: counted from the date before it, ${quoted(previous.text)} (${describeSpan(p)}).`,
      };
    },
  },
  {
    kind: "years-before",
    pattern: /\b(\d{1,3})-year(?:-long)? (rule|reign|tenure|occupation|dictatorship|presidency)\b/gi,
    make: (m) => (ctx) => {
      const n = Number(m[1]);
      const resolved = onAnchor(ctx.published, (day) => yearSpan(yearOf(day) - n));
      return (
        resolved && {
          span: resolved,
          basis: `${quoted(m[0])}: its start, ${n} years before the year of publication (${describeAnchor(ctx.published)}).`,
        }
      );
    },
  },
  // Absolute days written with a month name; chrono takes the numeric and unusual forms below.
  {
    kind: "day",
    pattern: new RegExp(
      `\\b(?:${DAY} (?:of )?(?:${MONTH}|${MONTH_ABBR})|(?:${MONTH}|${MONTH_ABBR}) ${DAY}(?!\\d))(?:,? ${YEAR})?`,
      "g",
    ),
    make: (m) => (ctx) => {
      const d = Number(m[1] ?? m[6]);
      const mi = monthIndex((m[2] ?? m[3] ?? m[4] ?? m[5])!);
      return dayResolution(ctx, m[0], mi, d, m[7] ? Number(m[7]) : null);
    },
  },
  {
    kind: "weekday",
    pattern: new RegExp(`\\b(?:(${ci("last|this past|this coming|this|next|on")}) )?${WEEKDAY}\\b`, "g"),
    make: (m) => (ctx) => {
      const modifier = m[1]?.toLowerCase();
      const target = WEEKDAYS.indexOf(m[2]!.toLowerCase() as (typeof WEEKDAYS)[number]);
      const forward =
        modifier === "next" ||
        modifier === "this coming" ||
        (modifier !== "last" && modifier !== "this past" && Boolean(ctx.future));
      const resolved = onAnchor(ctx.published, (day) => {
        const d = weekdayFrom(day, target, forward);
        return { start: d, end: d };
      });
      const which = forward ? "first" : "last";
      const side = forward ? "after" : "before";
      return (
        resolved && {
          span: resolved,
          basis: `${quoted(m[0])}: the ${which} ${m[2]} ${side} publication, ${describeAnchor(ctx.published)}.`,
        }
      );
    },
  },
  {
    kind: "month",
    pattern: new RegExp(
      `\\b(?:(${ci("last|this|next|in|since|during|by|until|through")}) )?${MONTH}(?:,? ${YEAR})?\\b`,
      "g",
    ),
    make: (m) => (ctx) => {
      const modifier = m[1]?.toLowerCase();
      const mi = monthIndex(m[2]!);
      if (m[3] && modifier === "since") return sinceSpan(m[0], monthSpan(Number(m[3]), mi), ctx);
      if (m[3]) return { span: monthSpan(Number(m[3]), mi), basis: `${quoted(m[0])}: the month as written.` };
      const mode =
        modifier === "last"
          ? "strict-past"
          : modifier === "next"
            ? "future"
            : modifier === "this"
              ? "this"
              : ctx.future
                ? "future"
                : "past";
      const resolved = onAnchor(ctx.published, (day) => monthFrom(day, mi, mode));
      if (modifier === "since") return resolved && sinceSpan(m[0], resolved, ctx);
      const meaning = {
        "strict-past": `the last ${m[2]} before the month of publication`,
        future: `the first ${m[2]} from the month of publication on`,
        this: "the month of the year of publication",
        past: `the latest ${m[2]} up to the month of publication`,
      }[mode];
      return (
        resolved && {
          span: resolved,
          basis: `${quoted(m[0])}: no year given; ${meaning}, ${describeAnchor(ctx.published)}.`,
        }
      );
    },
  },
  {
    kind: "year",
    pattern: new RegExp(
      `\\b(?:(${ci("in|since|during|by|until|through|before|after|from|throughout")}) )?${YEAR}\\b(?![-–/,.]?\\d)`,
      "g",
    ),
    make: (m) => (ctx) => {
      const year = Number(m[2]);
      if (year > yearOf(ctx.published.end) + 10) return null;
      if (m[1]?.toLowerCase() === "since") return sinceSpan(m[0], yearSpan(year), ctx);
      return { span: yearSpan(year), basis: `${quoted(m[0])}: the year as written.` };
    },
  },
];

/** "since 1979", "since June 2025": a course that runs from then to the time of writing, so up to publication. */
function sinceSpan(text: string, from: DateSpan, ctx: DateContext): { span: DateSpan; basis: string } | null {
  if (from.start > ctx.published.end) return null;
  return {
    span: span(from.start, ctx.published.end),
    basis: `${quoted(text)}: from its start to publication (“since” runs to the time of writing), ${describeAnchor(ctx.published)}.`,
  };
}

function isoDay(year: number, m: number, d: number): string | null {
  const iso = `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return fromDate(toDate(iso)) === iso ? iso : null;
}

function yearBasis(year: number | null, ctx: DateContext): string {
  if (year) return "the year as written";
  return ctx.future
    ? `no year given; the next such date after publication, ${describeAnchor(ctx.published)}`
    : `no year given; the latest such date up to publication, ${describeAnchor(ctx.published)}`;
}

function daySpan(
  ctx: DateContext,
  text: string,
  d1: number,
  d2: number,
  mi: number,
  yearText: string | undefined,
) {
  if (d2 < d1) return null;
  const year = yearText ? Number(yearText) : null;
  const resolved = onAnchor(ctx.published, (day) => {
    const end = year ? isoDay(year, mi, d2) : dayFrom(day, mi, d2, Boolean(ctx.future));
    const start = end && isoDay(yearOf(end), mi, d1);
    return start && end ? { start, end } : null;
  });
  return resolved && { span: resolved, basis: `${quoted(text)}: ${yearBasis(year, ctx)}.` };
}

function dayResolution(ctx: DateContext, text: string, mi: number, d: number, year: number | null) {
  if (year) {
    const iso = isoDay(year, mi, d);
    return iso ? { span: span(iso, iso), basis: `${quoted(text)}: the date as written.` } : null;
  }
  const resolved = onAnchor(ctx.published, (day) => {
    const iso = dayFrom(day, mi, d, Boolean(ctx.future));
    return iso ? { start: iso, end: iso } : null;
  });
  return resolved && { span: resolved, basis: `${quoted(text)}: ${yearBasis(null, ctx)}.` };
}

/** Absolute days chrono finds that our rules do not cover (numeric forms, "the 13th of June"). */
function chronoDays(text: string, anchor: Anchor): Found[] {
  const reference = toDate(anchor.end);
  reference.setUTCHours(12);
  return chrono.en.GB.parse(text, { instant: reference, timezone: 0 }).flatMap((result): Found[] => {
    const { start } = result;
    if (!start.isCertain("day") || !start.isCertain("month")) return [];
    // Only written calendar dates: chrono also reads "now" and "tonight" as days, which the rules above own.
    if (!/\d/.test(result.text)) return [];
    const known = (c: chrono.ParsedComponents, unit: "day" | "month" | "year") => c.get(unit)!;
    const year = start.isCertain("year") ? known(start, "year") : null;
    const [m, d] = [known(start, "month"), known(start, "day")];
    const end = result.end && result.end.isCertain("day") ? result.end : null;
    return [
      {
        start: result.index,
        end: result.index + result.text.length,
        text: result.text,
        kind: end ? "day-span" : "day",
        resolve: (ctx) => {
          if (!end) return dayResolution(ctx, result.text, m, d, year);
          const endYear = end.isCertain("year") ? known(end, "year") : year;
          const [endMonth, endDay] = [known(end, "month"), known(end, "day")];
          if (endMonth === m)
            return daySpan(ctx, result.text, d, endDay, m, endYear ? String(endYear) : undefined);
          const last = dayResolution(ctx, result.text, endMonth, endDay, endYear);
          if (!last) return null;
          const first = isoDay(m <= endMonth ? yearOf(last.span.start) : yearOf(last.span.start) - 1, m, d);
          return first && first <= last.span.start ? { ...last, span: span(first, last.span.end) } : null;
        },
      },
    ];
  });
}

/**
 * Every date phrase in `text`, left to right, with the longest phrase kept where two overlap. A phrase that
 * cannot be resolved (a "two days later" with nothing before it, an impossible day) is left out.
 */
export function findDatePhrases(text: string, ctx: DateContext): DatePhrase[] {
  const found: Found[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const at = m.index;
      const words = m[0];
      if (rule.kind === "year" && QUANTITY.test(text.slice(at + words.length))) continue;
      found.push({
        start: at,
        end: at + words.length,
        text: words,
        kind: rule.kind,
        resolve: rule.make(m as RegExpExecArray),
      });
    }
  }
  found.push(...chronoDays(text, ctx.published));
  // Longest first, then earliest rule: spans beat their parts, our rules beat chrono's reading of the same words.
  const order = found
    .map((f, i) => ({ f, i }))
    .sort((a, b) => b.f.end - b.f.start - (a.f.end - a.f.start) || a.i - b.i);
  const kept: Found[] = [];
  for (const { f } of order) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  kept.sort((a, b) => a.start - b.start);

  const phrases: DatePhrase[] = [];
  const weekContext = /\b(this|last|next) week\b/i.exec(text)?.[1]?.toLowerCase();
  let previous = ctx.previous ?? null;
  for (const f of kept) {
    const future = typeof ctx.future === "function" ? ctx.future(f.start, f.end) : ctx.future;
    let result = f.resolve({ ...ctx, future, previous });
    // A bare weekday in a sentence about "this week" or "next week" is that week's day.
    if (
      result &&
      f.kind === "weekday" &&
      weekContext &&
      weekContext !== "last" &&
      !/^(last|next|this) /i.test(f.text)
    ) {
      const target = WEEKDAYS.indexOf(
        f.text.replace(/^(on|this past|this coming) /i, "").toLowerCase() as (typeof WEEKDAYS)[number],
      );
      const offset = weekContext === "next" ? 7 : 0;
      const inWeek = onAnchor(ctx.published, (day) => {
        const d = addDays(mondayOf(day), offset + ((target + 6) % 7));
        return { start: d, end: d };
      });
      if (inWeek)
        result = {
          span: inWeek,
          basis: `${quoted(f.text)}: that day of ${weekContext} week, counted from publication, ${describeAnchor(ctx.published)}.`,
        };
    }
    if (!result) continue;
    const phrase: DatePhrase = {
      text: f.text.replace(/[,.]$/, ""),
      start: f.start,
      end: f.start + f.text.replace(/[,.]$/, "").length,
      span: result.span,
      circa: Boolean(result.circa),
      basis: result.basis,
      future: result.span.start > ctx.published.end,
      kind: f.kind,
    };
    phrases.push(phrase);
    previous = { text: phrase.text, span: phrase.span };
  }
  return phrases;
}
