import "server-only";
import { prisma } from "@/lib/db";
import { appDatabaseUrl, storeOf } from "@/lib/env";
import { getTimelineIndex } from "@/lib/queries/events";
import { memoize } from "@/lib/queries/memo";
import type { EventDate } from "@/lib/queries/types";
import type { Precision } from "@/lib/dates";
import { eventOnTimelineHref, matrixHref } from "@/lib/url-state/hrefs";
import { positionAnchor } from "@/components/issue/position-card";
import { SEARCH_KINDS, type SearchKind } from "./kinds";
import { parseMarked, prefixMarked, withoutLoneFunctionWords, type Marked } from "./marks";
import { parseQuery, type ParsedQuery } from "./query";
import { postgresStore } from "./postgres";
import { sqliteStore } from "./sqlite";
import type { StoreHit } from "./store";

// Search, as the pages and the API see it: one typed function. Which store answers is decided here and nowhere else.

export type { SearchKind } from "./kinds";
export type { Marked } from "./marks";

export interface SearchQuery {
  /** What the reader typed, as typed: it is parsed here (lib/search/query.ts). */
  text: string;
  kind?: SearchKind | null;
  /** Only what involves this source article / actor (slugs). */
  article?: string | null;
  actor?: string | null;
  /** A ranked slice (`offset`, `limit`), or with `perKind` the best few of every kind. */
  offset?: number;
  limit?: number;
  perKind?: number;
}

export interface SearchHit {
  kind: SearchKind;
  /** Identifies it within its kind: a slug, `issue:article:actor` for a position, `article:n` for a passage. */
  slug: string;
  /** Plain title. */
  title: string;
  /** The title with what matched marked. */
  heading: Marked;
  /** A stretch of its text with what matched marked. */
  snippet: Marked;
  /** Where it is: a page and, where there is one, the anchor that highlights it. */
  url: string;
  issue: string | null;
  article: string | null;
  actor: string | null;
  paragraph: number | null;
  /** An event's date. */
  date: EventDate | null;
}

export interface SearchResults {
  query: ParsedQuery;
  /** Matches of the kind asked for (all kinds when none was). */
  total: number;
  /** Matches of each kind, whatever kind was asked for. */
  counts: Record<SearchKind, number>;
  hits: SearchHit[];
}

export const SEARCH_PAGE_SIZE = 20;

// Both stores answer the same questions alike (README, "Search on PostgreSQL" says where their order may differ).
const store = storeOf(appDatabaseUrl()) === "postgresql" ? postgresStore(prisma) : sqliteStore(prisma);

async function searchUncached(q: SearchQuery): Promise<SearchResults> {
  const query = parseQuery(q.text);
  const kind = q.kind ?? null;
  const { counts, hits } = await store.search({
    query,
    kind,
    article: q.article ?? null,
    actor: q.actor ?? null,
    window:
      q.perKind !== undefined
        ? { perKind: q.perKind }
        : { offset: q.offset ?? 0, limit: q.limit ?? SEARCH_PAGE_SIZE },
  });
  const total = kind ? counts[kind] : SEARCH_KINDS.reduce((n, k) => n + counts[k], 0);
  const events = hits.filter((h) => h.kind === "event").map((h) => h.key);
  const [timeline, dates] = await Promise.all([
    events.length > 0 ? getTimelineIndex() : new Map<string, number>(),
    eventDates(events),
  ]);
  return {
    query,
    total,
    counts,
    hits: hits.map((hit) => toHit(hit, timeline, dates)),
  };
}

/** Runs a search. Never throws on what the reader typed: unusable input gives no hits and a note. */
export const search = memoize(searchUncached);

function toHit(hit: StoreHit, timeline: Map<string, number>, dates: Map<string, EventDate>): SearchHit {
  const title = parseMarked(hit.title);
  // A position's label ends with its stance, the indexed title: its marks move with it.
  const heading =
    title.text !== "" && hit.label.endsWith(title.text)
      ? prefixMarked(hit.label.slice(0, hit.label.length - title.text.length), title)
      : { text: hit.label, marks: [] };
  let snippet = parseMarked(hit.snippet);
  const aliases = parseMarked(hit.aliases);
  if (snippet.marks.length === 0 && aliases.marks.length > 0) snippet = prefixMarked("Also called ", aliases);
  return {
    kind: hit.kind,
    slug: hit.key,
    title: hit.label,
    heading: withoutLoneFunctionWords(heading),
    snippet: withoutLoneFunctionWords(snippet),
    url: urlOf(hit, timeline),
    issue: hit.issue,
    article: hit.article,
    actor: hit.actor,
    paragraph: hit.paragraph,
    date: dates.get(hit.key) ?? null,
  };
}

function urlOf(hit: StoreHit, timeline: Map<string, number>): string {
  switch (hit.kind) {
    case "issue":
      return `/issues/${hit.key}`;
    case "actor":
      return `/actors/${hit.key}`;
    case "event":
      return eventOnTimelineHref(hit.key, timeline.get(hit.key) ?? 0);
    case "position":
      return `/issues/${hit.issue}#${positionAnchor({ article: { slug: hit.article! }, actor: { slug: hit.actor! } })}`;
    case "rating": {
      const [issue, article, a, b] = hit.key.split(":") as [string, string, string, string];
      return matrixHref({ a, b, cell: { issue, article } });
    }
    case "passage":
      return `/articles/${hit.article}#p-${hit.paragraph}`;
  }
}

async function eventDates(slugs: string[]): Promise<Map<string, EventDate>> {
  if (slugs.length === 0) return new Map();
  const rows = await prisma.event.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, stated: true, start: true, end: true, precision: true, circa: true, basis: true },
  });
  return new Map(
    rows.map(({ slug, ...date }) => [slug, { ...date, precision: date.precision as Precision }]),
  );
}
