import "server-only";
import { memoize } from "./memo";
import { prisma } from "@/lib/db";
import { byDate, DEFAULT_PAIR, isPair, orientedFor, type Pair } from "@/lib/domain";
import {
  divergenceSelect,
  eventSelect,
  issueRefSelect,
  positionSelect,
  toDivergence,
  toEvent,
  toIssueRef,
  toPosition,
} from "./shape";
import type { DivergenceView, EventView, IssueRef, PositionView } from "./types";

export interface IssueSummary extends IssueRef {
  summary: string;
  /** The pair's ratings, one per article snapshot that rates the issue, oldest first. */
  divergence: DivergenceView[];
}

export interface IssueDetail extends IssueSummary {
  positions: PositionView[];
  events: EventView[];
  related: IssueRef[];
  /** Ratings for other actor pairs. */
  otherDivergence: DivergenceView[];
}

async function listIssuesUncached(pair: Pair = DEFAULT_PAIR): Promise<IssueSummary[]> {
  const rows = await prisma.issue.findMany({
    orderBy: { sortOrder: "asc" },
    select: { ...issueRefSelect, summary: true, divergences: { select: divergenceSelect } },
  });
  return rows.map((row) => ({
    ...toIssueRef(row),
    summary: row.summary,
    divergence: orientedFor(pair, row.divergences.map(toDivergence)),
  }));
}

async function getIssueBySlugUncached(slug: string, pair: Pair = DEFAULT_PAIR): Promise<IssueDetail | null> {
  const row = await prisma.issue.findUnique({
    where: { slug },
    select: {
      ...issueRefSelect,
      summary: true,
      divergences: { select: divergenceSelect },
      positions: { select: positionSelect, orderBy: { sortOrder: "asc" } },
      events: { select: { event: { select: eventSelect } } },
      related: { select: { to: { select: { ...issueRefSelect, sortOrder: true } } } },
      relatedBy: { select: { from: { select: { ...issueRefSelect, sortOrder: true } } } },
    },
  });
  if (!row) return null;
  const divergence = row.divergences.map(toDivergence);
  const related = new Map(
    [...row.related.map((r) => r.to), ...row.relatedBy.map((r) => r.from)]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((issue) => [issue.slug, toIssueRef(issue)]),
  );
  return {
    ...toIssueRef(row),
    summary: row.summary,
    divergence: orientedFor(pair, divergence),
    otherDivergence: divergence
      .filter((d) => !isPair(pair, d))
      .sort((x, y) => x.article.rank - y.article.rank),
    positions: row.positions.map(toPosition).sort((x, y) => x.article.rank - y.article.rank),
    events: row.events.map((e) => toEvent(e.event)).sort(byDate),
    related: [...related.values()],
  };
}

export async function listIssueSlugs(): Promise<string[]> {
  const rows = await prisma.issue.findMany({ select: { slug: true }, orderBy: { sortOrder: "asc" } });
  return rows.map((r) => r.slug);
}

export const listIssues = memoize(listIssuesUncached);

export const getIssueBySlug = memoize(getIssueBySlugUncached);
