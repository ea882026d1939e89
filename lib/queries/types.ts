import type { ActorKind, ArticleKind, ClaimKind, Level, RatedBy } from "@/lib/domain";
import type { Precision } from "@/lib/dates";

// The plain shapes the views get. Components never see Prisma rows.

export interface PublishedDate {
  start: string;
  end: string;
  precision: Precision;
  stated: string | null;
  basis: string;
}

export interface ArticleRef {
  slug: string;
  title: string;
  publisher: string | null;
  published: PublishedDate;
  /** 1-based order by publication date. */
  rank: number;
  /** The source's standpoint in one neutral line, and why we describe it so: shown wherever a snapshot is named. */
  perspective: { text: string; basis: string };
}

export interface ArticleSummary extends ArticleRef {
  url: string | null;
  kind: ArticleKind;
  notes: string | null;
  paragraphCount: number;
}

export interface ActorRef {
  slug: string;
  name: string;
  kind: ActorKind;
}

export interface IssueRef {
  slug: string;
  title: string;
}

export interface EvidenceView {
  article: string;
  paragraph: number;
  quote: string;
}

export interface EventDate {
  stated: string;
  start: string;
  end: string;
  precision: Precision;
  circa: boolean;
  basis: string;
}

export interface EventView {
  slug: string;
  title: string;
  summary: string;
  claim: ClaimKind;
  via: ActorRef | null;
  date: EventDate;
  actors: ActorRef[];
  issues: IssueRef[];
  /** Slugs of the articles that support it, oldest first. */
  articles: string[];
  evidence: EvidenceView[];
}

/**
 * What a list of events shows of each: everything but the evidence and the reasoning behind the date, which are on the
 * event's own page. Small on purpose: the timeline sends it to the browser for every listed event.
 */
export interface EventSummary {
  slug: string;
  title: string;
  summary: string;
  date: Omit<EventDate, "basis">;
  actors: { slug: string; name: string }[];
  issues: IssueRef[];
  articles: string[];
  /** How many quotes it rests on. */
  quotes: number;
}

export interface PositionView {
  actor: ActorRef;
  issue: IssueRef;
  article: ArticleRef;
  stance: string;
  summary: string;
  claim: ClaimKind;
  voice: ActorRef | null;
  via: ActorRef | null;
  evidence: EvidenceView[];
}

export interface DivergenceView {
  issue: IssueRef;
  article: ArticleRef;
  a: ActorRef;
  b: ActorRef;
  level: Level;
  ratedBy: RatedBy;
  rationale: string;
  evidence: EvidenceView[];
}
