import { getNiceTickValues } from "recharts";
import { peakBucket, type EventsPerPeriod } from "@/lib/series/events-per-period";
import { narrowToPeriod } from "@/lib/views/timeline";
import { timelineHref, type TimelineState } from "@/lib/url-state/hrefs";
import { EventsChartSlot } from "@/components/charts/events-chart-slot";
import { PeriodTable } from "./period-table";
import styles from "./events-per-period.module.css";

export interface EventsPerPeriodProps {
  series: EventsPerPeriod;
  state: TimelineState;
}

/** The chart of events per month (or year), what it leaves out, and the same counts as a table of links. */
export function EventsPerPeriodPanel({ series, state }: EventsPerPeriodProps) {
  const unit = series.unit;
  const bars = series.buckets.map((bucket) => ({
    key: bucket.key,
    label: bucket.label,
    name: bucket.name,
    count: bucket.count,
    // Links only where there is something to narrow to: empty periods are neither clickable nor in the table. Left
    // out rather than undefined, which React's payload would spell out as "$undefined" for every empty month.
    ...(bucket.count > 0 && { href: timelineHref(narrowToPeriod(state, bucket)) }),
  }));
  const peak = peakBucket(series.buckets);
  const active = series.buckets.find((b) => b.from === state.from && b.to === state.to)?.key ?? null;
  const first = series.buckets[0];
  const last = series.buckets.at(-1);
  const nonEmpty = bars.filter((bar) => bar.count > 0);
  const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

  return (
    <section aria-labelledby="per-period-heading" className={styles.panel}>
      <h2 id="per-period-heading" className={styles.heading}>
        Events per {unit}
      </h2>
      {first && last && peak ? (
        <>
          <div className={styles.chartSlot}>
            <EventsChartSlot
              bars={bars}
              activeKey={active}
              ticks={getNiceTickValues([0, peak.count], 5, false)}
              label={`Bar chart of events per ${unit}, ${first === last ? first.name : `${first.name} to ${last.name}`}: ${plural(series.counted, "event")}, most in ${peak.name} (${peak.count}). The counts are in the table that follows.`}
            />
          </div>
          <p className={styles.note}>
            {plural(series.counted, "event")} by the {unit}{" "}
            {unit === "month" ? "their date starts" : "they start"}; most in {peak.name} ({peak.count}).
            Choose a {unit} to narrow the list to it.
            {series.wide > 0 && (
              <>
                {" "}
                <strong>{plural(series.wide, "event")}</strong> dated only to a year or a span longer than a
                month {series.wide === 1 ? "is" : "are"} not counted here;{" "}
                {series.wide === 1 ? "it is" : "they are"} in the list.
              </>
            )}
          </p>
        </>
      ) : (
        <p className={styles.note}>
          {series.wide > 0
            ? `No event here is dated closely enough to count by ${unit}: all ${plural(series.wide, "event")} are dated only to a year or a span longer than a month. They are in the list.`
            : "No events to chart."}
        </p>
      )}
      {nonEmpty.length > 0 && <PeriodTable bars={bars} unit={unit} className={styles.table} />}
    </section>
  );
}
