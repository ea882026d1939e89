import { LEVEL_RANK, type Level } from "@/lib/domain";
import type { IssueSummary } from "@/lib/queries/issues";
import type { ArticleRef, DivergenceView } from "@/lib/queries/types";

// The front page's answers, computed from the issue list: pure, so they are unit-tested without a database.

export interface SnapshotCounts {
  article: ArticleRef;
  counts: Record<Level, number>;
  /** Issues this snapshot does not rate. */
  uncovered: number;
}

export interface Change {
  issue: { slug: string; title: string };
  before: DivergenceView | null;
  after: DivergenceView | null;
  kind: "closer" | "further" | "new" | "dropped" | "same";
}

export function snapshotCounts(issues: IssueSummary[], article: ArticleRef): SnapshotCounts {
  const counts: Record<Level, number> = { aligned: 0, partial: 0, divergent: 0, none: 0 };
  let uncovered = 0;
  for (const issue of issues) {
    const rating = issue.divergence.find((d) => d.article.slug === article.slug);
    if (rating) counts[rating.level]++;
    else uncovered++;
  }
  return { article, counts, uncovered };
}

/** How each issue's rating moved from the previous snapshot to the latest. */
export function changesBetween(issues: IssueSummary[], previous: ArticleRef, latest: ArticleRef): Change[] {
  const changes: Change[] = [];
  for (const issue of issues) {
    const before = issue.divergence.find((d) => d.article.slug === previous.slug) ?? null;
    const after = issue.divergence.find((d) => d.article.slug === latest.slug) ?? null;
    if (!before && !after) continue;
    let kind: Change["kind"];
    if (!before) kind = "new";
    else if (!after) kind = "dropped";
    else if (before.level === after.level) kind = "same";
    // A "none" rating is not a level on the scale: becoming comparable is new, ceasing to be is dropped.
    else if (before.level === "none") kind = "new";
    else if (after.level === "none") kind = "dropped";
    else kind = LEVEL_RANK[after.level] > LEVEL_RANK[before.level] ? "closer" : "further";
    changes.push({ issue: { slug: issue.slug, title: issue.title }, before, after, kind });
  }
  const order: Change["kind"][] = ["further", "closer", "new", "same", "dropped"];
  return changes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Issues whose latest rating is divergent, then partial: where the two sides are furthest apart now. */
export function mostDivergent(issues: IssueSummary[], limit = 5): IssueSummary[] {
  return issues
    .filter((i) => i.divergence.length > 0)
    .filter((i) => ["divergent", "partial"].includes(i.divergence.at(-1)!.level))
    .sort((a, b) => {
      const [la, lb] = [a.divergence.at(-1)!, b.divergence.at(-1)!];
      return LEVEL_RANK[la.level] - LEVEL_RANK[lb.level] || lb.article.rank - la.article.rank;
    })
    .slice(0, limit);
}
