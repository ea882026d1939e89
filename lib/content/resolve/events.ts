import { resolveEventDate } from "../dates";
import type { LocatedYaml, Path } from "../parse";
import type { EventEntry } from "../schema";
import type { ResolvedEvent, ResolvedEvidence } from "../types";
import {
  isString,
  resolveEntries,
  suggest,
  unique,
  type EntriesOf,
  type References,
  type Report,
} from "./context";

/**
 * Events: each defined once, in the file of the article that first reports it; a reference in another article's file
 * adds that article's evidence. `unchecked` are events whose definition was already reported broken: a reference to
 * one is not reported again.
 */
export function resolveEvents(
  files: EntriesOf<EventEntry>[],
  unchecked: ReadonlySet<string>,
  refs: References,
  report: Report,
): ResolvedEvent[] {
  const definedAt = new Map<string, { event: ResolvedEvent; where: string }>();
  const references: { loc: LocatedYaml; path: Path; slug: string; evidence: ResolvedEvidence[] }[] = [];

  const events = resolveEntries(files, report, (entry, { loc, source, path, evidence: quotes }) => {
    const evidence = quotes(entry.evidence);
    if (entry.kind === "reference") {
      references.push({ loc, path, slug: entry.slug, evidence });
      return null;
    }
    const previous = definedAt.get(entry.slug);
    if (previous) {
      report(
        loc,
        [...path, "slug"],
        `duplicate event slug "${entry.slug}": already defined at ${previous.where}`,
      );
      return null;
    }
    const date = resolveEventDate(entry.date, source.published, (p, message) =>
      report(loc, [...path, "date", ...p], message),
    );
    const actors = entry.actors.map((ref, j) => refs.actor(loc, [...path, "actors", j], ref));
    const issues = entry.issues.map((ref, j) => refs.issue(loc, [...path, "issues", j], ref));
    if (entry.issues.length === 0) report(loc, [...path, "issues"], "an event belongs to at least one issue");
    const event: ResolvedEvent = {
      slug: entry.slug,
      title: entry.title,
      summary: entry.summary,
      claim: entry.claim,
      via: refs.actor(loc, [...path, "via"], entry.via),
      date: date ?? { stated: "", start: "", end: "", precision: "day", circa: false, basis: "" },
      article: source.slug,
      actors: unique(actors.filter(isString)),
      issues: unique(issues.filter(isString)),
      evidence,
    };
    definedAt.set(entry.slug, { event, where: `${loc.file}:${loc.lineOf([...path, "slug"])}` });
    return event;
  });

  for (const ref of references) {
    const defined = definedAt.get(ref.slug);
    if (defined) defined.event.evidence.push(...ref.evidence);
    else if (!unchecked.has(ref.slug)) {
      report(
        ref.loc,
        [...ref.path, "slug"],
        `event "${ref.slug}" is not defined in any annotation file${suggest(ref.slug, definedAt.keys())}`,
      );
    }
  }
  return events;
}
