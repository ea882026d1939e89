"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import styles from "./events-chart.module.css";

export interface ChartBar {
  key: string;
  label: string;
  name: string;
  count: number;
  /** The timeline narrowed to this period; only where the period has events (an empty one is not a link). */
  href?: string;
}

export interface EventsChartProps {
  bars: ChartBar[];
  /** Screen-reader name of the drawing; the table beside it carries the numbers. */
  label: string;
  /** The bar whose period is the current date filter, if any. */
  activeKey: string | null;
}

/**
 * Bars of events per period; clicking one narrows the timeline to it. The drawing is one image to assistive
 * technology: the same counts, with the same links, are in the table next to it (PeriodTable).
 */
export function EventsChart({ bars, label, activeKey }: EventsChartProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const open = (index: number) => {
    const href = bars[index]?.href;
    if (href) startTransition(() => router.push(href, { scroll: false }));
  };
  return (
    <div role="img" aria-label={label} className={styles.chart} data-pending={pending || undefined}>
      <BarChart
        data={bars}
        responsive
        width="100%"
        height="100%"
        margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
        accessibilityLayer={false}
        barCategoryGap="12%"
        cursor="pointer"
      >
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" minTickGap={18} />
        <YAxis allowDecimals={false} width={32} tickLine={false} axisLine={false} />
        <Tooltip
          cursor={{ className: styles.cursor }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const bar = active ? (payload?.[0]?.payload as ChartBar | undefined) : undefined;
            if (!bar) return null;
            return (
              <div className={styles.tooltip}>
                <strong>{bar.name}</strong>
                <br />
                {bar.count} event{bar.count === 1 ? "" : "s"}
                {bar.count > 0 && <span className={styles.tip}> · click to show</span>}
              </div>
            );
          }}
        />
        {/* The background makes the whole column the target, so a short bar is as easy to hit as a tall one. */}
        <Bar
          dataKey="count"
          isAnimationActive={false}
          className={styles.bar}
          minPointSize={(value) => (Number(value) > 0 ? 2 : 0)}
          background={{ fill: "transparent" }}
          onClick={(_, index) => open(index)}
        >
          {bars.map((bar) => (
            <Cell key={bar.key} className={bar.key === activeKey ? styles.active : undefined} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
