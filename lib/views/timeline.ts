import { formatSpan, MONTHS_LONG } from "@/lib/dates";
import type { FacetOption } from "@/lib/queries/events";
import { EMPTY_TIMELINE, type TimelineState } from "@/lib/url-state/hrefs";

// The timeline page's pure logic: grouping a page of events under year and month headings, page arithmetic,
// the removable filter chips and the date range a chart bar narrows to.

export interface MonthGroup<T> {
  /** `2025-06` */
  key: string;
  /** "June 2025" */
  label: string;
  events: T[];
}

export interface YearGroup<T> {
  year: string;
  months: MonthGroup<T>[];
}

/**
 * Groups events, already in date order, by the year and month their date starts. An event known only to a longer
 * span sits under the month the span begins, which the page says.
 */
export function groupByYearMonth<T extends { date: { start: string } }>(
  events: readonly T[],
): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const event of events) {
    const year = event.date.start.slice(0, 4);
    const key = event.date.start.slice(0, 7);
    let yearGroup = years.at(-1);
    if (yearGroup?.year !== year) {
      yearGroup = { year, months: [] };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.at(-1);
    if (monthGroup?.key !== key) {
      monthGroup = { key, label: `${MONTHS_LONG[Number(key.slice(5, 7)) - 1]} ${Number(year)}`, events: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.events.push(event);
  }
  return years;
}

export interface PageInfo {
  page: number;
  perPage: number;
  total: number;
  /** At least 1, so an empty result still has a page 1. */
  pageCount: number;
  offset: number;
  /** 1-based positions of the first and last event shown; 0 and 0 when none is. */
  first: number;
  last: number;
  /** The page asked for lies past the last page. */
  beyond: boolean;
}

export function pageInfo(total: number, page: number, perPage: number): PageInfo {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const offset = (page - 1) * perPage;
  const beyond = page > pageCount;
  const shown = beyond ? 0 : Math.min(perPage, total - offset);
  return {
    page,
    perPage,
    total,
    pageCount,
    offset,
    first: shown > 0 ? offset + 1 : 0,
    last: shown > 0 ? offset + shown : 0,
    beyond,
  };
}

/** Page numbers to link: the first, the last and a window around the current one, with gaps between. */
export function pageWindow(current: number, pageCount: number, radius = 2): (number | "gap")[] {
  const pages = new Set([1, pageCount]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && p - previous > 2) out.push("gap");
    out.push(p);
  });
  return out;
}

export interface FilterChip {
  key: string;
  /** What kind of filter: "Actor", "Issue", "Source", "From", "To", "Match". */
  kind: string;
  label: string;
  /** The state without this filter (back on page 1). */
  without: TimelineState;
}

export interface FilterNames {
  actors: ReadonlyMap<string, string>;
  issues: ReadonlyMap<string, string>;
  articles: ReadonlyMap<string, string>;
}

/** One removable chip per active filter value, in the order of the filter form. */
export function filterChips(state: TimelineState, names: FilterNames): FilterChip[] {
  const base: TimelineState = { ...state, page: 1 };
  const each = (
    key: string,
    kind: string,
    slugs: string[],
    name: ReadonlyMap<string, string>,
    without: (rest: string[]) => Partial<TimelineState>,
  ): FilterChip[] =>
    // In the filter panel's order (the content's), not the URL's: links that differ only in order show the same.
    [
      ...[...name.keys()].filter((slug) => slugs.includes(slug)),
      ...slugs.filter((slug) => !name.has(slug)),
    ].map((slug) => ({
      key: `${key}-${slug}`,
      kind,
      label: name.get(slug) ?? slug,
      without: { ...base, ...without(slugs.filter((s) => s !== slug)) },
    }));
  const chips = each("actor", "Actor", state.actors, names.actors, (actors) => ({
    actors,
    actorMode: actors.length > 1 ? state.actorMode : "any",
  }));
  if (state.actorMode === "all" && state.actors.length > 1)
    chips.push({
      key: "mode",
      kind: "Match",
      label: "all of these actors",
      without: { ...base, actorMode: "any" },
    });
  chips.push(...each("issue", "Issue", state.issues, names.issues, (issues) => ({ issues })));
  if (state.from)
    chips.push({ key: "from", kind: "From", label: dayLabel(state.from), without: { ...base, from: null } });
  if (state.to)
    chips.push({ key: "to", kind: "To", label: dayLabel(state.to), without: { ...base, to: null } });
  chips.push(...each("article", "Source", state.articles, names.articles, (articles) => ({ articles })));
  return chips;
}

/** The state with no filters, keeping only the page size. */
export function clearedState(state: TimelineState): TimelineState {
  return { ...EMPTY_TIMELINE, perPage: state.perPage };
}

/** The state narrowed to a period (a chart bar), within any date range already chosen, back on page 1. */
export function narrowToPeriod(state: TimelineState, period: { from: string; to: string }): TimelineState {
  const from = state.from && state.from > period.from ? state.from : period.from;
  const to = state.to && state.to < period.to ? state.to : period.to;
  // A bar outside the chosen range (a span that only overlaps it) narrows to the bar itself.
  if (to < from) return { ...state, from: period.from, to: period.to, page: 1 };
  return { ...state, from, to, page: 1 };
}

function dayLabel(iso: string): string {
  return formatSpan({ start: iso, end: iso, precision: "day" });
}

/** The filters in words, for the page description: "involving Iran or Israel, on Iran talks, from 1 Jun 2025". */
export function describeFilters(state: TimelineState, names: FilterNames): string {
  const list = (slugs: string[], map: ReadonlyMap<string, string>, joiner: string) => {
    const words = slugs.map((s) => map.get(s) ?? s);
    return words.length <= 1
      ? (words[0] ?? "")
      : `${words.slice(0, -1).join(", ")} ${joiner} ${words.at(-1)}`;
  };
  const parts: string[] = [];
  if (state.actors.length > 0)
    parts.push(`involving ${list(state.actors, names.actors, state.actorMode === "all" ? "and" : "or")}`);
  if (state.issues.length > 0) parts.push(`on ${list(state.issues, names.issues, "or")}`);
  if (state.from && state.to) parts.push(`from ${dayLabel(state.from)} to ${dayLabel(state.to)}`);
  else if (state.from) parts.push(`from ${dayLabel(state.from)} on`);
  else if (state.to) parts.push(`up to ${dayLabel(state.to)}`);
  if (state.articles.length > 0) parts.push(`in ${list(state.articles, names.articles, "or")}`);
  return parts.join(", ");
}

/** "1 event", "5,000 events". */
export function eventCount(n: number): string {
  return `${n.toLocaleString("en")} event${n === 1 ? "" : "s"}`;
}

/** The result line: "Showing 26–50 of 5,000 events", "35 events", or what is wrong with the page asked for. */
export function resultSummary(info: PageInfo): string {
  const n = (x: number) => x.toLocaleString("en");
  if (info.total === 0) return "No events match.";
  if (info.beyond)
    return `No events on page ${n(info.page)}: ${eventCount(info.total)} fit on ${n(info.pageCount)} page${info.pageCount === 1 ? "" : "s"}.`;
  if (info.pageCount > 1) return `Showing ${n(info.first)}–${n(info.last)} of ${eventCount(info.total)}`;
  return eventCount(info.total);
}

/** How many actors the filter form offers as checkboxes; the find field looks up the rest. */
export const OFFERED_ACTORS = 24;

/** The actors with the most events and every chosen one, in content order. */
export function offeredActors(actors: FacetOption[], chosen: string[]): FacetOption[] {
  if (actors.length <= OFFERED_ACTORS) return actors;
  const most = new Set(
    [...actors]
      .sort((a, b) => b.count - a.count)
      .slice(0, OFFERED_ACTORS)
      .map((a) => a.slug),
  );
  return actors.filter((a) => most.has(a.slug) || chosen.includes(a.slug));
}
