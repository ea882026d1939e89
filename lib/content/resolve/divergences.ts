import { DEFAULT_PAIR } from "@/lib/domain";
import type { LocatedYaml } from "../parse";
import type { DivergenceEntry } from "../schema";
import type { ResolvedDivergence } from "../types";
import type { Located } from "../validate";
import type { References, Report, Source } from "./context";
import { resolveEvidence } from "./evidence";

interface AnnotationDivergences {
  loc: LocatedYaml;
  source: Source;
  divergence: Located<DivergenceEntry>[];
}

/** Divergence ratings: of two different actors (the default pair unless named), one per pair and issue in an article. */
export function resolveDivergences(
  files: AnnotationDivergences[],
  refs: References,
  report: Report,
): ResolvedDivergence[] {
  const divergences: ResolvedDivergence[] = [];
  for (const { loc, source, divergence: entries } of files) {
    const firstAt = new Map<string, number>();
    for (const { path, value: entry } of entries) {
      const issue = refs.issue(loc, [...path, "issue"], entry.issue);
      const [refA, refB] = entry.pair ?? DEFAULT_PAIR;
      const a = refs.actor(loc, [...path, "pair", 0], refA);
      const b = refs.actor(loc, [...path, "pair", 1], refB);
      const evidence = resolveEvidence(source, loc, [...path, "evidence"], entry.evidence, report);
      if (!issue || !a || !b) continue;
      if (a === b) {
        report(loc, [...path, "pair"], "a divergence pair needs two different actors");
        continue;
      }
      const key = `${issue}|${[a, b].sort().join("|")}`;
      const first = firstAt.get(key);
      if (first !== undefined) {
        report(loc, path, `second ${a}–${b} rating of "${issue}" in this article (first at line ${first})`);
        continue;
      }
      firstAt.set(key, loc.lineOf(path));
      divergences.push({
        issue,
        article: source.slug,
        a,
        b,
        level: entry.level,
        by: entry.by,
        rationale: entry.rationale,
        evidence,
      });
    }
  }
  return divergences;
}
