import type { z } from "zod";
import type { ContentProblem } from "./errors";
import type { LocatedYaml, Parsed, Path } from "./parse";
import {
  annotationSchema,
  articleActorSchema,
  divergenceSchema,
  draftEntrySchemas,
  draftSchema,
  eventSchema,
  positionSchema,
  type ArticleActorEntry,
  type DivergenceEntry,
  type DraftEntry,
  type EventEntry,
  type PositionEntry,
} from "./schema";

/**
 * Validates the value at `at` (the whole document by default) against a schema; each problem is located to the line
 * of the offending value and named by its full path in the file.
 */
export function validate<S extends z.ZodType>(
  source: LocatedYaml,
  schema: S,
  at: Path = [],
): Parsed<z.output<S>> {
  const value = at.length === 0 ? (source.data ?? undefined) : valueAt(source.data, at);
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = [...at, ...(issue.path as Path)];
      return { file: source.file, line: source.lineOf(path), message: describe(issue, path) };
    }),
  };
}

/** A validated entry of an annotation file, with its path there (for locating what the resolve stage finds). */
export interface Located<T> {
  path: Path;
  value: T;
}

export interface ValidatedAnnotation {
  events: Located<EventEntry>[];
  positions: Located<PositionEntry>[];
  divergence: Located<DivergenceEntry>[];
  actors: Located<ArticleActorEntry>[];
}

/** A draft file: the reviewed shapes it shares with annotations, and the assist's own findings. */
export interface ValidatedDraft extends Omit<ValidatedAnnotation, "divergence"> {
  mentions: Located<DraftEntry<"mentions">>[];
  candidates: Located<DraftEntry<"candidates">>[];
  dates: Located<DraftEntry<"dates">>[];
  not_events: Located<DraftEntry<"not_events">>[];
  issues: Located<DraftEntry<"issues">>[];
}

interface EntriesResult<V> {
  value: V | null;
  problems: ContentProblem[];
  failedEvents: string[];
}

/**
 * Validates an annotation file entry by entry: a bad entry is reported and left out, and the rest of the file still
 * counts. `failedEvents` are the slugs of event entries left out (every event the file names, when its shape is
 * wrong), so that references to them elsewhere are not reported a second time.
 */
export function validateAnnotation(source: LocatedYaml): EntriesResult<ValidatedAnnotation> {
  return validateEntries(source, annotationSchema, {
    events: eventSchema,
    positions: positionSchema,
    divergence: divergenceSchema,
    actors: articleActorSchema,
  });
}

/** Validates a draft file (content/drafts/<slug>.yaml) entry by entry, as an annotation file is. */
export function validateDraft(source: LocatedYaml): EntriesResult<ValidatedDraft> {
  return validateEntries(source, draftSchema, {
    events: eventSchema,
    positions: positionSchema,
    actors: articleActorSchema,
    ...draftEntrySchemas,
  });
}

type Entries<S extends Record<string, z.ZodType>> = { [K in keyof S]: Located<z.output<S[K]>>[] };

/** The file's shape first (its sections, each a list), then each entry of each section with its own schema. */
function validateEntries<S extends Record<string, z.ZodType>>(
  source: LocatedYaml,
  shape: z.ZodType<Record<keyof S, unknown[]>>,
  sections: S,
): EntriesResult<Entries<S>> {
  const file = validate(source, shape);
  if (!file.ok) return { value: null, problems: file.problems, failedEvents: eventSlugsIn(source.data) };
  const problems: ContentProblem[] = [];
  const failedEvents: string[] = [];
  const value = {} as Entries<S>;
  for (const section of Object.keys(sections) as (keyof S & string)[]) {
    value[section] = file.value[section].flatMap((item, i) => {
      const path = [section, i];
      const result = validate(source, sections[section]!, path);
      if (result.ok) return [{ path, value: result.value }];
      problems.push(...result.problems);
      const slug = slugOf(item);
      if (section === "events" && slug !== null) failedEvents.push(slug);
      return [];
    });
  }
  return { value, problems, failedEvents };
}

/** The slugs of the events an annotation file names, read from its data as written. */
function eventSlugsIn(data: unknown): string[] {
  const events = (data as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? events.map(slugOf).filter((slug) => slug !== null) : [];
}

function slugOf(entry: unknown): string | null {
  const slug = (entry as { slug?: unknown } | null)?.slug;
  return typeof slug === "string" ? slug : null;
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, key) => (value === null || typeof value !== "object" ? undefined : (value as never)[key]),
    data,
  );
}

function pathText(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    "",
  );
}

function describe(issue: z.core.$ZodIssue, path: Path): string {
  const where = pathText(path);
  const at = where ? `${where}: ` : "";
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) {
    const key = path[path.length - 1];
    return typeof key === "string" ? `missing field "${where}"` : `${at}missing value`;
  }
  if (issue.code === "unrecognized_keys") {
    return `${at}unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  }
  if (issue.code === "invalid_union")
    return `${at}expected a quote, or an object with "quote" and "paragraph"`;
  return `${at}${issue.message}`;
}

export function problemAt(source: LocatedYaml, path: Path, message: string): ContentProblem {
  return { file: source.file, line: source.lineOf(path), message };
}
