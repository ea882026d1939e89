import { describe, expect, it } from "vitest";
import { isNearMiss, normaliseQuote, quoteFinder, wordCount } from "@/lib/content/quotes";

const findQuote = (text: string, quote: string) => quoteFinder(text)(normaliseQuote(quote));

const TEXT = "Israel’s leadership entered 2025 expecting strong US backing  on Iran.";

describe("findQuote", () => {
  it("finds exact words and returns offsets into the original text", () => {
    const at = findQuote(TEXT, "entered 2025 expecting strong");
    expect(at).not.toBeNull();
    expect(TEXT.slice(at!.start, at!.end)).toBe("entered 2025 expecting strong");
  });

  it("treats straight and curly quotes, and runs of spaces, alike", () => {
    const at = findQuote(TEXT, "Israel's leadership entered");
    expect(TEXT.slice(at!.start, at!.end)).toBe("Israel’s leadership entered");
    const spaced = findQuote(TEXT, "US backing on Iran");
    expect(TEXT.slice(spaced!.start, spaced!.end)).toBe("US backing  on Iran");
  });

  it("does not match different words, case or punctuation", () => {
    expect(findQuote(TEXT, "entered 2026 expecting strong")).toBeNull();
    expect(findQuote(TEXT, "Entered 2025 expecting strong")).toBeNull();
    expect(isNearMiss(TEXT, "Entered 2025 expecting strong")).toBe(true);
    expect(isNearMiss(TEXT, "entered 2026 expecting strong")).toBe(false);
  });
});

describe("wordCount", () => {
  it("counts words", () => {
    expect(wordCount("  one two\nthree ")).toBe(3);
  });
});
