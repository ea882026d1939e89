import Link from "next/link";
import { LEVELS_BY_SEVERITY, type Level } from "@/lib/domain";
import type { ArticleRef } from "@/lib/queries/types";
import type { Change, SnapshotCounts } from "@/lib/views/home";
import { LEVEL_LABEL, snapshotLabel } from "@/lib/site/labels";
import { LevelBadge, LevelIcon } from "@/components/ui/level-badge";
import styles from "./snapshot-summary.module.css";

/** Issues per divergence level in one snapshot, as a small table with proportional bars. */
export function LevelCounts({ summary }: { summary: SnapshotCounts }) {
  const rated = LEVELS_BY_SEVERITY.reduce((n, level) => n + summary.counts[level], 0);
  return (
    <table className={styles.counts}>
      <caption className="visually-hidden">
        Issues per US–Israel divergence level, {snapshotLabel(summary.article)}
      </caption>
      <tbody>
        {LEVELS_BY_SEVERITY.map((level: Level) => (
          <tr key={level} data-level={level}>
            <th scope="row">
              <LevelIcon level={level} /> {LEVEL_LABEL[level]}
            </th>
            <td className={styles.number}>{summary.counts[level]}</td>
            <td className={styles.barCell} aria-hidden="true">
              <span
                className={styles.bar}
                style={{ width: `${rated ? (summary.counts[level] / rated) * 100 : 0}%` }}
              />
            </td>
          </tr>
        ))}
        <tr data-level="uncovered">
          <th scope="row">
            <LevelIcon level={null} /> Not in this snapshot
          </th>
          <td className={styles.number}>{summary.uncovered}</td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}

const CHANGE_LABEL: Record<Change["kind"], string> = {
  further: "Further apart",
  closer: "Closer",
  new: "Newly rated on both sides",
  same: "Unchanged",
  dropped: "Not rated on both sides in the latest source",
};

export function ChangeList({
  changes,
  previous,
  latest,
}: {
  changes: Change[];
  previous: ArticleRef;
  latest: ArticleRef;
}) {
  const groups = (Object.keys(CHANGE_LABEL) as Change["kind"][])
    .map((kind) => ({ kind, items: changes.filter((c) => c.kind === kind) }))
    .filter((g) => g.items.length > 0);
  return (
    <div className={styles.changes}>
      {groups.map(({ kind, items }) => (
        <section key={kind} aria-labelledby={`change-${kind}`}>
          <h3 id={`change-${kind}`} className={styles.changeHeading}>
            {CHANGE_LABEL[kind]} <span className="muted">({items.length})</span>
          </h3>
          <ul className={styles.changeList}>
            {items.map((change) => (
              <li key={change.issue.slug}>
                <Link prefetch={false} href={`/issues/${change.issue.slug}`}>
                  {change.issue.title}
                </Link>
                <span className={styles.move}>
                  {change.before && (
                    <span title={snapshotLabel(previous)}>
                      <LevelBadge level={change.before.level} size="small" />
                    </span>
                  )}
                  {change.before && change.after && <span aria-label="to"> → </span>}
                  {change.after && (
                    <span title={snapshotLabel(latest)}>
                      <LevelBadge level={change.after.level} size="small" />
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
