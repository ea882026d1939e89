import { z } from "zod";
import { readAll, type KnownValues, type QueryIssue, type SearchParamsInput } from "@/lib/url-state";
import { EMPTY_SEARCH, SEARCH_PARAMS, type SearchState } from "./href";
import { SEARCH_KINDS, type SearchKind } from "./kinds";
import { MAX_QUERY_CHARS } from "./query";

// The search page's and API's query parameters. The API is strict (400 on any bad value); the page is lenient (a
// bad value is dropped and the page says so), like the timeline and the matrix.

export { EMPTY_SEARCH, SEARCH_PARAMS, searchHref, toSearchParams, type SearchState } from "./href";

/** Suggestions and API results per request: default and most. */
export const API_DEFAULT_LIMIT = 10;
export const API_MAX_LIMIT = 50;
/** Results per kind in the overview (no kind chosen). */
export const OVERVIEW_PER_KIND = 5;
/** The deepest page a link may ask for. */
const MAX_PAGE = 10_000;

type Known = Pick<KnownValues, "actors" | "articles">;

function last(params: SearchParamsInput, key: string): string | undefined {
  return readAll(params, key).at(-1);
}

const kindSchema = z.enum(SEARCH_KINDS);
const pageSchema = z
  .string()
  .regex(/^[1-9]\d*$/, "must be a whole number from 1")
  .transform(Number)
  .refine((n) => n <= MAX_PAGE, `must be at most ${MAX_PAGE}`);
const limitSchema = z
  .string()
  .regex(/^[1-9]\d*$/, "must be a whole number from 1")
  .transform(Number)
  .refine((n) => n <= API_MAX_LIMIT, `must be at most ${API_MAX_LIMIT}`);
const slugIn = (known: ReadonlySet<string>, what: string) =>
  z
    .string()
    .max(200, `${what} is too long`)
    .refine((value) => known.has(value), { message: `unknown ${what}` });

/** The text searched: well formed, cut to what is searched. */
function cut(q: string): { q: string; cut: boolean } {
  const chars = Array.from(q.toWellFormed());
  return chars.length > MAX_QUERY_CHARS
    ? { q: chars.slice(0, MAX_QUERY_CHARS).join(""), cut: true }
    : { q: chars.join(""), cut: false };
}

/** Lenient parse for the search page: bad values are dropped, each with a note the page shows. */
export function parseSearchParams(
  params: SearchParamsInput,
  known: Known,
): { state: SearchState; dropped: string[] } {
  const dropped: string[] = [];
  const raw = last(params, SEARCH_PARAMS.q) ?? "";
  const text = cut(raw);
  if (text.cut) dropped.push(`the search after its first ${MAX_QUERY_CHARS} characters`);

  const field = <T>(key: string, schema: z.ZodType<T>, what: (value: string) => string): T | null => {
    const value = last(params, key);
    if (value === undefined || value === "") return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    dropped.push(what(clip(value)));
    return null;
  };
  const kind: SearchKind | null = field(SEARCH_PARAMS.kind, kindSchema, (v) => `kind of result “${v}”`);
  const article = field(
    SEARCH_PARAMS.article,
    slugIn(known.articles, "source"),
    (v) => `unknown source “${v}”`,
  );
  const actor = field(SEARCH_PARAMS.actor, slugIn(known.actors, "actor"), (v) => `unknown actor “${v}”`);
  let page = field(SEARCH_PARAMS.page, pageSchema, (v) => `page “${v}”`) ?? 1;
  if (page > 1 && kind === null) {
    dropped.push("the page number: pages are for one kind of result");
    page = 1;
  }

  const names: readonly string[] = Object.values(SEARCH_PARAMS);
  const keys = params instanceof URLSearchParams ? [...new Set(params.keys())] : Object.keys(params);
  // `_`-prefixed keys belong to the framework and `utm_` tags to whoever shared the link; neither is a filter.
  for (const key of keys) {
    if (!names.includes(key) && !key.startsWith("_") && !key.startsWith("utm_"))
      dropped.push(`unknown parameter “${clip(key)}”`);
  }
  return { state: { ...EMPTY_SEARCH, q: text.q, kind, article, actor, page }, dropped };
}

export interface SearchApiQuery {
  q: string;
  kind: SearchKind | null;
  article: string | null;
  actor: string | null;
  limit: number;
}

/** Strict parse for `GET /api/v1/search`: any bad value is an error. */
export function parseSearchApiQuery(
  params: SearchParamsInput,
  known: Known,
): { ok: true; query: SearchApiQuery } | { ok: false; issues: QueryIssue[] } {
  const schema = z.object({
    q: z
      .string({ error: "is required" })
      .trim()
      .min(1, "must not be empty")
      .refine(
        (q) => Array.from(q).length <= MAX_QUERY_CHARS,
        `must be at most ${MAX_QUERY_CHARS} characters`,
      ),
    kind: kindSchema.optional(),
    article: slugIn(known.articles, "article").optional(),
    actor: slugIn(known.actors, "actor").optional(),
    limit: limitSchema.optional(),
  });
  const result = schema.safeParse({
    q: last(params, SEARCH_PARAMS.q),
    kind: last(params, SEARCH_PARAMS.kind),
    article: last(params, SEARCH_PARAMS.article),
    actor: last(params, SEARCH_PARAMS.actor),
    limit: last(params, "limit"),
  });
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
    };
  }
  const q = result.data;
  return {
    ok: true,
    query: {
      q: q.q.toWellFormed(),
      kind: q.kind ?? null,
      article: q.article ?? null,
      actor: q.actor ?? null,
      limit: q.limit ?? API_DEFAULT_LIMIT,
    },
  };
}

function clip(value: string): string {
  const chars = Array.from(value);
  return chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : value;
}
