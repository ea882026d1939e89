"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ComponentType } from "react";
import type { EventsChartProps } from "./events-chart";
import styles from "./events-chart.module.css";

// The timeline's chart is drawn twice over: first as plain boxes, rendered on the server with the page, so the bars
// are there at first paint and without JavaScript; then, once a pointer or finger reaches the drawing, recharts
// replaces it in place with the same bars plus a tooltip and a hover cursor. Loading recharts with the page cost a
// phone about 1.5 s of blocked main thread (Lighthouse's mobile trace) for a tooltip nobody had asked for yet.

type Chart = ComponentType<EventsChartProps>;

export function EventsChartSlot(props: EventsChartProps) {
  const [Chart, setChart] = useState<Chart | null>(null);
  const [asked, setAsked] = useState(false);
  const enhance = () => {
    if (asked) return;
    setAsked(true);
    import("./events-chart").then(
      (module) => setChart(() => module.EventsChart),
      () => setAsked(false), // a failed chunk leaves the plain drawing, and the next visit of the pointer tries again
    );
  };
  if (Chart) return <Chart {...props} />;
  return <PlainBars {...props} onIntent={enhance} />;
}

/** Bars of the same heights on the same scale as recharts draws them, in boxes; a click narrows the list too. */
function PlainBars({ bars, label, activeKey, onIntent }: EventsChartProps & { onIntent: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ticks = countTicks(Math.max(0, ...bars.map((bar) => bar.count)));
  const top = ticks.at(-1)!;
  const first = bars[0];
  const last = bars.at(-1);
  return (
    <div
      role="img"
      aria-label={label}
      className={styles.chart}
      data-chart="plain"
      data-pending={pending || undefined}
      onPointerEnter={onIntent}
      onTouchStart={onIntent}
    >
      <div className={styles.plain}>
        <div className={styles.plot}>
          {ticks.map((tick) => (
            <span key={tick} className={styles.tick} style={{ bottom: `${(tick / top) * 100}%` }}>
              <span className={styles.tickValue}>{tick}</span>
            </span>
          ))}
          <div className={styles.columns}>
            {bars.map((bar) => (
              <span
                key={bar.key}
                className={styles.column}
                data-empty={bar.count === 0 || undefined}
                onClick={
                  bar.count > 0
                    ? () => startTransition(() => router.push(bar.href, { scroll: false }))
                    : undefined
                }
              >
                <span
                  className={styles.plainBar}
                  data-active={bar.key === activeKey || undefined}
                  data-testid="period-bar"
                  // recharts' minPointSize: a bar with any events stays visible however tall the peak.
                  style={{ height: bar.count > 0 ? `max(2px, ${(bar.count / top) * 100}%)` : 0 }}
                />
              </span>
            ))}
          </div>
        </div>
        {first && last && (
          <div className={styles.axis}>
            <span>{first.label}</span>
            {last !== first && <span>{last.label}</span>}
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * Up to five whole-number ticks from 0 whose step is 1, 2 or 5 times a power of ten and whose last tick is at or
 * above the peak — the steps recharts picks for a count axis, so the two drawings share a scale.
 */
export function countTicks(peak: number): number[] {
  if (peak <= 0) return [0, 1];
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const fit = [1, 2, 5].map((m) => m * power).find((s) => Math.ceil(peak / s) <= 4);
    if (fit) {
      step = fit;
      break;
    }
  }
  const ticks: number[] = [];
  for (let tick = 0; tick < peak + step; tick += step) ticks.push(tick);
  return ticks;
}
