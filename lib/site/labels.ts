import { formatSpan } from "@/lib/dates";
import type { ActorKind, ClaimKind, Level } from "@/lib/domain";
import type { ArticleRef } from "@/lib/queries/types";

// How the domain's words read on the page: levels, claims, who rated, actor kinds, snapshots. A level is never
// shown by colour alone.

export const LEVEL_LABEL: Record<Level, string> = {
  aligned: "Aligned",
  partial: "Partial",
  divergent: "Divergent",
  none: "No position",
};

export const LEVEL_DESCRIPTION: Record<Level, string> = {
  aligned: "The two positions agree.",
  partial: "The positions overlap but differ in aims, terms or priority.",
  divergent: "The positions conflict.",
  none: "The source gives no position for one side.",
};

export const CLAIM_LABEL: Record<ClaimKind, string> = {
  reported: "Reported fact",
  statement: "Actor’s statement",
  assessment: "Source’s assessment",
};

export const CLAIM_DESCRIPTION: Record<ClaimKind, string> = {
  reported: "The article reports this as fact.",
  statement: "The actor’s own words or declared position, as the article gives them.",
  assessment: "The article’s own judgement, not established fact.",
};

export const RATED_BY_LABEL = { source: "Rated by the source", editorial: "Faultlines assessment" } as const;

export const RATED_BY_DESCRIPTION = {
  source: "The article itself draws this contrast between the two sides.",
  editorial: "Our reading of the positions the article reports; the article does not rate it itself.",
} as const;

export const ACTOR_KIND_PLURAL: Record<ActorKind, string> = {
  state: "States",
  leader: "Leaders",
  official: "Officials",
  "armed-group": "Armed groups",
  organisation: "Organisations",
  media: "Media",
  analyst: "Analysts",
  person: "People",
  collective: "Groups and collectives",
};

export const ACTOR_KIND_SINGULAR: Record<ActorKind, string> = {
  state: "State",
  leader: "Leader",
  official: "Official",
  "armed-group": "Armed group",
  organisation: "Organisation",
  media: "Media",
  analyst: "Analyst",
  person: "Person",
  collective: "Group",
};

/** How a snapshot (an article, at its publication date) is named on the page: "June 2025", "17 Feb 2026". */
export function snapshotLabel(article: Pick<ArticleRef, "published">): string {
  return formatSpan(article.published);
}

/** Titles by slug, for naming the sources of quotes. */
export function titleMap(articles: { slug: string; title: string }[]): Record<string, string> {
  return Object.fromEntries(articles.map((a) => [a.slug, a.title]));
}
