import { z } from "zod";
import { isIsoDay } from "@/lib/dates";
import type { EventFilters } from "@/lib/event-filters";
import { EMPTY_TIMELINE, PAGE_SIZES, TIMELINE_PARAMS as P, type TimelineState } from "./hrefs";
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

const REPEATABLE = ["actor", "issue", "article"] as const;

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

/** Strict parse for the API: the filters, or every problem. */
export function parseEventsQuery(params: SearchParamsInput, known: KnownSlugs): StrictResult<EventFilters> {
  return parseStrict(eventsQuerySchema(known), readParams(params, P, REPEATABLE));
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
