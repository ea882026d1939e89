"use client";

import Link from "next/link";
import type { ChartBar } from "@/components/charts/events-chart";

export interface PeriodTableProps {
  /** The chart's own bars: the same array, so React sends it once for both. */
  bars: ChartBar[];
  unit: "month" | "year";
  className?: string;
}

/**
 * The chart's counts as a table of links, periods with none left out. A client component only so that it renders
 * from the bars the chart already receives instead of sending the same rows again as server markup.
 */
export function PeriodTable({ bars, unit, className }: PeriodTableProps) {
  return (
    <details className={className}>
      <summary>The counts as a table</summary>
      <table>
        <caption className="visually-hidden">Events per {unit}; periods with none are left out</caption>
        <thead>
          <tr>
            <th scope="col">{unit === "month" ? "Month" : "Year"}</th>
            <th scope="col">Events</th>
          </tr>
        </thead>
        <tbody>
          {bars.map(
            ({ key, href, name, count }) =>
              href && (
                <tr key={key}>
                  <th scope="row">
                    <Link href={href} scroll={false}>
                      {name}
                    </Link>
                  </th>
                  <td>{count}</td>
                </tr>
              ),
          )}
        </tbody>
      </table>
    </details>
  );
}
