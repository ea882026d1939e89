"use client";

import { useEffect } from "react";

/** Moves focus to the panel when a cell opens, so a screen reader announces what the link opened. */
export function FocusOnArrival({ targetId, cell }: { targetId: string; cell: string }) {
  useEffect(() => {
    // preventScroll: the link's own #fragment has already placed the row and panel in view.
    document.getElementById(targetId)?.focus({ preventScroll: true });
  }, [targetId, cell]);
  return null;
}
