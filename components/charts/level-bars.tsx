import type { LevelCountsRow, SeriesKey } from "@/lib/series/matrix-levels";
import styles from "./level-bars.module.css";

export interface LevelBarsProps {
  data: LevelCountsRow[];
  keys: readonly SeriesKey[];
}

/**
 * One horizontal bar per snapshot, stacked by divergence level; the counts table beside it is the text. Drawn on the
 * server as plain boxes whose widths are the shares: no chart library to download and run on a phone, nothing
 * that moves once the page has painted, and the same picture without JavaScript.
 */
export function LevelBars({ data, keys }: LevelBarsProps) {
  const most = Math.max(1, ...data.map((row) => keys.reduce((sum, key) => sum + row[key], 0)));
  return (
    <div className={styles.bars} data-testid="level-bars">
      {data.map((row) => (
        <div key={row.snapshot} className={styles.row}>
          <span className={styles.label}>{row.label}</span>
          <span className={styles.track} data-testid="level-bar">
            {keys.map((key) =>
              row[key] > 0 ? (
                <span
                  key={key}
                  className={styles.segment}
                  data-level={key}
                  style={{ width: `${(row[key] / most) * 100}%` }}
                >
                  {row[key]}
                </span>
              ) : null,
            )}
          </span>
        </div>
      ))}
    </div>
  );
}
