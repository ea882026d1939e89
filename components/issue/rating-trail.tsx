import type { DivergenceView } from "@/lib/queries/types";
import { LEVEL_LABEL, snapshotLabel } from "@/lib/site/labels";
import { LevelBadge } from "@/components/ui/level-badge";
import styles from "./rating-trail.module.css";

/** How the rating moved across snapshots: "Divergent (June 2025) → Partial (17 Feb 2026)". */
export function RatingTrail({ ratings }: { ratings: DivergenceView[] }) {
  if (ratings.length === 0) return <p className={styles.none}>No US–Israel rating yet.</p>;
  const sentence = ratings.map((r) => `${LEVEL_LABEL[r.level]} (${snapshotLabel(r.article)})`).join(" → ");
  return (
    <ol className={styles.trail} aria-label={`Rating by snapshot: ${sentence}`}>
      {ratings.map((r, i) => (
        <li key={r.article.slug} aria-hidden="true">
          {i > 0 && <span className={styles.arrow}>→</span>}
          <LevelBadge level={r.level} />
          <span className={styles.when}>{snapshotLabel(r.article)}</span>
        </li>
      ))}
    </ol>
  );
}

/** One-line description of the change between the last two ratings, or null when there is none to describe. */
export function describeChange(ratings: DivergenceView[]): string | null {
  if (ratings.length < 2) return null;
  const [before, after] = ratings.slice(-2) as [DivergenceView, DivergenceView];
  if (before.level === after.level)
    return `Unchanged: ${LEVEL_LABEL[after.level].toLowerCase()} in both snapshots.`;
  return `${LEVEL_LABEL[before.level]} (${snapshotLabel(before.article)}) → ${LEVEL_LABEL[after.level].toLowerCase()} (${snapshotLabel(after.article)}).`;
}
