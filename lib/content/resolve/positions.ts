import type { PositionEntry } from "../schema";
import type { ResolvedPosition } from "../types";
import { resolveEntries, type EntriesOf, type References, type Report } from "./context";

/** Positions: one per actor and issue in an article, with the voice and channel it comes through. */
export function resolvePositions(
  files: EntriesOf<PositionEntry>[],
  refs: References,
  report: Report,
): ResolvedPosition[] {
  return resolveEntries(files, report, (entry, { loc, source, path, evidence: quotes, first }) => {
    const actor = refs.actor(loc, [...path, "actor"], entry.actor);
    const issue = refs.issue(loc, [...path, "issue"], entry.issue);
    const voice = refs.actor(loc, [...path, "voice"], entry.voice);
    const via = refs.actor(loc, [...path, "via"], entry.via);
    const evidence = quotes(entry.evidence);
    if (!actor || !issue) return null;
    const once = first(
      `${actor}|${issue}`,
      (line) =>
        `second position of "${actor}" on "${issue}" in this article (first at line ${line}); merge them`,
    );
    return once ? { ...entry, actor, issue, article: source.slug, voice, via, evidence } : null;
  });
}
