import "server-only";
import type { ActorKind, ArticleKind, ClaimKind, Level, RatedBy } from "@/lib/domain";
import type { Precision } from "@/lib/dates";
import type {
  ActorRef,
  ArticleRef,
  ArticleSummary,
  DivergenceView,
  EventView,
  EvidenceView,
  IssueRef,
  PositionView,
} from "./types";

// Prisma `select`s and the one function per view type that reshapes a row. The casts from String columns to the
// enum unions are safe: the content pipeline validated every value before it was written.

export const actorRefSelect = { slug: true, name: true, kind: true } as const;
export const issueRefSelect = { slug: true, title: true } as const;
export const articleRefSelect = {
  slug: true,
  title: true,
  publisher: true,
  rank: true,
  publishedStart: true,
  publishedEnd: true,
  publishedPrecision: true,
  publishedStated: true,
  publishedBasis: true,
  perspectiveText: true,
  perspectiveBasis: true,
} as const;

const evidenceSelect = {
  quote: true,
  sortOrder: true,
  paragraph: { select: { n: true, article: { select: { slug: true } } } },
} as const;

const evidenceArgs = { select: evidenceSelect, orderBy: { sortOrder: "asc" } } as const;

export const eventSelect = {
  slug: true,
  title: true,
  summary: true,
  claim: true,
  stated: true,
  start: true,
  end: true,
  precision: true,
  circa: true,
  basis: true,
  via: { select: actorRefSelect },
  actors: { select: { actor: { select: { ...actorRefSelect, sortOrder: true } } } },
  issues: { select: { issue: { select: { ...issueRefSelect, sortOrder: true } } } },
  sources: { select: { article: { select: { slug: true, rank: true } } } },
  evidence: evidenceArgs,
} as const;

export const positionSelect = {
  stance: true,
  summary: true,
  claim: true,
  actor: { select: actorRefSelect },
  issue: { select: issueRefSelect },
  article: { select: articleRefSelect },
  voice: { select: actorRefSelect },
  via: { select: actorRefSelect },
  evidence: evidenceArgs,
} as const;

export const divergenceSelect = {
  level: true,
  ratedBy: true,
  rationale: true,
  issue: { select: issueRefSelect },
  article: { select: articleRefSelect },
  actorA: { select: actorRefSelect },
  actorB: { select: actorRefSelect },
  evidence: evidenceArgs,
} as const;

type ActorRow = { slug: string; name: string; kind: string };
type ArticleRow = {
  slug: string;
  title: string;
  publisher: string | null;
  rank: number;
  publishedStart: string;
  publishedEnd: string;
  publishedPrecision: string;
  publishedStated: string | null;
  publishedBasis: string;
  perspectiveText: string;
  perspectiveBasis: string;
};
type EvidenceRow = { quote: string; paragraph: { n: number; article: { slug: string } } };

export function toActorRef(row: ActorRow): ActorRef {
  return { slug: row.slug, name: row.name, kind: row.kind as ActorKind };
}

export function toIssueRef(row: { slug: string; title: string }): IssueRef {
  return { slug: row.slug, title: row.title };
}

export function toArticleRef(row: ArticleRow): ArticleRef {
  return {
    slug: row.slug,
    title: row.title,
    publisher: row.publisher,
    rank: row.rank,
    perspective: { text: row.perspectiveText, basis: row.perspectiveBasis },
    published: {
      start: row.publishedStart,
      end: row.publishedEnd,
      precision: row.publishedPrecision as Precision,
      stated: row.publishedStated,
      basis: row.publishedBasis,
    },
  };
}

export function toArticleSummary(
  row: ArticleRow & {
    url: string | null;
    kind: string;
    notes: string | null;
    _count: { paragraphs: number };
  },
): ArticleSummary {
  return {
    ...toArticleRef(row),
    url: row.url,
    kind: row.kind as ArticleKind,
    notes: row.notes,
    paragraphCount: row._count.paragraphs,
  };
}

function toEvidence(row: EvidenceRow): EvidenceView {
  return { article: row.paragraph.article.slug, paragraph: row.paragraph.n, quote: row.quote };
}

export function toEvent(row: {
  slug: string;
  title: string;
  summary: string;
  claim: string;
  stated: string;
  start: string;
  end: string;
  precision: string;
  circa: boolean;
  basis: string;
  via: ActorRow | null;
  actors: { actor: ActorRow & { sortOrder: number } }[];
  issues: { issue: { slug: string; title: string; sortOrder: number } }[];
  sources: { article: { slug: string; rank: number } }[];
  evidence: EvidenceRow[];
}): EventView {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    claim: row.claim as ClaimKind,
    via: row.via ? toActorRef(row.via) : null,
    date: {
      stated: row.stated,
      start: row.start,
      end: row.end,
      precision: row.precision as Precision,
      circa: row.circa,
      basis: row.basis,
    },
    actors: row.actors
      .map((a) => a.actor)
      .sort((x, y) => x.sortOrder - y.sortOrder)
      .map(toActorRef),
    issues: row.issues
      .map((i) => i.issue)
      .sort((x, y) => x.sortOrder - y.sortOrder)
      .map(toIssueRef),
    articles: row.sources
      .map((s) => s.article)
      .sort((x, y) => x.rank - y.rank)
      .map((a) => a.slug),
    evidence: row.evidence.map(toEvidence),
  };
}

export function toPosition(row: {
  stance: string;
  summary: string;
  claim: string;
  actor: ActorRow;
  issue: { slug: string; title: string };
  article: ArticleRow;
  voice: ActorRow | null;
  via: ActorRow | null;
  evidence: EvidenceRow[];
}): PositionView {
  return {
    actor: toActorRef(row.actor),
    issue: toIssueRef(row.issue),
    article: toArticleRef(row.article),
    stance: row.stance,
    summary: row.summary,
    claim: row.claim as ClaimKind,
    voice: row.voice ? toActorRef(row.voice) : null,
    via: row.via ? toActorRef(row.via) : null,
    evidence: row.evidence.map(toEvidence),
  };
}

export function toDivergence(row: {
  level: string;
  ratedBy: string;
  rationale: string;
  issue: { slug: string; title: string };
  article: ArticleRow;
  actorA: ActorRow;
  actorB: ActorRow;
  evidence: EvidenceRow[];
}): DivergenceView {
  return {
    issue: toIssueRef(row.issue),
    article: toArticleRef(row.article),
    a: toActorRef(row.actorA),
    b: toActorRef(row.actorB),
    level: row.level as Level,
    ratedBy: row.ratedBy as RatedBy,
    rationale: row.rationale,
    evidence: row.evidence.map(toEvidence),
  };
}
