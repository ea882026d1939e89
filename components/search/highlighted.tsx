import { markedPieces, type Marked } from "@/lib/search/marks";

/** Text with what matched in <mark>: built from offsets, so nothing from the index is read as HTML. */
export function Highlighted({ value }: { value: Marked }) {
  return markedPieces(value).map((piece, i) =>
    piece.mark ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
  );
}
