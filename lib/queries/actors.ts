import "server-only";
import { memoize } from "./memo";
import { prisma } from "@/lib/db";
import { byDate } from "@/lib/domain";
import {
  actorRefSelect,
  articleRefSelect,
  eventSelect,
  positionSelect,
  toActorRef,
  toArticleRef,
  toEvent,
  toPosition,
} from "./shape";
import type { ActorRef, ArticleRef, EventView, PositionView } from "./types";

export interface ActorSummary extends ActorRef {
  description: string;
  aliases: string[];
  affiliation: ActorRef | null;
  positionCount: number;
  /** Positions of others this actor expressed or reported. */
  voicedCount: number;
  eventCount: number;
}

export interface ActorDetail extends ActorSummary {
  members: ActorRef[];
  /** Positions held by the actor. */
  positions: PositionView[];
  /** Positions of others that this actor expressed or reported. */
  voiced: PositionView[];
  events: EventView[];
  /** Events the article credits to this actor's account. */
  reported: EventView[];
  /** Articles whose reviewed annotation lists this actor as discussed. */
  discussedIn: ArticleRef[];
}

const summarySelect = {
  ...actorRefSelect,
  description: true,
  aliases: { select: { alias: true }, orderBy: { id: "asc" } },
  affiliation: { select: actorRefSelect },
  _count: { select: { positions: true, voiced: true, positionsVia: true, events: true } },
} as const;

function toSummary(row: {
  slug: string;
  name: string;
  kind: string;
  description: string;
  aliases: { alias: string }[];
  affiliation: { slug: string; name: string; kind: string } | null;
  _count: { positions: number; voiced: number; positionsVia: number; events: number };
}): ActorSummary {
  return {
    ...toActorRef(row),
    description: row.description,
    aliases: row.aliases.map((a) => a.alias),
    affiliation: row.affiliation ? toActorRef(row.affiliation) : null,
    positionCount: row._count.positions,
    voicedCount: row._count.voiced + row._count.positionsVia,
    eventCount: row._count.events,
  };
}

async function listActorsUncached(): Promise<ActorSummary[]> {
  const rows = await prisma.actor.findMany({ orderBy: { sortOrder: "asc" }, select: summarySelect });
  return rows.map(toSummary);
}

async function getActorBySlugUncached(slug: string): Promise<ActorDetail | null> {
  const row = await prisma.actor.findUnique({
    where: { slug },
    select: {
      ...summarySelect,
      members: { select: actorRefSelect, orderBy: { sortOrder: "asc" } },
      positions: { select: positionSelect, orderBy: { sortOrder: "asc" } },
      voiced: { select: positionSelect, orderBy: { sortOrder: "asc" } },
      positionsVia: { select: positionSelect, orderBy: { sortOrder: "asc" } },
      events: { select: { event: { select: eventSelect } } },
      eventsVia: { select: eventSelect },
      articles: { select: { article: { select: articleRefSelect } } },
    },
  });
  if (!row) return null;
  const byRank = (x: PositionView, y: PositionView) => x.article.rank - y.article.rank;
  return {
    ...toSummary(row),
    members: row.members.map(toActorRef),
    positions: row.positions.map(toPosition).sort(byRank),
    voiced: [...row.voiced, ...row.positionsVia].map(toPosition).sort(byRank),
    events: row.events.map((e) => toEvent(e.event)).sort(byDate),
    reported: row.eventsVia.map(toEvent).sort(byDate),
    discussedIn: row.articles.map((a) => toArticleRef(a.article)).sort((x, y) => x.rank - y.rank),
  };
}

export async function listActorSlugs(): Promise<string[]> {
  const rows = await prisma.actor.findMany({ select: { slug: true }, orderBy: { sortOrder: "asc" } });
  return rows.map((r) => r.slug);
}

export const listActors = memoize(listActorsUncached);

export const getActorBySlug = memoize(getActorBySlugUncached);
