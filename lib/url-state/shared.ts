import { z } from "zod";
import type { KnownSlugs } from "@/lib/queries/known";

// Reading a view's state from its URL, shared by the views. Each view has one zod schema, built for the slugs the
// database knows, and reads it two ways: strictly for the API (a bad value is a 400 listing zod's issue paths) and
// leniently for its page (`.catch` drops a bad value, the page shows a note for it and the rest of the link works).

export type { KnownSlugs };

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every value of a parameter, from either URLSearchParams or Next's `searchParams` object. */
function readAll(params: SearchParamsInput, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A single-valued parameter: the last value wins, as in a form that repeats a field. */
function readLast(params: SearchParamsInput, key: string): string | undefined {
  return readAll(params, key).at(-1);
}

/** The raw values of a view's parameters, by name: every value of a repeatable one, the last of any other. */
export function readParams<N extends Record<string, string>>(
  params: SearchParamsInput,
  names: N,
  repeatable: readonly (keyof N)[] = [],
): Record<keyof N, string[] | string | undefined> {
  const entries = Object.entries(names).map(([key, name]) => [
    key,
    repeatable.includes(key) ? readAll(params, name) : readLast(params, name),
  ]);
  return Object.fromEntries(entries) as Record<keyof N, string[] | string | undefined>;
}

/** Parameters that are not the view's own. `_`-prefixed keys belong to the framework, `utm_` tags to whoever shared
 * the link: neither is a mistake in it. */
export function unknownParams(params: SearchParamsInput, names: Readonly<Record<string, string>>): string[] {
  const own: readonly string[] = Object.values(names);
  const keys = params instanceof URLSearchParams ? [...new Set(params.keys())] : Object.keys(params);
  return keys.filter((key) => !own.includes(key) && !key.startsWith("_") && !key.startsWith("utm_"));
}

/** A problem with a query, as the API reports it: zod's path into the parameters, and what is wrong. */
export interface QueryProblem {
  path: (string | number)[];
  message: string;
}

export type StrictResult<T> = { ok: true; value: T } | { ok: false; problems: QueryProblem[] };

/** Strict reading, for the API: the value, or every problem zod found. */
export function parseStrict<S extends z.ZodType>(schema: S, raw: unknown): StrictResult<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
  };
}

/** A page's state, and a note for each value of its URL that was dropped. */
export interface LenientResult<T> {
  state: T;
  dropped: string[];
}

/** Lenient reading, for a page: the state, and a note for each value the schema (built with the notes) dropped. */
export function parseLenient<K extends string, T>(
  order: readonly K[],
  schemaWith: (notes: DroppedNotes<K>) => z.ZodType<T>,
  raw: unknown,
  alsoNote?: (notes: DroppedNotes<K>) => void,
): LenientResult<T> {
  const notes = new DroppedNotes(order);
  const state = schemaWith(notes).parse(raw);
  alsoNote?.(notes);
  return { state, dropped: notes.list() };
}

/** A value quoted in a note, shortened: notes are shown on the page and the value came from anyone's link. */
export function clip(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * What a lenient reading left out: one note per dropped value, under the parameter it came from, listed in `order`
 * (the order the page shows them in) whatever order the schema met them.
 */
export class DroppedNotes<K extends string> {
  private readonly notes: { key: K; text: string }[] = [];

  constructor(private readonly order: readonly K[]) {}

  add(key: K, text: string): void {
    this.notes.push({ key, text });
  }

  /** `schema`, except that a value it rejects becomes `fallback`, with the note `say(value, zod's issues)`. */
  orDrop<S extends z.ZodType>(
    schema: S,
    key: K,
    fallback: z.output<S>,
    say: (value: unknown, issues: readonly z.core.$ZodIssue[]) => string,
  ) {
    return schema.catch((ctx) => {
      this.add(key, say(ctx.input, ctx.error.issues));
      return fallback;
    });
  }

  list(): string[] {
    return this.order.flatMap((key) => this.notes.filter((n) => n.key === key).map((n) => n.text));
  }
}

/** An empty field, as a plain GET form sends it, is the same as no field. */
export function blankAsAbsent<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema);
}

const MAX_VALUES = 50;
const MAX_LENGTH = 200;

/**
 * A repeatable parameter naming things by slug (`actor=us&actor=iran`): at most MAX_VALUES values, each at most
 * MAX_LENGTH characters and known, duplicates removed. Leniently, a bad value is dropped with the note "unknown
 * <label> “…”", only the first MAX_VALUES are read, and more is noted too.
 */
export function slugList<K extends string>(
  known: ReadonlySet<string>,
  what: string,
  lenient?: { notes: DroppedNotes<K>; key: K; label: string },
) {
  if (!lenient) {
    return z
      .array(z.string().max(MAX_LENGTH, `${what} is too long`))
      .max(MAX_VALUES, `at most ${MAX_VALUES} ${what}s`)
      .superRefine((values, ctx) => {
        values.forEach((value, i) => {
          if (!known.has(value))
            ctx.addIssue({ code: "custom", path: [i], message: `unknown ${what} "${value}"` });
        });
      })
      .transform(unique);
  }
  const { notes, key, label } = lenient;
  const value = notes.orDrop(
    z
      .string()
      .max(MAX_LENGTH)
      .refine((v) => known.has(v))
      .optional(),
    key,
    undefined,
    (v) => `unknown ${label} “${clip(v)}”`,
  );
  return z.array(z.string()).transform((values) => {
    const kept = values.slice(0, MAX_VALUES).map((v) => value.parse(v));
    if (values.length > MAX_VALUES) notes.add(key, `more than ${MAX_VALUES} ${key} values`);
    return unique(kept.filter((v) => v !== undefined));
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
