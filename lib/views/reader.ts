import { parseInline } from "@/lib/content/markdown";

// Splits a paragraph's inline Markdown into pieces for rendering: each piece is plain or marked (inside at least one
// annotated span), and knows the link it sits in. Offsets count in the paragraph's plain text, as quotes do.

export interface Piece {
  text: string;
  href: string | null;
  /** Indexes of the spans covering this piece; empty when unmarked. */
  spans: number[];
}

export function highlightPieces(source: string, spans: { start: number; end: number }[]): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const part of parseInline(source)) {
    const partStart = offset;
    const partEnd = offset + part.text.length;
    offset = partEnd;
    const cuts = new Set([partStart, partEnd]);
    for (const span of spans) {
      if (span.start > partStart && span.start < partEnd) cuts.add(span.start);
      if (span.end > partStart && span.end < partEnd) cuts.add(span.end);
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < bounds.length - 1; i++) {
      const [from, to] = [bounds[i]!, bounds[i + 1]!];
      const covering = spans.flatMap((span, index) => (span.start <= from && span.end >= to ? [index] : []));
      const text = part.text.slice(from - partStart, to - partStart);
      const href = part.type === "link" ? part.href : null;
      const last = pieces.at(-1);
      if (last && last.href === href && sameSpans(last.spans, covering) && part.type === "text") {
        last.text += text;
      } else pieces.push({ text, href, spans: covering });
    }
  }
  return pieces;
}

function sameSpans(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
