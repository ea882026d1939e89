import { z } from "zod";
import { isIsoDay } from "@/lib/dates";
import { NO_FILTERS, type EventFilters } from "@/lib/event-filters";

// The URL is the state. Each view's query parameters are parsed here, in one place, and written back in one
// canonical order so equal states give equal URLs. The API is strict (400 on a bad value); pages are lenient
// (a bad value is dropped and the page says so).

export const EVENT_PARAMS = {
  actor: "actor",
  mode: "mode",
  issue: "issue",
  from: "from",
  to: "to",
  article: "article",
  page: "page",
  per: "per",
} as const;

/** Events per timeline page the URL may ask for (`per=`); anything else is dropped with a note. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
// 25, not 50: each event carries its evidence quotes, and 50 of them made a page of over 400 KB (npm run bench).
export const DEFAULT_PAGE_SIZE = 25;

export const MATRIX_PARAMS = { a: "a", b: "b", cell: "cell", sort: "sort", snapshot: "snapshot" } as const;

/** The slugs a filter may name. */
export interface KnownValues {
  actors: ReadonlySet<string>;
  issues: ReadonlySet<string>;
  articles: ReadonlySet<string>;
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every value of a parameter, from either URLSearchParams or Next's `searchParams` object. */
export function readAll(params: SearchParamsInput, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const MAX_VALUES = 50;
const MAX_LENGTH = 200;

function slugList(known: ReadonlySet<string>, what: string) {
  return z
    .array(z.string().max(MAX_LENGTH, `${what} is too long`))
    .max(MAX_VALUES, `at most ${MAX_VALUES} ${what}s`)
    .superRefine((values, ctx) => {
      values.forEach((value, i) => {
        if (!known.has(value))
          ctx.addIssue({ code: "custom", path: [i], message: `unknown ${what} "${value}"` });
      });
    })
    .transform((values) => [...new Set(values)]);
}

function eventsQuerySchema(known: KnownValues) {
  // Built on demand, not at module level, so the client island that imports this module does not pull in zod.
  const isoDate = z.string().refine(isIsoDay, "must be a calendar date written YYYY-MM-DD");
  return z
    .object({
      actor: slugList(known.actors, "actor"),
      mode: z.enum(["any", "all"]).default("any"),
      issue: slugList(known.issues, "issue"),
      article: slugList(known.articles, "article"),
      from: isoDate.optional(),
      to: isoDate.optional(),
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "`to` is before `from`" });
}

function single(params: SearchParamsInput, key: string): string | undefined {
  const values = readAll(params, key);
  return values.length > 0 ? values[values.length - 1] : undefined;
}

function rawEventQuery(params: SearchParamsInput) {
  return {
    actor: readAll(params, EVENT_PARAMS.actor),
    mode: single(params, EVENT_PARAMS.mode),
    issue: readAll(params, EVENT_PARAMS.issue),
    article: readAll(params, EVENT_PARAMS.article),
    from: single(params, EVENT_PARAMS.from),
    to: single(params, EVENT_PARAMS.to),
  };
}

export type QueryIssue = { path: (string | number)[]; message: string };

/** Strict parse for the API: any bad value is an error. */
export function parseEventsQuery(
  params: SearchParamsInput,
  known: KnownValues,
): { ok: true; filters: EventFilters } | { ok: false; issues: QueryIssue[] } {
  const result = eventsQuerySchema(known).safeParse(rawEventQuery(params));
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
    };
  }
  const q = result.data;
  return {
    ok: true,
    filters: {
      actors: q.actor,
      actorMode: q.mode,
      issues: q.issue,
      articles: q.article,
      from: q.from ?? null,
      to: q.to ?? null,
    },
  };
}

export interface TimelineState extends EventFilters {
  page: number;
  perPage: number;
}

export const EMPTY_TIMELINE: TimelineState = { ...NO_FILTERS, page: 1, perPage: DEFAULT_PAGE_SIZE };

/** Lenient parse for the timeline page: bad values are dropped, each with a note the page shows. */
export function parseTimelineParams(
  params: SearchParamsInput,
  known: KnownValues,
): { state: TimelineState; dropped: string[] } {
  const dropped: string[] = [];
  const keep = (key: string, values: string[], allowed: ReadonlySet<string>, what: string) => {
    const kept: string[] = [];
    for (const value of values.slice(0, MAX_VALUES)) {
      if (allowed.has(value)) {
        if (!kept.includes(value)) kept.push(value);
      } else dropped.push(`unknown ${what} “${clip(value)}”`);
    }
    if (values.length > MAX_VALUES) dropped.push(`more than ${MAX_VALUES} ${key} values`);
    return kept;
  };
  const date = (key: string) => {
    const value = single(params, key);
    if (value === undefined || value === "") return null;
    if (isIsoDay(value)) return value;
    dropped.push(`${key} date “${clip(value)}” is not YYYY-MM-DD`);
    return null;
  };
  const actors = keep(EVENT_PARAMS.actor, readAll(params, EVENT_PARAMS.actor), known.actors, "actor");
  const mode = single(params, EVENT_PARAMS.mode);
  if (mode !== undefined && mode !== "any" && mode !== "all") dropped.push(`match mode “${clip(mode)}”`);
  let from = date(EVENT_PARAMS.from);
  let to = date(EVENT_PARAMS.to);
  if (from && to && from > to) {
    dropped.push(`a date range ending before it starts (${from} to ${to})`);
    from = to = null;
  }
  const pageText = single(params, EVENT_PARAMS.page);
  let page = 1;
  if (pageText !== undefined) {
    if (/^[1-9]\d{0,5}$/.test(pageText)) page = Number(pageText);
    else dropped.push(`page “${clip(pageText)}”`);
  }
  const perText = single(params, EVENT_PARAMS.per);
  let perPage = DEFAULT_PAGE_SIZE;
  if (perText !== undefined) {
    const size = PAGE_SIZES.find((n) => String(n) === perText);
    if (size) perPage = size;
    else dropped.push(`page size “${clip(perText)}” (use ${PAGE_SIZES.join(", ")})`);
  }
  const names: readonly string[] = Object.values(EVENT_PARAMS);
  const keys = params instanceof URLSearchParams ? [...new Set(params.keys())] : Object.keys(params);
  // `_`-prefixed keys belong to the framework and `utm_` tags to whoever shared the link; neither is a filter.
  for (const key of keys) {
    if (!names.includes(key) && !key.startsWith("_") && !key.startsWith("utm_"))
      dropped.push(`unknown parameter “${clip(key)}”`);
  }
  return {
    state: {
      actors,
      actorMode: mode === "all" ? "all" : "any",
      issues: keep(EVENT_PARAMS.issue, readAll(params, EVENT_PARAMS.issue), known.issues, "issue"),
      articles: keep(EVENT_PARAMS.article, readAll(params, EVENT_PARAMS.article), known.articles, "source"),
      from,
      to,
      page,
      perPage,
    },
    dropped,
  };
}

/** The canonical query string for a timeline state; defaults are left out. */
export function toTimelineSearchParams(state: Partial<TimelineState>): URLSearchParams {
  const out = new URLSearchParams();
  for (const actor of state.actors ?? []) out.append(EVENT_PARAMS.actor, actor);
  if (state.actorMode === "all" && (state.actors?.length ?? 0) > 1) out.set(EVENT_PARAMS.mode, "all");
  for (const issue of state.issues ?? []) out.append(EVENT_PARAMS.issue, issue);
  if (state.from) out.set(EVENT_PARAMS.from, state.from);
  if (state.to) out.set(EVENT_PARAMS.to, state.to);
  for (const article of state.articles ?? []) out.append(EVENT_PARAMS.article, article);
  if (state.page && state.page > 1) out.set(EVENT_PARAMS.page, String(state.page));
  if (state.perPage && state.perPage !== DEFAULT_PAGE_SIZE) out.set(EVENT_PARAMS.per, String(state.perPage));
  return out;
}

/** `/timeline?…` for a state. */
export function timelineHref(state: Partial<TimelineState>, hash = ""): string {
  const query = toTimelineSearchParams(state).toString();
  return `/timeline${query ? `?${query}` : ""}${hash}`;
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

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

export const DEFAULT_PAIR_PARAMS = { a: "us", b: "israel" } as const;

/** Strict parse of `?a=…&b=…` for the matrix API; both default to the US–Israel pair. */
export function parsePairQuery(
  params: SearchParamsInput,
  known: KnownValues,
): { ok: true; pair: [string, string] } | { ok: false; issues: QueryIssue[] } {
  const a = single(params, MATRIX_PARAMS.a) ?? DEFAULT_PAIR_PARAMS.a;
  const b = single(params, MATRIX_PARAMS.b) ?? DEFAULT_PAIR_PARAMS.b;
  const issues: QueryIssue[] = [];
  if (!known.actors.has(a)) issues.push({ path: ["a"], message: `unknown actor "${clip(a)}"` });
  if (!known.actors.has(b)) issues.push({ path: ["b"], message: `unknown actor "${clip(b)}"` });
  if (a === b) issues.push({ path: ["b"], message: "a and b must be two different actors" });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, pair: [a, b] };
}

// The matrix page. Lenient like the timeline: a bad value is dropped with a note, and an unusable pair falls
// back to the default so the page always shows something.

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
  a: DEFAULT_PAIR_PARAMS.a,
  b: DEFAULT_PAIR_PARAMS.b,
  sort: "issue",
  snapshot: null,
  cell: null,
};

const matrixSort = z.enum(MATRIX_SORTS);
const cellValue = z
  .string()
  .regex(/^([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$/)
  .transform((value): MatrixCellRef => {
    const [issue, article] = value.split(":") as [string, string];
    return { issue, article };
  });

export function cellParam(cell: MatrixCellRef): string {
  return `${cell.issue}:${cell.article}`;
}

/** Lenient parse for the matrix page: bad values are dropped, each with a note the page shows. */
export function parseMatrixParams(
  params: SearchParamsInput,
  known: KnownValues,
): { state: MatrixState; dropped: string[] } {
  const dropped: string[] = [];
  const actor = (key: "a" | "b") => {
    const value = single(params, MATRIX_PARAMS[key]);
    if (value === undefined || value === "") return null;
    if (known.actors.has(value)) return value;
    dropped.push(`unknown actor “${clip(value)}”`);
    return null;
  };
  const givenA = actor("a");
  const givenB = actor("b");
  let a = givenA ?? DEFAULT_MATRIX.a;
  let b = givenB ?? DEFAULT_MATRIX.b;
  if (a === b) {
    // `?a=israel` alone means Israel against the other default actor, not Israel against itself.
    if (givenB === null) b = a === DEFAULT_MATRIX.a ? DEFAULT_MATRIX.b : DEFAULT_MATRIX.a;
    else if (givenA === null) a = b === DEFAULT_MATRIX.b ? DEFAULT_MATRIX.a : DEFAULT_MATRIX.b;
    else {
      dropped.push(`the same actor on both sides (“${clip(a)}”)`);
      [a, b] = [DEFAULT_MATRIX.a, DEFAULT_MATRIX.b];
    }
  }

  const sortText = single(params, MATRIX_PARAMS.sort);
  const sort = matrixSort.safeParse(sortText);
  if (sortText !== undefined && sortText !== "" && !sort.success)
    dropped.push(`sort order “${clip(sortText)}”`);

  const snapshotText = single(params, MATRIX_PARAMS.snapshot);
  let snapshot: string | null = null;
  if (snapshotText !== undefined && snapshotText !== "") {
    if (known.articles.has(snapshotText)) snapshot = snapshotText;
    else dropped.push(`unknown snapshot “${clip(snapshotText)}”`);
  }

  const cellText = single(params, MATRIX_PARAMS.cell);
  let cell: MatrixCellRef | null = null;
  if (cellText !== undefined && cellText !== "") {
    const parsed = cellValue.safeParse(cellText);
    if (!parsed.success) dropped.push(`cell “${clip(cellText)}” (a cell is written issue:article)`);
    else if (!known.issues.has(parsed.data.issue) || !known.articles.has(parsed.data.article))
      dropped.push(`cell “${clip(cellText)}”: there is no such issue and snapshot`);
    else cell = parsed.data;
  }

  return { state: { a, b, sort: sort.success ? sort.data : "issue", snapshot, cell }, dropped };
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
