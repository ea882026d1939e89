import type { LocatedYaml, Path } from "../parse";
import { isNearMiss, normaliseQuote, wordCount } from "../quotes";
import type { EvidenceEntry } from "../schema";
import type { ResolvedEvidence } from "../types";
import type { Report, SearchableBlock, Source } from "./context";

const MIN_QUOTE_WORDS = 4;

/** Each quote found in its article, exactly once; one that is not is reported and left out. */
export function resolveEvidence(
  source: Source,
  loc: LocatedYaml,
  path: Path,
  entries: EvidenceEntry[],
  report: Report,
): ResolvedEvidence[] {
  return entries.flatMap((entry, i) => {
    const found = locateQuote(source.slug, source.blocks, entry);
    if ("error" in found) {
      report(loc, [...path, i], found.error);
      return [];
    }
    return [found];
  });
}

function locateQuote(
  article: string,
  blocks: SearchableBlock[],
  entry: EvidenceEntry,
): ResolvedEvidence | { error: string } {
  const short = entry.quote.length > 60 ? `${entry.quote.slice(0, 57)}…` : entry.quote;
  if (wordCount(entry.quote) < MIN_QUOTE_WORDS) {
    return { error: `quote "${entry.quote}" is shorter than ${MIN_QUOTE_WORDS} words` };
  }
  let candidates = blocks;
  if (entry.paragraph !== undefined) {
    const block = blocks.find((b) => b.n === entry.paragraph);
    if (!block)
      return { error: `article "${article}" has no paragraph ${entry.paragraph} (it has ${blocks.length})` };
    candidates = [block];
  }
  const needle = normaliseQuote(entry.quote);
  const hits = candidates.flatMap((block) => {
    const at = block.find(needle);
    return at ? [{ block, ...at }] : [];
  });
  const [hit, ...more] = hits;
  if (!hit) {
    const near = candidates.some((block) => isNearMiss(block.text, entry.quote));
    const where = entry.paragraph !== undefined ? `paragraph ${entry.paragraph} of ` : "";
    return {
      error: `quote not found in ${where}article "${article}": "${short}"${near ? " (it differs from the text in case or punctuation)" : ""}`,
    };
  }
  if (more.length > 0) {
    return {
      error: `quote "${short}" occurs in paragraphs ${hits.map((h) => h.block.n).join(", ")} of "${article}": add paragraph: <n>`,
    };
  }
  return {
    article,
    paragraph: hit.block.n,
    quote: hit.block.text.slice(hit.start, hit.end),
    start: hit.start,
    end: hit.end,
  };
}
