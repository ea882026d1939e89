import type { Block } from "../markdown";
import type { LocatedYaml, Path } from "../parse";
import type { quoteFinder } from "../quotes";
import type { EvidenceEntry } from "../schema";
import type { ResolvedArticle, ResolvedEvidence } from "../types";
import type { Located } from "../validate";
import { resolveEvidence } from "./evidence";

// What the resolvers share: how they report a problem, and what a record may refer to.

export type Report = (loc: LocatedYaml, path: Path, message: string) => void;

export type SearchableBlock = Block & { find: ReturnType<typeof quoteFinder> };

/** An annotated article as the entries of its annotation file see it. */
export interface Source {
  slug: string;
  blocks: SearchableBlock[];
  published: ResolvedArticle["published"];
}

/** What entries refer to by name, and how a reference that names nothing is reported. */
export interface References {
  /** An actor by slug, name or alias: its slug, or null (reported at `path`). */
  actor(loc: LocatedYaml, path: Path, ref: string | undefined): string | null;
  /** An issue by slug, or null (reported at `path`). */
  issue(loc: LocatedYaml, path: Path, ref: string): string | null;
}

/** One annotation file's entries of one kind, with the article they annotate. */
export interface EntriesOf<E> {
  loc: LocatedYaml;
  source: Source;
  entries: Located<E>[];
}

/** What a resolver is given with each entry. */
export interface EntryContext {
  loc: LocatedYaml;
  source: Source;
  path: Path;
  /** The entry's quotes, found in its article. */
  evidence(entries: EvidenceEntry[]): ResolvedEvidence[];
  /** True for the first entry of its file with this key; a later one is reported with `message(firstLine)`. */
  first(key: string, message: (firstLine: number) => string): boolean;
}

/** Resolves every entry of every file with `resolve`; an entry it returns null for is left out. */
export function resolveEntries<E, R>(
  files: EntriesOf<E>[],
  report: Report,
  resolve: (entry: E, at: EntryContext) => R | null,
): R[] {
  return files.flatMap(({ loc, source, entries }) => {
    const firstAt = new Map<string, number>();
    return entries.flatMap(({ path, value }) => {
      const resolved = resolve(value, {
        loc,
        source,
        path,
        evidence: (quotes) => resolveEvidence(source, loc, [...path, "evidence"], quotes, report),
        first(key, message) {
          const line = firstAt.get(key);
          if (line !== undefined) return (report(loc, path, message(line)), false);
          firstAt.set(key, loc.lineOf(path));
          return true;
        },
      });
      return resolved === null ? [] : [resolved];
    });
  });
}

/**
 * The first index of each slug; every later one is reported as a duplicate. The one check for the content's shared
 * lists (actors, issues).
 */
export function firstBySlug(
  items: { slug: string }[],
  what: string,
  loc: LocatedYaml,
  report: Report,
): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach(({ slug }, i) => {
    const earlier = first.get(slug);
    if (earlier === undefined) first.set(slug, i);
    else
      report(
        loc,
        [i, "slug"],
        `duplicate ${what} slug "${slug}" (first at line ${loc.lineOf([earlier, "slug"])})`,
      );
  });
  return first;
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function isString(value: string | null): value is string {
  return value !== null;
}

/** ` (did you mean "x"?)` for a near slug. */
export function suggest(ref: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(ref.length / 4)) + 1;
  for (const candidate of known) {
    const distance = editDistance(ref.toLowerCase(), candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best ? ` (did you mean "${best}"?)` : "";
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
