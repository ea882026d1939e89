import { foldName } from "./normalize";

// The query language, parsed into terms by us and never handed to a store as written: each store compiles the
// parsed form into its own syntax (lib/search/fts5.ts for SQLite), quoting every term, so no input can be read as
// an operator. Like a web search box:
//   words            every word must match, in any form (“strikes” finds “strike”)
//   "a phrase"       the words next to each other, in this order
//   hez*             any word that begins with “hez”
//   -word, -"a b"    leave out what matches
//   a OR b           either (between two words or phrases)
// Diacritics and case never matter; the stores fold them.

/** Longer input is cut here; nobody types more into a search box, and the store's work grows with it. */
export const MAX_QUERY_CHARS = 200;
/** Words and phrases beyond this are dropped, with a note. */
export const MAX_TERMS = 12;
/** Letters or digits a prefix needs before its `*`: shorter prefixes match most of the index. */
export const MIN_PREFIX = 2;

export interface SearchTerm {
  /** The word or phrase as typed (punctuation kept: the store's tokenizer reads it as it reads the documents). */
  text: string;
  phrase: boolean;
  prefix: boolean;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms does (`a OR b`). */
  all: SearchTerm[][];
  /** Documents matching any of these are left out. */
  none: SearchTerm[];
  /** The query as understood, written back in the query language; "" when nothing searchable is left. */
  text: string;
  /** A plain query's words folded (lib/search/normalize.ts), to find a name that is exactly what was typed. */
  exactName: string | null;
  /** What was changed or ignored, in words for the reader. */
  notes: string[];
}

const QUOTES = new Set(['"', "“", "”", "„", "‟", "«", "»"]);
const DASHES = new Set(["-", "−", "–"]);
const SPACE = /\s/u;
const SEARCHABLE = /[\p{L}\p{N}]/u;

/** Parses what a reader typed. Never throws: anything unusable is dropped and named in `notes`. */
export function parseQuery(input: string): ParsedQuery {
  const notes: string[] = [];
  let text = input.toWellFormed().normalize("NFKC");
  if (/[\p{Cc}\p{Cf}]/u.test(text.replace(/[\t\n\r]/g, ""))) notes.push("Control characters were removed.");
  text = text.replace(/\p{Cf}/gu, "").replace(/\p{Cc}/gu, " ");
  const chars = Array.from(text);
  if (chars.length > MAX_QUERY_CHARS) {
    notes.push(`Only the first ${MAX_QUERY_CHARS} characters were searched.`);
    chars.length = MAX_QUERY_CHARS;
  }

  type Token = { term: SearchTerm; negated: boolean } | { or: true };
  const tokens: Token[] = [];
  const ignored: string[] = [];
  let unclosed = false;
  let shortPrefix = false;
  let i = 0;
  while (i < chars.length) {
    if (SPACE.test(chars[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (DASHES.has(chars[i]!) && i + 1 < chars.length && !SPACE.test(chars[i + 1]!)) {
      negated = true;
      i++;
    }
    if (QUOTES.has(chars[i]!)) {
      let end = i + 1;
      while (end < chars.length && !QUOTES.has(chars[end]!)) end++;
      if (end >= chars.length) unclosed = true;
      const phrase = chars
        .slice(i + 1, end)
        .join("")
        .replace(/\s+/gu, " ")
        .trim();
      i = end + 1;
      // A star after a closing quote means nothing here; skip it rather than search it as a word.
      while (chars[i] === "*") i++;
      if (!SEARCHABLE.test(phrase)) {
        if (phrase) ignored.push(`"${phrase}"`);
        continue;
      }
      tokens.push({ term: { text: phrase, phrase: phrase.includes(" "), prefix: false }, negated });
      continue;
    }
    let end = i;
    while (end < chars.length && !SPACE.test(chars[end]!) && !QUOTES.has(chars[end]!)) end++;
    const typed = chars.slice(i, end).join("");
    let word = typed;
    i = end;
    if (word === "OR" && !negated) {
      tokens.push({ or: true });
      continue;
    }
    let prefix = false;
    if (word.endsWith("*")) {
      word = word.replace(/\*+$/, "");
      const last = word.split(/[^\p{L}\p{N}]+/u).at(-1) ?? "";
      if (Array.from(last).length >= MIN_PREFIX) prefix = true;
      else if (SEARCHABLE.test(word)) shortPrefix = true;
    }
    if (!SEARCHABLE.test(word)) {
      ignored.push(`${negated ? "-" : ""}${typed}`);
      continue;
    }
    tokens.push({ term: { text: word, phrase: false, prefix }, negated });
  }

  const all: SearchTerm[][] = [];
  const none: SearchTerm[] = [];
  let terms = 0;
  let dropped = 0;
  let strayOr = false;
  // An OR is pending after a word to look for; the next such word joins that word's group.
  let pendingOr = false;
  let afterPositive = false;
  for (const token of tokens) {
    if ("or" in token) {
      if (afterPositive && !pendingOr) pendingOr = true;
      else strayOr = true;
      continue;
    }
    if (terms >= MAX_TERMS) {
      dropped++;
      continue;
    }
    terms++;
    if (token.negated) {
      none.push(token.term);
      if (pendingOr) strayOr = true;
      afterPositive = false;
    } else {
      if (pendingOr) all.at(-1)!.push(token.term);
      else all.push([token.term]);
      afterPositive = true;
    }
    pendingOr = false;
  }
  if (pendingOr) strayOr = true;

  if (unclosed) notes.push("A quote was not closed: it was closed at the end.");
  if (ignored.length > 0)
    notes.push(
      `Ignored ${list(ignored)}: ${ignored.length === 1 ? "it has" : "they have"} no letters or digits.`,
    );
  if (shortPrefix)
    notes.push(
      `A prefix needs at least ${MIN_PREFIX} letters before *; shorter ones were searched as words.`,
    );
  if (strayOr) notes.push("OR joins two words or phrases (a OR b); a stray OR was ignored.");
  if (dropped > 0)
    notes.push(`Only the first ${MAX_TERMS} words and phrases were searched (${dropped} left out).`);
  if (all.length === 0 && none.length > 0)
    notes.push("Words with a minus only leave things out: add a word to look for.");

  const exactName =
    none.length === 0 && all.length > 0 && all.every((g) => g.length === 1 && !g[0]!.prefix)
      ? foldName(all.map((g) => g[0]!.text).join(" ")) || null
      : null;
  return { all, none, text: queryText(all, none), exactName, notes };
}

function termText(term: SearchTerm): string {
  return term.phrase || /[\s*]/u.test(term.text) || term.text === "OR" || DASHES.has(term.text[0]!)
    ? `"${term.text}"`
    : `${term.text}${term.prefix ? "*" : ""}`;
}

/** The query written back in the query language: parsing it again gives the same terms. */
export function queryText(all: SearchTerm[][], none: SearchTerm[]): string {
  return [
    ...all.map((group) => group.map(termText).join(" OR ")),
    ...none.map((term) => `-${termText(term)}`),
  ].join(" ");
}

function list(items: string[]): string {
  const shown = items.slice(0, 5).map((s) => `“${s.length > 20 ? `${s.slice(0, 19)}…` : s}”`);
  return items.length > 5 ? `${shown.join(", ")} and ${items.length - 5} more` : shown.join(", ");
}

/** Whether a parsed query has anything to look for. */
export function isSearchable(query: ParsedQuery): boolean {
  return query.all.length > 0;
}
