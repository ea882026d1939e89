import { describe, expect, it } from "vitest";
import { highlightPieces } from "@/lib/views/reader";

describe("highlightPieces", () => {
  it("marks spans, splits them at link boundaries and keeps overlaps", () => {
    // plain text: "Talks resumed yesterday in Geneva today."
    const source = "Talks resumed yesterday in [Geneva](https://example.org/g) today.";
    const pieces = highlightPieces(source, [
      { start: 6, end: 33 }, // "resumed yesterday in Geneva"
      { start: 14, end: 23 }, // "yesterday"
    ]);
    expect(pieces.map((p) => [p.text, p.href, p.spans])).toEqual([
      ["Talks ", null, []],
      ["resumed ", null, [0]],
      ["yesterday", null, [0, 1]],
      [" in ", null, [0]],
      ["Geneva", "https://example.org/g", [0]],
      [" today.", null, []],
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe("Talks resumed yesterday in Geneva today.");
  });

  it("returns the text whole when nothing is marked", () => {
    expect(highlightPieces("Plain words.", [])).toEqual([{ text: "Plain words.", href: null, spans: [] }]);
  });
});
