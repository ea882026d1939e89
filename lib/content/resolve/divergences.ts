import { DEFAULT_PAIR } from "@/lib/domain";
import type { DivergenceEntry } from "../schema";
import type { ResolvedDivergence } from "../types";
import { resolveEntries, type EntriesOf, type References, type Report } from "./context";

/** Divergence ratings: of two different actors (the default pair unless named), one per pair and issue in an article. */
export function resolveDivergences(
  files: EntriesOf<DivergenceEntry>[],
  refs: References,
  report: Report,
): ResolvedDivergence[] {
  return resolveEntries(files, report, (entry, { loc, source, path, evidence: quotes, first }) => {
    const issue = refs.issue(loc, [...path, "issue"], entry.issue);
    const [refA, refB] = entry.pair ?? DEFAULT_PAIR;
    const a = refs.actor(loc, [...path, "pair", 0], refA);
    const b = refs.actor(loc, [...path, "pair", 1], refB);
    const evidence = quotes(entry.evidence);
    if (!issue || !a || !b) return null;
    if (a === b)
      return (report(loc, [...path, "pair"], "a divergence pair needs two different actors"), null);
    const once = first(
      `${issue}|${[a, b].sort().join("|")}`,
      (line) => `second ${a}–${b} rating of "${issue}" in this article (first at line ${line})`,
    );
    if (!once) return null;
    const { level, by, rationale } = entry;
    return { issue, article: source.slug, a, b, level, by, rationale, evidence };
  });
}
