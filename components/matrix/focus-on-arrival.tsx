"use client";

import { useEffect } from "react";

/** Moves focus to the panel when a cell opens, so a screen reader announces what the link opened. */
export function FocusOnArrival({ targetId, cell }: { targetId: string; cell: string }) {
  useEffect(() => {
    // A cell link's #fragment has already placed its row and the panel in view; a bare shared URL has not.
    document.getElementById(targetId)?.focus({ preventScroll: Boolean(window.location.hash) });
  }, [targetId, cell]);
  return null;
}
