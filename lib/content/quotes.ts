// Finding a quote in an article. Curly and straight quotation marks and runs of white space count as the same,
// because annotators type straight quotes; everything else, letters, dashes and punctuation, must match exactly.

const EQUIVALENT: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u00A0": " ",
};

/** Normalised text plus, for every normalised character, the index it came from in the original. */
function normalise(text: string): { text: string; origin: number[] } {
  let out = "";
  const origin: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = EQUIVALENT[text[i]!] ?? text[i]!;
    if (/\s/.test(ch)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      out += " ";
    } else {
      lastWasSpace = false;
      out += ch;
    }
    origin.push(i);
  }
  return { text: out, origin };
}

export function normaliseQuote(quote: string): string {
  return normalise(quote.trim()).text;
}

export function wordCount(quote: string): number {
  return quote.trim().split(/\s+/).filter(Boolean).length;
}

/**
 * A finder over one text, normalised once, taking a needle already passed through `normaliseQuote`: an article's
 * paragraphs are searched for every quote of every annotation, so normalising per search would dominate a build.
 */
export function quoteFinder(text: string): (needle: string) => { start: number; end: number } | null {
  const haystack = normalise(text);
  return (needle) => {
    if (needle === "") return null;
    const at = haystack.text.indexOf(needle);
    if (at < 0) return null;
    return { start: haystack.origin[at]!, end: haystack.origin[at + needle.length - 1]! + 1 };
  };
}

/** Whether the quote is in the text when case and punctuation are ignored: a near miss, worth saying so. */
export function isNearMiss(text: string, quote: string): boolean {
  const loose = (s: string) =>
    normaliseQuote(s)
      .toLowerCase()
      .replace(/[^\p{L}\p{N} ]+/gu, "")
      .replace(/ +/g, " ")
      .trim();
  const needle = loose(quote);
  return needle.length > 0 && loose(text).includes(needle);
}
