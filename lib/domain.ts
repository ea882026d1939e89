// The domain's words, defined once. Content validation, the query layer, the API, the URL state and the pages all
// import them from here, so a new level or kind is added in one place (and TypeScript finds every use to update).

/** How far apart two actors stand on an issue in one source; "none": the source gives no position for one side. */
export const LEVELS = ["aligned", "partial", "divergent", "none"] as const;
export type Level = (typeof LEVELS)[number];

/** Most divergent first, for "most divergent" lists and sorting. */
export const LEVEL_RANK: Record<Level, number> = { divergent: 0, partial: 1, aligned: 2, none: 3 };

export const LEVELS_BY_SEVERITY: Level[] = ["divergent", "partial", "aligned", "none"];

/** Who made a divergence rating: the article itself, or Faultlines reading what the article reports. */
export const RATED_BY = ["source", "editorial"] as const;
export type RatedBy = (typeof RATED_BY)[number];

/** Whose word a position or event is: reported as fact, an actor's own statement, or the source's assessment. */
export const CLAIM_KINDS = ["reported", "statement", "assessment"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const ACTOR_KINDS = [
  "state",
  "leader",
  "official",
  "armed-group",
  "organisation",
  "media",
  "analyst",
  "person",
  "collective",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ARTICLE_KINDS = ["analysis", "news", "opinion"] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** Where an article stands in review: `draft` is imported and checked but never loaded; `accepted` (or no field) is published. */
export const REVIEW_STATES = ["draft", "accepted"] as const;

/** Why the draft assist did not propose a dated sentence as an event: plans, threats and forecasts are not events. */
export const NOT_EVENT_REASONS = ["threat", "plan", "forecast", "conditional", "negated", "future"] as const;
export type NotEventReason = (typeof NOT_EVENT_REASONS)[number];

/** What the draft assist guesses a name it does not know to be: an actor kind, or a place or other thing. */
export const CANDIDATE_KINDS = [...ACTOR_KINDS, "place", "other"] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

const SLUG_WORDS = "[a-z0-9]+(?:-[a-z0-9]+)*";

/** A slug: lowercase words joined by hyphens. Names content files and is what URLs and references use. */
export const SLUG_PATTERN = new RegExp(`^${SLUG_WORDS}$`);

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** Two actors compared on an issue, as actor slugs; ratings may be stored in either order. */
export type Pair = readonly [string, string];

/** The pair the site is about, wherever no other pair is named. */
export const DEFAULT_PAIR = ["us", "israel"] as const satisfies Pair;

export function inPair(pair: Pair, slug: string): boolean {
  return slug === pair[0] || slug === pair[1];
}

interface PairRating<S extends { slug: string }> {
  a: S;
  b: S;
  article: { rank: number };
}

/** Whether a rating is of this pair, in either order. */
export function isPair(pair: Pair, rating: { a: { slug: string }; b: { slug: string } }): boolean {
  return (
    (rating.a.slug === pair[0] && rating.b.slug === pair[1]) ||
    (rating.a.slug === pair[1] && rating.b.slug === pair[0])
  );
}

/** Ratings for the pair in either stored order, turned so that `a` is the pair's first actor, oldest first. */
export function orientedFor<S extends { slug: string }, T extends PairRating<S>>(pair: Pair, rows: T[]): T[] {
  return rows
    .filter((d) => isPair(pair, d))
    .map((d) => (d.a.slug === pair[0] ? d : { ...d, a: d.b, b: d.a }))
    .sort((x, y) => x.article.rank - y.article.rank);
}

/** Events in date order: by start, then end, then slug, so equal dates still sort the same way every time. */
export function byDate(
  x: { slug: string; date: { start: string; end: string } },
  y: { slug: string; date: { start: string; end: string } },
): number {
  return (
    x.date.start.localeCompare(y.date.start) ||
    x.date.end.localeCompare(y.date.end) ||
    x.slug.localeCompare(y.slug)
  );
}
