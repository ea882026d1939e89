import { describe, expect, it } from "vitest";
import {
  MARK_END as E,
  MARK_START as S,
  markedPieces,
  parseMarked,
  prefixMarked,
  withoutLoneFunctionWords,
} from "@/lib/search/marks";

describe("parseMarked", () => {
  it("turns markers into offsets and joins neighbouring matches", () => {
    expect(parseMarked(`a ${S}Al${E} ${S}Udeid${E} base`)).toEqual({
      text: "a Al Udeid base",
      marks: [[2, 10]],
    });
    expect(parseMarked(`${S}x${E}y${S}z${E}`)).toEqual({
      text: "xyz",
      marks: [
        [0, 1],
        [2, 3],
      ],
    });
  });

  it("survives unbalanced and empty markers", () => {
    expect(parseMarked(`${E}a${S}${E}b${S}c`)).toEqual({ text: "abc", marks: [[2, 3]] });
    expect(parseMarked(`${S}${S}a${E}${E}`)).toEqual({ text: "a", marks: [[0, 1]] });
  });

  it("keeps markup in the text as text", () => {
    const marked = parseMarked(`<script>${S}x${E}</script>`);
    expect(markedPieces(marked)).toEqual([
      { text: "<script>", mark: false },
      { text: "x", mark: true },
      { text: "</script>", mark: false },
    ]);
  });
});

describe("prefixMarked and withoutLoneFunctionWords", () => {
  it("shifts marks after a prefix", () => {
    expect(prefixMarked("Also called ", { text: "Jerusalem", marks: [[0, 9]] })).toEqual({
      text: "Also called Jerusalem",
      marks: [[12, 21]],
    });
  });

  it("drops a lone “of” when something else matched, but not when it is all there is", () => {
    const text = "meeting of the Board";
    expect(
      withoutLoneFunctionWords({
        text,
        marks: [
          [8, 10],
          [15, 20],
        ],
      }).marks,
    ).toEqual([[15, 20]]);
    expect(withoutLoneFunctionWords({ text, marks: [[8, 10]] }).marks).toEqual([[8, 10]]);
  });
});
