import type { LocatedYaml } from "../parse";
import type { PositionEntry } from "../schema";
import type { ResolvedPosition } from "../types";
import type { Located } from "../validate";
import type { References, Report, Source } from "./context";
import { resolveEvidence } from "./evidence";

interface AnnotationPositions {
  loc: LocatedYaml;
  source: Source;
  positions: Located<PositionEntry>[];
}

/** Positions: one per actor and issue in an article, with the voice and channel it comes through. */
export function resolvePositions(
  files: AnnotationPositions[],
  refs: References,
  report: Report,
): ResolvedPosition[] {
  const positions: ResolvedPosition[] = [];
  for (const { loc, source, positions: entries } of files) {
    const firstAt = new Map<string, number>();
    for (const { path, value: entry } of entries) {
      const actor = refs.actor(loc, [...path, "actor"], entry.actor);
      const issue = refs.issue(loc, [...path, "issue"], entry.issue);
      const voice = refs.actor(loc, [...path, "voice"], entry.voice);
      const via = refs.actor(loc, [...path, "via"], entry.via);
      const evidence = resolveEvidence(source, loc, [...path, "evidence"], entry.evidence, report);
      if (!actor || !issue) continue;
      const key = `${actor}|${issue}`;
      const first = firstAt.get(key);
      if (first !== undefined) {
        report(
          loc,
          path,
          `second position of "${actor}" on "${issue}" in this article (first at line ${first}); merge them`,
        );
        continue;
      }
      firstAt.set(key, loc.lineOf(path));
      positions.push({ ...entry, actor, issue, article: source.slug, voice, via, evidence });
    }
  }
  return positions;
}
