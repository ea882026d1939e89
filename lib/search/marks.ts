// Highlighted text without HTML. Stores wrap each match in two control characters that content can never contain
// (lib/search/normalize.ts strips them before indexing); this turns that into plain text plus offsets, which the
// page renders as <mark> elements and the API returns as numbers. Nothing from the index is ever parsed as markup.

export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** Text with highlighted ranges: `[start, end)` offsets in UTF-16 code units, in order, not overlapping. */
export interface Marked {
  text: string;
  marks: [number, number][];
}

export function parseMarked(raw: string): Marked {
  let text = "";
  const marks: [number, number][] = [];
  let open: number | null = null;
  for (const ch of raw) {
    if (ch === MARK_START) {
      if (open === null) open = text.length;
    } else if (ch === MARK_END) {
      if (open !== null && text.length > open) {
        const last = marks.at(-1);
        // Adjacent matches ("Al" "Udeid") read as one highlight.
        if (last && (last[1] === open || text.slice(last[1], open).trim() === "")) last[1] = text.length;
        else marks.push([open, text.length]);
      }
      open = null;
    } else text += ch;
  }
  if (open !== null && text.length > open) marks.push([open, text.length]);
  return { text, marks };
}

// Words too common to be worth a highlight on their own: with no stopwords in the index, “of” in “Board of Peace”
// matches every “of” in a snippet. Kept when they are all that matched, or inside a longer highlight.
const FUNCTION_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "in",
  "is",
  "it",
  "of",
  "on",
  "or",
  "the",
  "to",
]);

/** Drops highlights of lone function words when something else is highlighted too. */
export function withoutLoneFunctionWords(marked: Marked): Marked {
  const kept = marked.marks.filter(([s, e]) => !FUNCTION_WORDS.has(marked.text.slice(s, e).toLowerCase()));
  return kept.length > 0 ? { text: marked.text, marks: kept } : marked;
}

/** The same text and marks, shifted right by `offset` characters of `prefix`. */
export function prefixMarked(prefix: string, marked: Marked): Marked {
  return {
    text: prefix + marked.text,
    marks: marked.marks.map(([s, e]) => [s + prefix.length, e + prefix.length]),
  };
}

/** The text cut into plain and marked pieces, for rendering. */
export function markedPieces(marked: Marked): { text: string; mark: boolean }[] {
  const pieces: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of marked.marks) {
    if (start > at) pieces.push({ text: marked.text.slice(at, start), mark: false });
    pieces.push({ text: marked.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < marked.text.length) pieces.push({ text: marked.text.slice(at), mark: false });
  return pieces;
}
