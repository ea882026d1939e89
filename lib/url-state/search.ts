import { z } from "zod";
import { MAX_QUERY_CHARS } from "@/lib/search/query";
import { SEARCH_KINDS, type SearchKind } from "@/lib/search/kinds";
import { EMPTY_SEARCH, SEARCH_API_PARAMS, SEARCH_PARAMS as P, type SearchState } from "./hrefs";
import {
  blankAsAbsent,
  clip,
  parseLenient,
  parseStrict,
  readParams,
  unknownParams,
  type DroppedNotes,
  type KnownSlugs,
  type LenientResult,
  type SearchParamsInput,
  type StrictResult,
} from "./shared";

// The search page's and API's URL state. The API reads it strictly (400 on any bad value), the page leniently (a bad
// value is dropped and noted, and the rest of the link works), like the timeline and the matrix.

/** Results per request from the API: default and most. */
export const API_DEFAULT_LIMIT = 10;
export const API_MAX_LIMIT = 50;
/** Results per kind in the page's overview (no kind chosen). */
export const OVERVIEW_PER_KIND = 5;
/** The deepest page a link may ask for. */
const MAX_PAGE = 10_000;

const NOTE_ORDER = ["q", "kind", "article", "actor", "page", "param"] as const;
type NoteKey = (typeof NOTE_ORDER)[number];

type Known = Pick<KnownSlugs, "actors" | "articles">;

const chars = (text: string) => Array.from(text.toWellFormed());
const kind = z.enum(SEARCH_KINDS);
const wholeNumber = (most: number) =>
  z
    .string()
    .regex(/^[1-9]\d*$/, "must be a whole number from 1")
    .transform(Number)
    .refine((n) => n <= most, `must be at most ${most}`);
const slugIn = (known: ReadonlySet<string>, what: string) =>
  z
    .string()
    .max(200, `${what} is too long`)
    .refine((value) => known.has(value), { message: `unknown ${what}` });

/** `GET /api/v1/search`, strict. */
function apiSchema(known: Known) {
  return z.object({
    q: z
      .string({ error: "is required" })
      .trim()
      .min(1, "must not be empty")
      .refine((q) => chars(q).length <= MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`)
      .transform((q) => q.toWellFormed()),
    kind: kind.optional(),
    article: slugIn(known.articles, "article").optional(),
    actor: slugIn(known.actors, "actor").optional(),
    limit: wholeNumber(API_MAX_LIMIT).default(API_DEFAULT_LIMIT),
  });
}

/** The search page, lenient: every bad value is dropped and noted in `notes`. */
function pageSchema(known: Known, notes: DroppedNotes<NoteKey>) {
  const optional = <S extends z.ZodType>(schema: S, key: NoteKey, say: (v: unknown) => string) =>
    notes.orDrop(blankAsAbsent(schema.optional()), key, undefined, say);
  return z
    .object({
      // A query is never dropped, only cut: the page says so and searches what is left.
      q: z
        .string()
        .optional()
        .transform((q = "") => {
          const all = chars(q);
          if (all.length <= MAX_QUERY_CHARS) return all.join("");
          notes.add("q", `the search after its first ${MAX_QUERY_CHARS} characters`);
          return all.slice(0, MAX_QUERY_CHARS).join("");
        }),
      kind: optional(kind, "kind", (v) => `kind of result “${clip(v)}”`),
      article: optional(slugIn(known.articles, "source"), "article", (v) => `unknown source “${clip(v)}”`),
      actor: optional(slugIn(known.actors, "actor"), "actor", (v) => `unknown actor “${clip(v)}”`),
      page: optional(wholeNumber(MAX_PAGE), "page", (v) => `page “${clip(v)}”`),
    })
    .transform((q): SearchState => {
      let page = q.page ?? EMPTY_SEARCH.page;
      if (page > 1 && !q.kind) {
        notes.add("page", "the page number: pages are for one kind of result");
        page = 1;
      }
      return { q: q.q, kind: q.kind ?? null, article: q.article ?? null, actor: q.actor ?? null, page };
    });
}

export interface SearchApiQuery {
  q: string;
  kind: SearchKind | null;
  article: string | null;
  actor: string | null;
  limit: number;
}

/** Strict parse for `GET /api/v1/search`: the query, or every problem. */
export function parseSearchApiQuery(params: SearchParamsInput, known: Known): StrictResult<SearchApiQuery> {
  const parsed = parseStrict(apiSchema(known), readParams(params, SEARCH_API_PARAMS));
  if (!parsed.ok) return parsed;
  const { q, kind, article, actor, limit } = parsed.value;
  return {
    ok: true,
    value: { q, kind: kind ?? null, article: article ?? null, actor: actor ?? null, limit },
  };
}

/** Lenient parse for the search page: bad values are dropped, each with a note the page shows. */
export function parseSearchParams(params: SearchParamsInput, known: Known): LenientResult<SearchState> {
  return parseLenient(
    NOTE_ORDER,
    (notes) => pageSchema(known, notes),
    readParams(params, P),
    (notes) => {
      for (const key of unknownParams(params, P)) notes.add("param", `unknown parameter “${clip(key)}”`);
    },
  );
}
