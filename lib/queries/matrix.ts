import "server-only";
import { memoize } from "./memo";
import { prisma } from "@/lib/db";
import { orientedFor, type Pair } from "@/lib/domain";
import {
  actorRefSelect,
  articleRefSelect,
  divergenceSelect,
  issueRefSelect,
  positionSelect,
  toActorRef,
  toArticleRef,
  toDivergence,
  toIssueRef,
  toPosition,
} from "./shape";
import type { ActorRef, ArticleRef, DivergenceView, IssueRef, PositionView } from "./types";

export interface MatrixCell {
  article: ArticleRef;
  divergence: DivergenceView | null;
  a: PositionView | null;
  b: PositionView | null;
}

export interface MatrixRow {
  issue: IssueRef;
  /** One cell per article snapshot, oldest first; a cell with no rating and no positions is "not covered". */
  cells: MatrixCell[];
}

/** An actor pair with at least one rating, and how many. */
export interface RatedPair {
  a: ActorRef;
  b: ActorRef;
  count: number;
}

export interface Matrix {
  a: ActorRef;
  b: ActorRef;
  articles: ArticleRef[];
  rows: MatrixRow[];
}

/** The divergence matrix for an actor pair; null when either actor does not exist. */
async function getMatrixUncached(pair: Pair): Promise<Matrix | null> {
  const [actorA, actorB] = await Promise.all(
    pair.map((slug) => prisma.actor.findUnique({ where: { slug }, select: actorRefSelect })),
  );
  if (!actorA || !actorB) return null;
  const [articles, issues] = await Promise.all([
    prisma.article.findMany({ orderBy: { rank: "asc" }, select: articleRefSelect }),
    prisma.issue.findMany({
      orderBy: { sortOrder: "asc" },
      select: {
        ...issueRefSelect,
        divergences: {
          where: {
            OR: [
              { actorA: { slug: pair[0] }, actorB: { slug: pair[1] } },
              { actorA: { slug: pair[1] }, actorB: { slug: pair[0] } },
            ],
          },
          select: divergenceSelect,
        },
        positions: { where: { actor: { slug: { in: [...pair] } } }, select: positionSelect },
      },
    }),
  ]);
  return {
    a: toActorRef(actorA),
    b: toActorRef(actorB),
    articles: articles.map(toArticleRef),
    rows: issues.map((issue) => {
      const ratings = orientedFor(pair, issue.divergences.map(toDivergence));
      const positions = issue.positions.map(toPosition);
      return {
        issue: toIssueRef(issue),
        cells: articles.map((article) => {
          const of = (slug: string) =>
            positions.find((p) => p.article.slug === article.slug && p.actor.slug === slug) ?? null;
          return {
            article: toArticleRef(article),
            divergence: ratings.find((d) => d.article.slug === article.slug) ?? null,
            a: of(pair[0]),
            b: of(pair[1]),
          };
        }),
      };
    }),
  };
}

/** Actor pairs that have at least one rating, for the pair picker. */
async function listRatedPairsUncached(): Promise<RatedPair[]> {
  const rows = await prisma.divergence.findMany({
    select: { actorA: { select: actorRefSelect }, actorB: { select: actorRefSelect } },
  });
  const pairs = new Map<string, RatedPair>();
  for (const row of rows) {
    const key = `${row.actorA.slug}|${row.actorB.slug}`;
    const entry = pairs.get(key) ?? { a: toActorRef(row.actorA), b: toActorRef(row.actorB), count: 0 };
    entry.count++;
    pairs.set(key, entry);
  }
  return [...pairs.values()].sort((x, y) => y.count - x.count);
}

export const getMatrix = memoize(getMatrixUncached);

export const listRatedPairs = memoize(listRatedPairsUncached);
