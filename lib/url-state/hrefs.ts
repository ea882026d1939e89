import { DEFAULT_PAIR } from "@/lib/domain";
import { NO_FILTERS, type EventFilters } from "@/lib/event-filters";
import type { SearchKind } from "@/lib/search/kinds";

// The URL is the state. This file writes it: each view's parameter names, defaults and state, and the canonical
// query string and link for a state (defaults left out, one fixed order, so equal states give equal URLs). Reading
// it back is in timeline.ts, matrix.ts and search.ts. No zod here: the client islands import this file and ship what
// it pulls in.

export const TIMELINE_PARAMS = {
  actor: "actor",
  mode: "mode",
  issue: "issue",
  from: "from",
  to: "to",
  article: "article",
  page: "page",
  per: "per",
} as const;

/** The timeline parameters that may repeat (`actor=us&actor=iran`); each of the others takes its last value. */
export const TIMELINE_REPEATABLE = ["actor", "issue", "article"] as const;

/** Events per timeline page the URL may ask for (`per=`); anything else is dropped with a note. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
// 25, not 50: each event carries its evidence quotes, and 50 of them made a page of over 400 KB (npm run bench).
export const DEFAULT_PAGE_SIZE = 25;

export interface TimelineState extends EventFilters {
  page: number;
  perPage: number;
}

export const EMPTY_TIMELINE: TimelineState = { ...NO_FILTERS, page: 1, perPage: DEFAULT_PAGE_SIZE };

/** The canonical query string for a timeline state; defaults are left out. */
export function toTimelineSearchParams(state: Partial<TimelineState>): URLSearchParams {
  const out = new URLSearchParams();
  for (const actor of state.actors ?? []) out.append(TIMELINE_PARAMS.actor, actor);
  if (state.actorMode === "all" && (state.actors?.length ?? 0) > 1) out.set(TIMELINE_PARAMS.mode, "all");
  for (const issue of state.issues ?? []) out.append(TIMELINE_PARAMS.issue, issue);
  if (state.from) out.set(TIMELINE_PARAMS.from, state.from);
  if (state.to) out.set(TIMELINE_PARAMS.to, state.to);
  for (const article of state.articles ?? []) out.append(TIMELINE_PARAMS.article, article);
  if (state.page && state.page > 1) out.set(TIMELINE_PARAMS.page, String(state.page));
  if (state.perPage && state.perPage !== DEFAULT_PAGE_SIZE)
    out.set(TIMELINE_PARAMS.per, String(state.perPage));
  return out;
}

/** `/timeline?…` for a state. */
export function timelineHref(state: Partial<TimelineState>, hash = ""): string {
  const query = toTimelineSearchParams(state).toString();
  return `/timeline${query ? `?${query}` : ""}${hash}`;
}

/** An event in the unfiltered timeline: the page its place (0-based, in date order) falls on, at its anchor. */
export function eventOnTimelineHref(slug: string, place: number): string {
  return timelineHref({ page: Math.floor(place / DEFAULT_PAGE_SIZE) + 1 }, `#e-${slug}`);
}

/** The timeline's event filters: the CSV export's parameters. */
export const EVENT_FILTER_PARAMS = {
  actor: TIMELINE_PARAMS.actor,
  mode: TIMELINE_PARAMS.mode,
  issue: TIMELINE_PARAMS.issue,
  from: TIMELINE_PARAMS.from,
  to: TIMELINE_PARAMS.to,
  article: TIMELINE_PARAMS.article,
} as const;

/** The events API's parameters: the filters, and paging by an opaque cursor instead of page numbers. */
export const EVENTS_API_PARAMS = { ...EVENT_FILTER_PARAMS, limit: "limit", cursor: "cursor" } as const;

/** Events per answer of the events API: `limit` by default, and at most. */
export const EVENTS_LIMIT = { default: 100, max: 1000 } as const;

/** The events API's next page: the same filters and limit, from a cursor. */
export function eventsApiPageHref(filters: EventFilters, limit: number, cursor: string): string {
  const query = toTimelineSearchParams(eventFiltersOf(filters));
  if (limit !== EVENTS_LIMIT.default) query.set(EVENTS_API_PARAMS.limit, String(limit));
  query.set(EVENTS_API_PARAMS.cursor, cursor);
  return `/api/v1/events?${query.toString()}`;
}

/** The event filters of a timeline state: what the query layer and the API take (no paging). */
export function eventFiltersOf(state: EventFilters): EventFilters {
  return {
    actors: state.actors,
    actorMode: state.actorMode,
    issues: state.issues,
    from: state.from,
    to: state.to,
    articles: state.articles,
  };
}

/** The API URL for the same filters as a timeline state: `/api/v1/events?…` or `/api/v1/events.csv?…`. */
export function eventsApiHref(state: EventFilters, format: "json" | "csv"): string {
  const query = toTimelineSearchParams(eventFiltersOf(state)).toString();
  return `/api/v1/events${format === "csv" ? ".csv" : ""}${query ? `?${query}` : ""}`;
}

export const MATRIX_PARAMS = { a: "a", b: "b", cell: "cell", sort: "sort", snapshot: "snapshot" } as const;

export const MATRIX_SORTS = ["issue", "latest", "change"] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

/** One cell of the matrix: an issue in one article snapshot, written `<issue>:<article>` in the URL. */
export interface MatrixCellRef {
  issue: string;
  article: string;
}

export interface MatrixState {
  a: string;
  b: string;
  sort: MatrixSort;
  /** Only the issues this article snapshot covers; null for all issues. */
  snapshot: string | null;
  /** The open cell, if any. */
  cell: MatrixCellRef | null;
}

export const DEFAULT_MATRIX: MatrixState = {
  a: DEFAULT_PAIR[0],
  b: DEFAULT_PAIR[1],
  sort: "issue",
  snapshot: null,
  cell: null,
};

function cellParam(cell: MatrixCellRef): string {
  return `${cell.issue}:${cell.article}`;
}

/** The canonical query string for a matrix state; defaults are left out, and a pair is written whole. */
export function toMatrixSearchParams(state: Partial<MatrixState>): URLSearchParams {
  const out = new URLSearchParams();
  const a = state.a ?? DEFAULT_MATRIX.a;
  const b = state.b ?? DEFAULT_MATRIX.b;
  if (a !== DEFAULT_MATRIX.a || b !== DEFAULT_MATRIX.b) {
    out.set(MATRIX_PARAMS.a, a);
    out.set(MATRIX_PARAMS.b, b);
  }
  if (state.sort && state.sort !== DEFAULT_MATRIX.sort) out.set(MATRIX_PARAMS.sort, state.sort);
  if (state.snapshot) out.set(MATRIX_PARAMS.snapshot, state.snapshot);
  if (state.cell) out.set(MATRIX_PARAMS.cell, cellParam(state.cell));
  return out;
}

/** `/matrix?…` for a state. */
export function matrixHref(state: Partial<MatrixState>, hash = ""): string {
  // A colon is legal in a query; keeping it readable makes `cell=issue:article` links easy to read and share.
  const query = toMatrixSearchParams(state).toString().replaceAll("%3A", ":");
  return `/matrix${query ? `?${query}` : ""}${hash}`;
}

export const SEARCH_PARAMS = {
  q: "q",
  kind: "kind",
  article: "article",
  actor: "actor",
  page: "page",
} as const;

export interface SearchState {
  /** What was typed (cut to the longest query searched). */
  q: string;
  /** One kind of result, paginated; null for the overview of every kind. */
  kind: SearchKind | null;
  /** Only what involves this source article (slug). */
  article: string | null;
  /** Only what involves this actor (slug). */
  actor: string | null;
  page: number;
}

export const EMPTY_SEARCH: SearchState = { q: "", kind: null, article: null, actor: null, page: 1 };

/** The canonical query string for a search state, in one order; defaults are left out. */
export function toSearchParams(state: Partial<SearchState>): URLSearchParams {
  const out = new URLSearchParams();
  if (state.q) out.set(SEARCH_PARAMS.q, state.q);
  if (state.kind) out.set(SEARCH_PARAMS.kind, state.kind);
  if (state.article) out.set(SEARCH_PARAMS.article, state.article);
  if (state.actor) out.set(SEARCH_PARAMS.actor, state.actor);
  if (state.kind && state.page && state.page > 1) out.set(SEARCH_PARAMS.page, String(state.page));
  return out;
}

/** `/search?…` for a state. */
export function searchHref(state: Partial<SearchState>): string {
  const query = toSearchParams(state).toString();
  return `/search${query ? `?${query}` : ""}`;
}

/** `GET /api/v1/search`'s parameters: the page's, less paging, and a number of results. */
export const SEARCH_API_PARAMS = {
  q: "q",
  kind: "kind",
  article: "article",
  actor: "actor",
  limit: "limit",
} as const;

/** `/api/v1/search?…`: what the header's suggestions ask for. */
export function searchApiHref(query: { q: string; kind?: SearchKind | null; limit?: number }): string {
  const out = new URLSearchParams({ [SEARCH_API_PARAMS.q]: query.q });
  if (query.kind) out.set(SEARCH_API_PARAMS.kind, query.kind);
  if (query.limit !== undefined) out.set(SEARCH_API_PARAMS.limit, String(query.limit));
  return `/api/v1/search?${out}`;
}
