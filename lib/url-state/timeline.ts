import { z } from "zod";
import { isIsoDay } from "@/lib/dates";
import type { EventFilters } from "@/lib/event-filters";
import {
  EMPTY_TIMELINE,
  EVENT_FILTER_PARAMS,
  EVENTS_API_PARAMS,
  EVENTS_LIMIT,
  PAGE_SIZES,
  TIMELINE_PARAMS as P,
  TIMELINE_REPEATABLE as REPEATABLE,
  type TimelineState,
} from "./hrefs";
import {
  blankAsAbsent,
  clip,
  parseLenient,
  parseStrict,
  type DroppedNotes,
  readParams,
  slugList,
  unknownParams,
  type KnownSlugs,
  type LenientResult,
  type QueryProblem,
  type SearchParamsInput,
  type StrictResult,
} from "./shared";

// The timeline's URL state. Its event filters are also the events API's query (JSON and CSV): the API reads them
// strictly, the page leniently, and the page adds paging.

/** The order the timeline page lists what it dropped; "range" is a range that ends before it starts. */
const NOTE_ORDER = [
  "actor",
  "mode",
  "from",
  "to",
  "range",
  "page",
  "per",
  "param",
  "issue",
  "article",
] as const;
type NoteKey = (typeof NOTE_ORDER)[number];

const isoDate = z.string().refine(isIsoDay, "must be a calendar date written YYYY-MM-DD");
const rangeOk = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;

function eventFilterFields(known: KnownSlugs, notes?: DroppedNotes<NoteKey>) {
  const list = (set: ReadonlySet<string>, key: "actor" | "issue" | "article", label: string) =>
    slugList(set, key, notes && { notes, key, label });
  const mode = z.enum(["any", "all"]).default("any");
  const date = (key: "from" | "to") =>
    notes
      ? notes.orDrop(
          blankAsAbsent(isoDate.optional()),
          key,
          undefined,
          (v) => `${key} date “${clip(v)}” is not YYYY-MM-DD`,
        )
      : isoDate.optional();
  return {
    actor: list(known.actors, "actor", "actor"),
    mode: notes ? notes.orDrop(mode, "mode", "any", (v) => `match mode “${clip(v)}”`) : mode,
    issue: list(known.issues, "issue", "issue"),
    article: list(known.articles, "article", "source"),
    from: date("from"),
    to: date("to"),
  };
}

/** The events API's query, strict: any bad value is a problem (unknown parameters and paging are ignored). */
function eventsQuerySchema(known: KnownSlugs) {
  return z
    .object(eventFilterFields(known))
    .refine(rangeOk, { path: ["to"], message: "`to` is before `from`" })
    .transform((q): EventFilters => ({
      actors: q.actor,
      actorMode: q.mode,
      issues: q.issue,
      articles: q.article,
      from: q.from ?? null,
      to: q.to ?? null,
    }));
}

/** The timeline page's state, lenient: every bad value is dropped and noted in `notes`. */
function timelineParamsSchema(known: KnownSlugs, notes: DroppedNotes<NoteKey>) {
  const page = z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number)
    .default(EMPTY_TIMELINE.page);
  const per = z
    .enum(PAGE_SIZES.map(String) as [string, ...string[]])
    .transform(Number)
    .default(EMPTY_TIMELINE.perPage);
  return z
    .object({
      ...eventFilterFields(known, notes),
      page: notes.orDrop(page, "page", EMPTY_TIMELINE.page, (v) => `page “${clip(v)}”`),
      per: notes.orDrop(
        per,
        "per",
        EMPTY_TIMELINE.perPage,
        (v) => `page size “${clip(v)}” (use ${PAGE_SIZES.join(", ")})`,
      ),
    })
    .transform((q): TimelineState => {
      let { from, to } = q;
      if (!rangeOk(q)) {
        notes.add("range", `a date range ending before it starts (${from} to ${to})`);
        from = to = undefined;
      }
      return {
        actors: q.actor,
        actorMode: q.mode,
        issues: q.issue,
        articles: q.article,
        from: from ?? null,
        to: to ?? null,
        page: q.page,
        perPage: q.per,
      };
    });
}

/** A parameter the API does not take is a mistake in the request, reported like a bad value. */
function unknownProblems(params: SearchParamsInput, names: Readonly<Record<string, string>>): QueryProblem[] {
  return unknownParams(params, names).map((key) => ({ path: [key], message: "unknown parameter" }));
}

/** Strict parse of the event filters (the CSV export): the filters, or every problem. */
export function parseEventsQuery(params: SearchParamsInput, known: KnownSlugs): StrictResult<EventFilters> {
  const parsed = parseStrict(eventsQuerySchema(known), readParams(params, EVENT_FILTER_PARAMS, REPEATABLE));
  const unknown = unknownProblems(params, EVENT_FILTER_PARAMS);
  if (unknown.length === 0) return parsed;
  return { ok: false, problems: [...(parsed.ok ? [] : parsed.problems), ...unknown] };
}

/** Where a page of the events API starts: after the event with this date span and slug. */
export interface EventCursor {
  start: string;
  end: string;
  slug: string;
}

/** The opaque `cursor` of the page after `last`. */
export function encodeCursor(last: EventCursor): string {
  return Buffer.from(JSON.stringify([last.start, last.end, last.slug]), "utf8").toString("base64url");
}

const cursorSchema = z
  .string()
  .max(400)
  .transform((value, ctx) => {
    try {
      const [start, end, slug] = z
        .tuple([z.string(), z.string(), z.string()])
        .parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
      return { start, end, slug };
    } catch {
      ctx.addIssue({ code: "custom", message: "not a cursor this API gave out" });
      return z.NEVER;
    }
  });

const limitSchema = z
  .string()
  .regex(/^\d{1,4}$/, `a whole number from 1 to ${EVENTS_LIMIT.max}`)
  .transform(Number)
  .refine((n) => n >= 1 && n <= EVENTS_LIMIT.max, `a whole number from 1 to ${EVENTS_LIMIT.max}`)
  .default(EVENTS_LIMIT.default);

export interface EventsApiQuery {
  filters: EventFilters;
  limit: number;
  after: EventCursor | null;
}

/** Strict parse for the events API: filters, `limit` (default 100, at most 1,000) and `cursor`. */
export function parseEventsApiQuery(
  params: SearchParamsInput,
  known: KnownSlugs,
): StrictResult<EventsApiQuery> {
  const raw = readParams(params, EVENTS_API_PARAMS, REPEATABLE);
  const schema = z
    .object({ filters: eventsQuerySchema(known), limit: limitSchema, cursor: cursorSchema.optional() })
    .transform((q): EventsApiQuery => ({ filters: q.filters, limit: q.limit, after: q.cursor ?? null }));
  const { limit, cursor, ...filters } = raw;
  const parsed = parseStrict(schema, { filters, limit, cursor });
  // Paths as the client wrote them: `actor.0`, not `filters.actor.0`.
  const problems = [
    ...(parsed.ok
      ? []
      : parsed.problems.map((p) => ({ ...p, path: p.path[0] === "filters" ? p.path.slice(1) : p.path }))),
    ...unknownProblems(params, EVENTS_API_PARAMS),
  ];
  return problems.length === 0 && parsed.ok ? parsed : { ok: false, problems };
}

/** Lenient parse for the timeline page: bad values are dropped, each with a note the page shows. */
export function parseTimelineParams(
  params: SearchParamsInput,
  known: KnownSlugs,
): LenientResult<TimelineState> {
  return parseLenient(
    NOTE_ORDER,
    (notes) => timelineParamsSchema(known, notes),
    readParams(params, P, REPEATABLE),
    (notes) => {
      for (const key of unknownParams(params, P)) notes.add("param", `unknown parameter “${clip(key)}”`);
    },
  );
}
