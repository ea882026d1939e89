// Screen widths that change what a page does, not only how it looks. The CSS modules repeat the width in their
// @media rules (timeline-filters.module.css, timeline.module.css), which cannot import it.

/** From this width the timeline's filters open as a sidebar, and a stored page starts its scripts at once. */
export const WIDE_SCREEN = "(min-width: 64rem)";
