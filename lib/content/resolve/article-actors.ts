import type { ArticleActorEntry } from "../schema";
import type { ResolvedArticleActor } from "../types";
import { resolveEntries, type EntriesOf, type References, type Report } from "./context";

/**
 * The actors each article discusses (an annotation file's `actors:` list): one link per article and actor across
 * every file given, so an item a draft file still holds after it was accepted is reported at the draft.
 */
export function resolveArticleActors(
  files: EntriesOf<ArticleActorEntry>[],
  refs: References,
  report: Report,
): ResolvedArticleActor[] {
  const listedAt = new Map<string, { file: string; line: number }>();
  return resolveEntries(files, report, (entry, { loc, source, path, evidence: quotes }) => {
    const actor = refs.actor(loc, [...path, "actor"], entry.actor);
    const evidence = quotes(entry.evidence);
    if (!actor) return null;
    const key = `${source.slug}|${actor}`;
    const first = listedAt.get(key);
    if (first) {
      const hint = first.file !== loc.file ? " (an accepted draft item is moved, not copied)" : "";
      report(
        loc,
        path,
        `actor "${actor}" is already listed for this article at ${first.file}:${first.line}${hint}`,
      );
      return null;
    }
    listedAt.set(key, { file: loc.file, line: loc.lineOf(path) });
    return { article: source.slug, actor, evidence };
  });
}
