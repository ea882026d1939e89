"use client";

import { useEffect } from "react";

/** Moves focus to the panel when a cell opens, so a screen reader announces what the link opened. */
export function FocusOnArrival({ targetId, cell }: { targetId: string; cell: string }) {
  useEffect(() => {
    // Only on arrival: on a phone the scripts start with the reader's first use (lib/serve/hydrate.ts marks it), and
    // focus moved then would take the reader away from what they just touched.
    if (document.documentElement.dataset.hydrate === "on-use") return;
    // A cell link's #fragment has already placed its row and the panel in view; a bare shared URL has not.
    document.getElementById(targetId)?.focus({ preventScroll: Boolean(window.location.hash) });
  }, [targetId, cell]);
  return null;
}
