import { LEVELS_BY_SEVERITY, type Level } from "@/lib/domain";
import type { MatrixCell } from "@/lib/queries/matrix";
import type { ArticleRef } from "@/lib/queries/types";
import { snapshotLabel } from "@/lib/site/labels";

// The summary chart's data: issues per divergence level in each snapshot. The chart only draws this array.

export interface LevelCountsRow extends Record<Level, number> {
  snapshot: string;
  label: string;
  /** Issues the snapshot does not rate for the pair. */
  unrated: number;
  total: number;
}

/** The stacking order, most divergent first; `unrated` closes each bar. */
export const SERIES_KEYS = [...LEVELS_BY_SEVERITY, "unrated"] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

export function levelCountsBySnapshot(
  articles: Pick<ArticleRef, "slug" | "published">[],
  rows: { cells: Pick<MatrixCell, "article" | "divergence">[] }[],
): LevelCountsRow[] {
  return articles.map((article) => {
    const counts: LevelCountsRow = {
      snapshot: article.slug,
      label: snapshotLabel(article),
      divergent: 0,
      partial: 0,
      aligned: 0,
      none: 0,
      unrated: 0,
      total: rows.length,
    };
    for (const row of rows) {
      const level = row.cells.find((cell) => cell.article.slug === article.slug)?.divergence?.level;
      if (level) counts[level]++;
      else counts.unrated++;
    }
    return counts;
  });
}
