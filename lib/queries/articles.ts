import "server-only";
import { memoize } from "./memo";
import { prisma } from "@/lib/db";
import type { BlockKind } from "@/lib/content/markdown";
import type { Level } from "@/lib/domain";
import { actorRefSelect, articleRefSelect, toActorRef, toArticleSummary } from "./shape";
import type { ActorRef, ArticleSummary } from "./types";

const summarySelect = {
  ...articleRefSelect,
  url: true,
  kind: true,
  notes: true,
  _count: { select: { paragraphs: true } },
} as const;

/** What an annotated span supports: shown beside the paragraph in the reader, linking back. */
export type SpanTarget =
  | { type: "event"; slug: string; title: string; issue: string | null }
  | {
      type: "position";
      actor: { slug: string; name: string };
      issue: { slug: string; title: string };
      stance: string;
    }
  | { type: "divergence"; issue: { slug: string; title: string }; level: Level; pair: [string, string] };

export interface AnnotatedSpan {
  start: number;
  end: number;
  target: SpanTarget;
}

export interface ParagraphView {
  n: number;
  kind: BlockKind;
  level: number;
  source: string;
  text: string;
  spans: AnnotatedSpan[];
}

export interface ArticleDetail extends ArticleSummary {
  paragraphs: ParagraphView[];
  /** The actors its reviewed annotation lists, each with the paragraph of its first quote. */
  actors: (ActorRef & { paragraph: number })[];
}

async function listArticlesUncached(): Promise<ArticleSummary[]> {
  const rows = await prisma.article.findMany({ orderBy: { rank: "asc" }, select: summarySelect });
  return rows.map(toArticleSummary);
}

async function getArticleBySlugUncached(slug: string): Promise<ArticleDetail | null> {
  const row = await prisma.article.findUnique({
    where: { slug },
    select: {
      ...summarySelect,
      actors: {
        orderBy: { sortOrder: "asc" },
        select: { paragraph: true, actor: { select: actorRefSelect } },
      },
      paragraphs: {
        orderBy: { n: "asc" },
        select: {
          n: true,
          kind: true,
          level: true,
          source: true,
          text: true,
          evidence: {
            orderBy: [{ start: "asc" }, { end: "desc" }],
            select: {
              start: true,
              end: true,
              event: {
                select: {
                  slug: true,
                  title: true,
                  issues: { select: { issue: { select: { slug: true, sortOrder: true } } } },
                },
              },
              position: {
                select: {
                  stance: true,
                  actor: { select: { slug: true, name: true } },
                  issue: { select: { slug: true, title: true } },
                },
              },
              divergence: {
                select: {
                  level: true,
                  issue: { select: { slug: true, title: true } },
                  actorA: { select: { slug: true } },
                  actorB: { select: { slug: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  return {
    ...toArticleSummary(row),
    actors: row.actors.map((a) => ({ ...toActorRef(a.actor), paragraph: a.paragraph })),
    paragraphs: row.paragraphs.map((p) => ({
      n: p.n,
      kind: p.kind as BlockKind,
      level: p.level,
      source: p.source,
      text: p.text,
      spans: p.evidence.flatMap((e): AnnotatedSpan[] => {
        const at = { start: e.start, end: e.end };
        if (e.event) {
          const first = e.event.issues.map((i) => i.issue).sort((a, b) => a.sortOrder - b.sortOrder)[0];
          return [
            {
              ...at,
              target: { type: "event", slug: e.event.slug, title: e.event.title, issue: first?.slug ?? null },
            },
          ];
        }
        if (e.position) return [{ ...at, target: { type: "position", ...e.position } }];
        if (e.divergence) {
          const d = e.divergence;
          return [
            {
              ...at,
              target: {
                type: "divergence",
                issue: d.issue,
                level: d.level as Level,
                pair: [d.actorA.slug, d.actorB.slug],
              },
            },
          ];
        }
        return [];
      }),
    })),
  };
}

export async function listArticleSlugs(): Promise<string[]> {
  const rows = await prisma.article.findMany({ select: { slug: true }, orderBy: { rank: "asc" } });
  return rows.map((r) => r.slug);
}

export const listArticles = memoize(listArticlesUncached);

export const getArticleBySlug = memoize(getArticleBySlugUncached);
