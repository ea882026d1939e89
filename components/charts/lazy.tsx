"use client";

import dynamic from "next/dynamic";

// The charts load after the page has hydrated, in their own chunk: recharts draws nothing on the server anyway (it
// measures its container), and kept out of the first bundle it no longer delays the page becoming interactive.
// Each chart's container reserves its height, so nothing shifts when it arrives.

export const LazyEventsChart = dynamic(() => import("./events-chart").then((m) => m.EventsChart), {
  ssr: false,
});

export const LazyLevelBars = dynamic(() => import("./level-bars").then((m) => m.LevelBars), { ssr: false });
