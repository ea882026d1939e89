// Sentences with their offsets in a paragraph's plain text: the text evidence quotes are matched against. The
// platform's sentence segmenter (ICU, through Intl.Segmenter) does the splitting; it breaks after every
// abbreviation followed by a capital ("U.S. President", "Lt. Gen."), so those breaks are undone here.
import type { Block } from "@/lib/content/markdown";

export interface Sentence {
  /** Paragraph number (`#p-<n>`). */
  paragraph: number;
  /** Index of the sentence in the article, from 0. */
  index: number;
  /** Offsets in the paragraph's text. */
  start: number;
  end: number;
  text: string;
  heading: boolean;
}

const TITLES =
  /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cpt|Sgt|Adm|Cmdr|Sen|Rep|Gov|Pres|Amb|St|Jr|Sr|No|Nos|vs|Inc|Co|Corp|Ltd|approx|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s*$/;
/** Dotted initialisms ("U.S.", "U.N.") and single initials ("J."). */
const INITIALISM = /(?:^|[\s(“"'‘])(?:\p{Lu}\.){1,4}\s*$/u;
/** Words that start a new sentence after an initialism ("… with the U.S. The talks …"). */
const SENTENCE_START =
  /^[“"‘']?(?:The|A|An|He|She|It|They|We|I|You|This|That|These|Those|In|On|At|But|And|However|Yet|Still|Meanwhile|Its|His|Her|Their|There|Both|Neither|As|When|While|After|Before|Since|For|If|Such|Some|Many|Most|Other|What|Who|How|Why|So|Instead|Even)\b/;

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Splits one paragraph's text into sentences, offsets included; surrounding white space is not part of one. */
export function splitSentences(text: string): { start: number; end: number; text: string }[] {
  const raw: { start: number; end: number }[] = [];
  for (const part of segmenter.segment(text)) {
    const start = part.index;
    const end = start + part.segment.length;
    const previous = raw[raw.length - 1];
    if (previous && joinsNext(text.slice(previous.start, previous.end), part.segment)) previous.end = end;
    else raw.push({ start, end });
  }
  return raw.flatMap(({ start, end }) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    return trimmed ? [{ start: start + lead, end: start + lead + trimmed.length, text: trimmed }] : [];
  });
}

function joinsNext(before: string, after: string): boolean {
  if (TITLES.test(before)) return true;
  if (INITIALISM.test(before)) return !SENTENCE_START.test(after.trimStart());
  return false;
}

/** Every sentence of an article's blocks, in reading order. */
export function segmentArticle(blocks: Pick<Block, "n" | "kind" | "text">[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    for (const s of splitSentences(block.text)) {
      sentences.push({
        paragraph: block.n,
        index: sentences.length,
        ...s,
        heading: block.kind === "heading",
      });
    }
  }
  return sentences;
}
