import type { ClaimKind, Level } from "@/lib/domain";

// How divergence levels and claim kinds read on the page. A level is never shown by colour alone.

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
