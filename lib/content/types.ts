import type { Precision } from "@/lib/dates";
import type { BlockKind } from "./markdown";
import type { ActorKind, ArticleKind, ClaimKind, Level, RatedBy } from "@/lib/domain";

// The resolved content: every reference checked, every quote located. This is what gets loaded into the database.

export interface ResolvedEvidence {
  article: string;
  /** Paragraph number in that article. */
  paragraph: number;
  /** The quoted words exactly as the article has them. */
  quote: string;
  start: number;
  end: number;
}

export interface ResolvedArticle {
  slug: string;
  title: string;
  publisher: string | null;
  url: string | null;
  kind: ArticleKind;
  published: { start: string; end: string; precision: Precision; stated: string | null; basis: string };
  /** The source's standpoint in one neutral line, with the reason we describe it so. */
  perspective: { text: string; basis: string };
  notes: string | null;
  /** 1-based order by publication date. */
  rank: number;
  paragraphs: { n: number; kind: BlockKind; level: number; source: string; text: string }[];
}

export interface ResolvedActor {
  slug: string;
  name: string;
  kind: ActorKind;
  description: string;
  affiliation: string | null;
  aliases: string[];
}

export interface ResolvedIssue {
  slug: string;
  title: string;
  summary: string;
  related: string[];
}

export interface ResolvedEvent {
  slug: string;
  title: string;
  summary: string;
  claim: ClaimKind;
  via: string | null;
  date: { stated: string; start: string; end: string; precision: Precision; circa: boolean; basis: string };
  /** The article whose annotation defines it. */
  article: string;
  actors: string[];
  issues: string[];
  evidence: ResolvedEvidence[];
}

export interface ResolvedPosition {
  actor: string;
  issue: string;
  article: string;
  stance: string;
  summary: string;
  claim: ClaimKind;
  voice: string | null;
  via: string | null;
  evidence: ResolvedEvidence[];
}

export interface ResolvedDivergence {
  issue: string;
  article: string;
  a: string;
  b: string;
  level: Level;
  by: RatedBy;
  rationale: string;
  evidence: ResolvedEvidence[];
}

export interface ResolvedContent {
  articles: ResolvedArticle[];
  actors: ResolvedActor[];
  issues: ResolvedIssue[];
  events: ResolvedEvent[];
  positions: ResolvedPosition[];
  divergences: ResolvedDivergence[];
  articleActors: ResolvedArticleActor[];
}

/** An actor an article discusses (the annotation's `actors:` list), with the quotes that show it. */
export interface ResolvedArticleActor {
  article: string;
  actor: string;
  evidence: ResolvedEvidence[];
}

/** What is still under review: draft articles (checked, not loaded) and the items each draft file holds. */
export interface ReviewState {
  draftArticles: string[];
  draftFiles: { file: string; article: string; items: number; sections: Record<string, number> }[];
}
