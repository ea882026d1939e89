"use client";

import { Bar, BarChart, LabelList, XAxis, YAxis } from "recharts";
import type { LevelCountsRow, SeriesKey } from "@/lib/series/matrix-levels";

export interface LevelBarsProps {
  data: LevelCountsRow[];
  keys: readonly SeriesKey[];
}

const FILL: Record<SeriesKey, string> = {
  divergent: "var(--divergent)",
  partial: "var(--partial)",
  aligned: "var(--aligned)",
  none: "var(--none)",
  unrated: "var(--bg-sunken)",
};

const BAR = 30;

/** One horizontal bar per snapshot, stacked by divergence level; the counts table beside it is the text. */
export function LevelBars({ data, keys }: LevelBarsProps) {
  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      style={{ width: "100%", height: data.length * (BAR + 16) + 8 }}
      margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
      barCategoryGap={8}
      accessibilityLayer={false}
    >
      <XAxis type="number" hide domain={[0, "dataMax"]} />
      <YAxis
        type="category"
        dataKey="label"
        width={96}
        tickLine={false}
        axisLine={false}
        tick={{ fill: "var(--fg)", fontSize: 13, fontFamily: "var(--font-ui)" }}
      />
      {keys.map((key) => (
        <Bar
          key={key}
          dataKey={key}
          stackId="levels"
          fill={FILL[key]}
          stroke={key === "unrated" ? "var(--rule-strong)" : "var(--bg)"}
          strokeWidth={1}
          barSize={BAR}
          isAnimationActive={false}
        >
          <LabelList
            dataKey={key}
            position="center"
            fill={key === "unrated" ? "var(--muted)" : "var(--bg)"}
            fontSize={13}
            fontWeight={700}
            fontFamily="var(--font-ui)"
            formatter={(value) => (Number(value) > 0 ? String(value) : "")}
          />
        </Bar>
      ))}
    </BarChart>
  );
}
