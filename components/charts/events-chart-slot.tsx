"use client";

import { useRouter } from "next/navigation";
import {
  useRef,
  useState,
  useSyncExternalStore,
  useTransition,
  type ComponentType,
  type PointerEvent,
} from "react";
import type { EventsChartProps } from "./events-chart";
import styles from "./events-chart.module.css";

// The timeline's chart is drawn twice over: first as plain boxes, rendered on the server with the page, so the bars
// are there at first paint and without JavaScript; then, once a mouse pointer reaches the drawing, recharts
// replaces it in place with the same bars plus a tooltip and a hover cursor. Loading recharts with the page cost a
// phone about 1.5 s of blocked main thread (Lighthouse's mobile trace) for a tooltip nobody had asked for yet.

type Chart = ComponentType<EventsChartProps>;

const noSubscription = () => () => {};

export interface EventsChartSlotProps extends EventsChartProps {
  /** The count axis's ticks as recharts computes them (its getNiceTickValues, on the server), so both drawings share
   * a scale. */
  ticks: number[];
}

export function EventsChartSlot({ ticks, ...props }: EventsChartSlotProps) {
  const [Chart, setChart] = useState<Chart | null>(null);
  const asked = useRef(false);
  // False in the server's HTML and while hydrating, true after: the usual way to tell without an effect.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // A mouse only: the tooltip is a hover feature, and on a touch screen a swipe that starts on the chart would load
  // and parse recharts mid-scroll (a tap on a plain bar narrows the list already).
  const enhance = (event: PointerEvent) => {
    if (event.pointerType !== "mouse" || asked.current) return;
    asked.current = true;
    import("./events-chart").then(
      (module) => setChart(() => module.EventsChart),
      () => (asked.current = false), // a failed chunk leaves the plain drawing; the pointer's next visit tries again
    );
  };
  if (Chart) return <Chart {...props} />;
  return <PlainBars {...props} ticks={ticks} hydrated={hydrated} onPointerEnter={enhance} />;
}

interface PlainBarsProps extends EventsChartProps {
  ticks: number[];
  /** Until then a click does nothing, so the columns do not look clickable. */
  hydrated: boolean;
  onPointerEnter: (event: PointerEvent) => void;
}

/** Bars of the same heights on the same scale as recharts draws them, in boxes; a click narrows the list too. */
function PlainBars({ bars, label, activeKey, ticks, hydrated, onPointerEnter }: PlainBarsProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const top = Math.max(1, ticks.at(-1) ?? 1);
  const first = bars[0];
  const last = bars.at(-1);
  return (
    <div
      role="img"
      aria-label={label}
      className={styles.chart}
      data-chart="plain"
      data-pending={pending || undefined}
      data-hydrated={hydrated || undefined}
      onPointerEnter={onPointerEnter}
    >
      <div className={styles.plain}>
        <div className={styles.plot}>
          {ticks.map((tick) => (
            <span key={tick} className={styles.tick} style={{ bottom: percent(tick, top) }}>
              <span className={styles.tickValue}>{tick}</span>
            </span>
          ))}
          {/* One box per period; a period with events holds its bar, an empty one only keeps its place. */}
          <div className={styles.columns} data-testid="period-columns">
            {bars.map(({ key, href, count }) =>
              href ? (
                <span
                  key={key}
                  className={styles.column}
                  onClick={() => startTransition(() => router.push(href, { scroll: false }))}
                >
                  <span
                    className={styles.plainBar}
                    data-active={key === activeKey || undefined}
                    // recharts' minPointSize: a bar with any events stays visible however tall the peak.
                    style={{ height: `max(2px, ${percent(count, top)})` }}
                  />
                </span>
              ) : (
                <span key={key} className={styles.column} />
              ),
            )}
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

/** A share as a CSS percentage to two decimals: 33.33% rather than 33.33333333333333%, on every bar of every page. */
function percent(part: number, whole: number) {
  return `${Math.round((part / whole) * 10_000) / 100}%`;
}
