"use client";

import dynamic from "next/dynamic";

// The timeline's chart loads after the page has hydrated, in its own chunk: recharts draws nothing on the server anyway (it
// measures its container), and kept out of the first bundle it no longer delays the page becoming interactive.
// Its container reserves its height, so nothing shifts when it arrives.

export const LazyEventsChart = dynamic(() => import("./events-chart").then((m) => m.EventsChart), {
  ssr: false,
});
