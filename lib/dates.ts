// Calendar dates as ISO `YYYY-MM-DD` strings, computed in UTC so no time zone can shift a day.

export const PRECISIONS = ["day", "week", "month", "year", "range"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A resolved date: the first and last day it may be, and how precisely it is known. */
export interface DateSpan {
  start: string;
  end: string;
  precision: Precision;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MONTHS_SHORT = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;
export const MONTHS_LONG = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
export const MONTH_NAMES = MONTHS_LONG.map((m) => m.toLowerCase());

export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function toDate(iso: string): Date {
  const m = ISO_DAY.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function fromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = toDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return fromDate(date);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return toDate(iso).getUTCDay();
}

/** The Monday of the ISO week (Monday–Sunday) holding `iso`. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

export function monthStart(year: number, month: number): string {
  return fromDate(new Date(Date.UTC(year, month - 1, 1)));
}

export function monthEnd(year: number, month: number): string {
  return fromDate(new Date(Date.UTC(year, month, 0)));
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7));
}

/** The most precise unit (day, week, month, year) that `start`–`end` covers exactly, or `range`. */
export function precisionOf(start: string, end: string): Precision {
  if (start === end) return "day";
  if (weekday(start) === 1 && addDays(start, 6) === end) return "week";
  const [y, m] = [yearOf(start), monthOf(start)];
  if (start === monthStart(y, m) && end === monthEnd(y, m)) return "month";
  if (start === `${y}-01-01` && end === `${y}-12-31`) return "year";
  return "range";
}

/** Whether `precision` is a truthful description of `start`–`end`. */
export function precisionFits(span: DateSpan): boolean {
  if (span.start > span.end) return false;
  if (span.precision === "range") return span.start < span.end;
  return precisionOf(span.start, span.end) === span.precision;
}

function dayMonth(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS_SHORT[monthOf(iso) - 1]}`;
}

function day(iso: string): string {
  return `${dayMonth(iso)} ${yearOf(iso)}`;
}

function month(iso: string): string {
  return `${MONTHS_LONG[monthOf(iso) - 1]} ${yearOf(iso)}`;
}

/**
 * A date as precisely as it is known, never more: "17 Feb 2026", "week of 9 Feb 2026", "June 2025", "1979",
 * "Jan–Jun 2025", with "c. " when the source itself is approximate.
 */
export function formatSpan(span: DateSpan & { circa?: boolean }): string {
  const text = formatExact(span);
  return span.circa ? `c. ${text}` : text;
}

function formatExact({ start, end, precision }: DateSpan): string {
  switch (precision) {
    case "day":
      return day(start);
    case "week":
      return `week of ${day(start)}`;
    case "month":
      return month(start);
    case "year":
      return String(yearOf(start));
    case "range":
      return formatRange(start, end);
  }
}

function formatRange(start: string, end: string): string {
  const [ys, ye] = [yearOf(start), yearOf(end)];
  const wholeMonths = start.endsWith("-01") && end === monthEnd(ye, monthOf(end));
  if (start === `${ys}-01-01` && end === `${ye}-12-31`) return `${ys}–${ye}`;
  if (wholeMonths) {
    const [ms, me] = [MONTHS_SHORT[monthOf(start) - 1], MONTHS_SHORT[monthOf(end) - 1]];
    return ys === ye ? `${ms}–${me} ${ye}` : `${ms} ${ys} – ${me} ${ye}`;
  }
  if (ys === ye) return `${dayMonth(start)} – ${day(end)}`;
  return `${day(start)} – ${day(end)}`;
}

/** Whether a span is less than a single known day: shown with an "approximate" marker. */
export function isApproximate(span: { precision: Precision; circa?: boolean }): boolean {
  return span.precision !== "day" || Boolean(span.circa);
}
