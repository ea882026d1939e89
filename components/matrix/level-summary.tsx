"use client";

import type { ActorRef } from "@/lib/queries/types";
import { SERIES_KEYS, type LevelCountsRow, type SeriesKey } from "@/lib/series/matrix-levels";
import { LEVEL_LABEL } from "@/lib/site/labels";
import { LevelBars } from "@/components/charts/level-bars";
import { LevelIcon } from "@/components/ui/level-badge";
import styles from "./level-summary.module.css";

export interface LevelSummaryProps {
  series: LevelCountsRow[];
  a: ActorRef;
  b: ActorRef;
}

const SERIES_LABEL: Record<SeriesKey, string> = { ...LEVEL_LABEL, unrated: "Not rated" };

/**
 * Issues per level in each snapshot: the chart, and the same counts as a table that doubles as its legend. A client
 * component for the matrix table's reason (matrix-table.tsx): its props are a few numbers a snapshot, its element tree
 * (icons, bars, cells) several kilobytes that a server component would send again beside the HTML.
 */
export function LevelSummary({ series, a, b }: LevelSummaryProps) {
  const total = series[0]?.total ?? 0;
  return (
    <section className={styles.summary} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.heading}>
        Issues per level, by snapshot
      </h2>
      <div className={styles.body}>
        {/* The table beside the chart carries the same numbers for screen readers. */}
        <div className={styles.chart} aria-hidden="true" data-testid="level-chart">
          <LevelBars data={series} keys={SERIES_KEYS} />
        </div>
        <table className={styles.counts}>
          <caption className={styles.caption}>
            {a.name}–{b.name}: how many of the {total} issues each snapshot rates at each level
          </caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              {series.map((row) => (
                <th scope="col" key={row.snapshot} className={styles.number}>
                  {row.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SERIES_KEYS.map((key) => (
              <tr key={key} data-level={key}>
                <th scope="row">
                  <LevelIcon level={key === "unrated" ? null : key} /> {SERIES_LABEL[key]}
                </th>
                {series.map((row) => (
                  <td key={row.snapshot} className={styles.number}>
                    {row[key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
