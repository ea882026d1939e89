import "server-only";
import { memoize } from "./memo";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { NO_FILTERS, type EventFilters } from "@/lib/event-filters";
import { eventSelect, toEvent } from "./shape";
import type { EventView } from "./types";

/** Something the timeline can be filtered by: an actor, issue or source article. */
export interface FacetOption {
  slug: string;
  name: string;
  /** Events it appears in, over the whole database. */
  count: number;
}

export interface EventFacets {
  actors: FacetOption[];
  issues: FacetOption[];
  articles: FacetOption[];
}

export function eventWhere(filters: EventFilters): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = [];
  if (filters.actors.length > 0) {
    if (filters.actorMode === "all") {
      for (const slug of filters.actors) and.push({ actors: { some: { actor: { slug } } } });
    } else {
      and.push({ actors: { some: { actor: { slug: { in: filters.actors } } } } });
    }
  }
  if (filters.issues.length > 0) and.push({ issues: { some: { issue: { slug: { in: filters.issues } } } } });
  if (filters.articles.length > 0)
    and.push({ sources: { some: { article: { slug: { in: filters.articles } } } } });
  if (filters.from) and.push({ end: { gte: filters.from } });
  if (filters.to) and.push({ start: { lte: filters.to } });
  return and.length > 0 ? { AND: and } : {};
}

const ORDER: Prisma.EventOrderByWithRelationInput[] = [{ start: "asc" }, { end: "asc" }, { slug: "asc" }];

/**
 * Rows per query. Prisma loads the relations of the rows it read with one `IN (…)` list of their ids, and SQLite takes
 * at most 999 bound values in a statement (Prisma's P2029 beyond that), so a longer read goes on by key in pieces.
 */
const ROWS_PER_QUERY = 500;

/** Up to `take` matching rows in the list's order, skipping `skip` of them, read ROWS_PER_QUERY at a time. */
async function readRows(where: Prisma.EventWhereInput, skip: number, take: number) {
  const rows = await prisma.event.findMany({
    where,
    orderBy: ORDER,
    select: eventSelect,
    skip,
    take: Math.min(ROWS_PER_QUERY, take),
  });
  let piece = rows;
  while (rows.length < take && piece.length === ROWS_PER_QUERY) {
    const last = piece.at(-1)!;
    piece = await prisma.event.findMany({
      where: { AND: [where, afterKey(last)] },
      orderBy: ORDER,
      select: eventSelect,
      take: Math.min(ROWS_PER_QUERY, take - rows.length),
    });
    rows.push(...piece);
  }
  return rows;
}

async function listEventsUncached(
  filters: EventFilters = NO_FILTERS,
  window: { offset: number; limit: number } | null = null,
): Promise<{ events: EventView[]; total: number }> {
  const where = eventWhere(filters);
  const [rows, total] = await Promise.all([
    readRows(where, window?.offset ?? 0, window?.limit ?? Number.POSITIVE_INFINITY),
    prisma.event.count({ where }),
  ]);
  return { events: rows.map(toEvent), total };
}

/** Where an event sits in the list's order: what an API cursor points after. */
export interface EventKey {
  start: string;
  end: string;
  slug: string;
}

/** Events strictly after `key` in the list's order (start, end, slug). */
function afterKey(key: EventKey): Prisma.EventWhereInput {
  return {
    OR: [
      { start: { gt: key.start } },
      { start: key.start, end: { gt: key.end } },
      { start: key.start, end: key.end, slug: { gt: key.slug } },
    ],
  };
}

/**
 * Up to `limit` matching events after `after` (from the first when null), the number matching in all, and the key
 * of the last one returned when more follow. Paging by key, not offset: a page costs the same wherever it is. Not
 * memoized: its answers are large and the server's response cache keeps each page once.
 */
export async function listEventsPage(
  filters: EventFilters,
  after: EventKey | null,
  limit: number,
): Promise<{ events: EventView[]; total: number; last: EventKey | null }> {
  const where = eventWhere(filters);
  const [rows, total] = await Promise.all([
    readRows(after ? { AND: [where, afterKey(after)] } : where, 0, limit + 1),
    prisma.event.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const tail = rows.length > limit ? page.at(-1)! : null;
  return {
    events: page.map(toEvent),
    total,
    last: tail && { start: tail.start, end: tail.end, slug: tail.slug },
  };
}

/** Just the date spans of the matching events, for the per-month chart. */
async function listEventSpansUncached(filters: EventFilters): Promise<{ start: string; end: string }[]> {
  return prisma.event.findMany({
    where: eventWhere(filters),
    orderBy: ORDER,
    select: { start: true, end: true },
  });
}

async function countEventsUncached(filters: EventFilters): Promise<number> {
  return prisma.event.count({ where: eventWhere(filters) });
}

/**
 * What the timeline can be filtered by: the actors, issues and source articles that have events, in content
 * order.
 */
export const listEventFacets = memoize((): Promise<EventFacets> =>
  Promise.all([
    prisma.actor.findMany({
      where: { events: { some: {} } },
      orderBy: { sortOrder: "asc" },
      select: { slug: true, name: true, _count: { select: { events: true } } },
    }),
    prisma.issue.findMany({
      where: { events: { some: {} } },
      orderBy: { sortOrder: "asc" },
      select: { slug: true, title: true, _count: { select: { events: true } } },
    }),
    prisma.article.findMany({
      where: { events: { some: {} } },
      orderBy: { rank: "asc" },
      select: { slug: true, title: true, _count: { select: { events: true } } },
    }),
  ]).then(([actors, issues, articles]) => ({
    actors: actors.map((a) => ({ slug: a.slug, name: a.name, count: a._count.events })),
    issues: issues.map((i) => ({ slug: i.slug, name: i.title, count: i._count.events })),
    articles: articles.map((a) => ({ slug: a.slug, name: a.title, count: a._count.events })),
  })),
);

export const listEvents = memoize(listEventsUncached);

export const listEventSpans = memoize(listEventSpansUncached);

export const countEvents = memoize(countEventsUncached);

/** One event, in full, or null when there is none with that slug. */
export const getEventBySlug = memoize(async (slug: string): Promise<EventView | null> => {
  const row = await prisma.event.findUnique({ where: { slug }, select: eventSelect });
  return row && toEvent(row);
});

/** Every event's slug, in the list's order: the event pages to prerender. */
export async function listEventSlugs(): Promise<string[]> {
  return (await prisma.event.findMany({ orderBy: ORDER, select: { slug: true } })).map((e) => e.slug);
}

/** Each event's place in the unfiltered timeline (0-based), for linking to the page an event is on. */
export const getTimelineIndex = memoize(
  async (): Promise<Map<string, number>> =>
    new Map(
      (await prisma.event.findMany({ orderBy: ORDER, select: { slug: true } })).map((e, i) => [e.slug, i]),
    ),
);
