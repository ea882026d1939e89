import { monthEnd, MONTHS_LONG, MONTHS_SHORT, toDate } from "@/lib/dates";

// Events per month (or per year, when the months would be too many to draw) for the timeline chart.
//
// Counting rule: an event is counted once, in the month its date starts, when its whole date span is at most
// MAX_COUNTED_DAYS long (a day, a week or a month). Events known only to a year or a longer range ("1979–2024")
// are not spread over months, which would invent precision, nor piled on their first month, which would put a
// 45-year span in January 1979; they are counted apart as `wide` and the page says how many there are.

export const MAX_COUNTED_DAYS = 31;
/** More months than this between the first and last counted event, and the chart counts per year instead. */
const MAX_MONTHS = 120;

export interface DateSpanLike {
  start: string;
  end: string;
}

export interface PeriodBucket {
  /** `2025-06` for a month, `2025` for a year. */
  key: string;
  /** Short axis label: "Jun 2025", "2025". */
  label: string;
  /** Full name: "June 2025", "2025". */
  name: string;
  /** First and last day of the period (ISO), for narrowing the date filter to it. */
  from: string;
  to: string;
  count: number;
}

export interface EventsPerPeriod {
  unit: "month" | "year";
  /** Every period from the first counted event to the last, empty ones included, oldest first. */
  buckets: PeriodBucket[];
  /** Events in the buckets. */
  counted: number;
  /** Events left out because their date spans more than MAX_COUNTED_DAYS. */
  wide: number;
}

const DAY_MS = 86_400_000;

/** Whether a span is short enough to be counted in the month it starts. */
export function isCountedSpan(span: DateSpanLike): boolean {
  return (toDate(span.end).getTime() - toDate(span.start).getTime()) / DAY_MS + 1 <= MAX_COUNTED_DAYS;
}

export function eventsPerPeriod(
  spans: readonly DateSpanLike[],
  { maxMonths = MAX_MONTHS }: { maxMonths?: number } = {},
): EventsPerPeriod {
  // Months are numbered year * 12 + (month - 1), so consecutive months are consecutive integers.
  const perMonth = new Map<number, number>();
  let wide = 0;
  for (const span of spans) {
    if (!isCountedSpan(span)) {
      wide++;
      continue;
    }
    const index = Number(span.start.slice(0, 4)) * 12 + Number(span.start.slice(5, 7)) - 1;
    perMonth.set(index, (perMonth.get(index) ?? 0) + 1);
  }
  const counted = spans.length - wide;
  if (perMonth.size === 0) return { unit: "month", buckets: [], counted, wide };

  const indexes = [...perMonth.keys()];
  const [first, last] = [Math.min(...indexes), Math.max(...indexes)];
  if (last - first + 1 <= maxMonths) {
    const buckets: PeriodBucket[] = [];
    for (let i = first; i <= last; i++) {
      const [year, month] = [Math.floor(i / 12), (i % 12) + 1];
      const key = `${pad(year, 4)}-${pad(month, 2)}`;
      buckets.push({
        key,
        label: `${MONTHS_SHORT[month - 1]} ${year}`,
        name: `${MONTHS_LONG[month - 1]} ${year}`,
        from: `${key}-01`,
        to: monthEnd(year, month),
        count: perMonth.get(i) ?? 0,
      });
    }
    return { unit: "month", buckets, counted, wide };
  }

  const perYear = new Map<number, number>();
  for (const [i, count] of perMonth) {
    const year = Math.floor(i / 12);
    perYear.set(year, (perYear.get(year) ?? 0) + count);
  }
  const [firstYear, lastYear] = [Math.floor(first / 12), Math.floor(last / 12)];
  const buckets: PeriodBucket[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const key = pad(year, 4);
    buckets.push({
      key,
      label: key,
      name: key,
      from: `${key}-01-01`,
      to: `${key}-12-31`,
      count: perYear.get(year) ?? 0,
    });
  }
  return { unit: "year", buckets, counted, wide };
}

/** The bucket with the most events (the earliest on a tie), or null when all are empty. */
export function peakBucket(buckets: readonly PeriodBucket[]): PeriodBucket | null {
  let best: PeriodBucket | null = null;
  for (const bucket of buckets) if (bucket.count > (best?.count ?? 0)) best = bucket;
  return best;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
