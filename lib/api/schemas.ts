import { z } from "zod";
import { isIsoDay, PRECISIONS } from "@/lib/dates";
import { ACTOR_KINDS, CLAIM_KINDS, LEVELS } from "@/lib/domain";
import { SEARCH_KINDS } from "@/lib/search/kinds";

// The public JSON API (/api/v1). The route handlers build their responses with these schemas and the tests check
// live responses against the same ones, so the documented shapes cannot drift.

const isoDay = z.string().refine(isIsoDay, "must be a calendar date written YYYY-MM-DD");
const level = z.enum(LEVELS);

const evidenceOut = z.strictObject({
  article: z.string(),
  paragraph: z.number().int().positive(),
  quote: z.string(),
});

export const articlesResponse = z.strictObject({
  articles: z.array(
    z.strictObject({
      slug: z.string(),
      title: z.string(),
      publisher: z.string().nullable(),
      published: z.strictObject({ date: isoDay, precision: z.enum(PRECISIONS), basis: z.string() }),
      /** The source's standpoint in one neutral line (`text`) and the reason we describe it so (`basis`). */
      perspective: z.strictObject({ text: z.string(), basis: z.string() }),
      /** Number of paragraphs; the text itself is at /articles/<slug>. */
      paragraphs: z.number().int().nonnegative(),
    }),
  ),
});

export const actorsResponse = z.strictObject({
  actors: z.array(
    z.strictObject({
      slug: z.string(),
      name: z.string(),
      kind: z.enum(ACTOR_KINDS),
      aliases: z.array(z.string()),
    }),
  ),
});

const divergenceOut = z.strictObject({ article: z.string(), asOf: isoDay, level, rationale: z.string() });

const issueOut = z.strictObject({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  divergence: z.array(divergenceOut),
});

export const issuesResponse = z.strictObject({ issues: z.array(issueOut) });

export const eventOut = z.strictObject({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  date: z.strictObject({ start: isoDay, end: isoDay, precision: z.enum(PRECISIONS), stated: z.string() }),
  actors: z.array(z.string()),
  issues: z.array(z.string()),
  articles: z.array(z.string()),
  evidence: z.array(evidenceOut),
});

export const positionOut = z.strictObject({
  actor: z.string(),
  article: z.string(),
  asOf: isoDay,
  stance: z.string(),
  summary: z.string(),
  claim: z.enum(CLAIM_KINDS),
  evidence: z.array(evidenceOut),
});

export const issueResponse = z.strictObject({
  issue: issueOut,
  positions: z.array(positionOut),
  events: z.array(eventOut),
});

/**
 * `/api/v1/events`. Changed 2026-11 (issue 15): an answer holds at most `limit` events (100 unless asked, 1,000 at
 * most), and `next` is the URL of the page after it, null on the last; before, every event came in one answer with
 * only `total`. `total` still counts every matching event.
 */
export const eventsResponse = z.strictObject({
  events: z.array(eventOut),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  next: z.string().startsWith("/api/v1/events?").nullable(),
});

const stanceOut = z.strictObject({ stance: z.string(), summary: z.string() }).nullable();

export const matrixResponse = z.strictObject({
  a: z.string(),
  b: z.string(),
  rows: z.array(
    z.strictObject({
      issue: z.string(),
      cells: z.array(
        z.strictObject({ article: z.string(), asOf: isoDay, level, a: stanceOut, b: stanceOut }),
      ),
    }),
  ),
});

/** Which data the server answers from (`/api/v1/snapshot`): HTTP validators are derived from it. */
export const snapshotResponse = z.strictObject({ snapshot: z.string().min(1) });

const offset = z.number().int().nonnegative();

export const searchResponse = z.strictObject({
  /** The query as understood, in the query language. */
  query: z.string(),
  /** What was changed or ignored in the query, in words. */
  notes: z.array(z.string()),
  results: z.array(
    z.strictObject({
      kind: z.enum(SEARCH_KINDS),
      slug: z.string(),
      title: z.string(),
      snippet: z.string(),
      /** What matched in `snippet`: [start, end) offsets in UTF-16 code units. */
      highlights: z.array(z.tuple([offset, offset])),
      url: z.string().startsWith("/"),
    }),
  ),
  total: z.number().int().nonnegative(),
});

export const errorResponse = z.strictObject({
  error: z.string(),
  issues: z
    .array(z.strictObject({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
    .optional(),
});

export type ArticlesResponse = z.infer<typeof articlesResponse>;
export type ActorsResponse = z.infer<typeof actorsResponse>;
export type IssuesResponse = z.infer<typeof issuesResponse>;
export type IssueResponse = z.infer<typeof issueResponse>;
export type EventsResponse = z.infer<typeof eventsResponse>;
export type MatrixResponse = z.infer<typeof matrixResponse>;
export type SearchResponse = z.infer<typeof searchResponse>;
export type ErrorResponse = z.infer<typeof errorResponse>;
