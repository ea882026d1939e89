import { z } from "zod";
import { DEFAULT_PAIR, isSlug, type Pair } from "@/lib/domain";
import {
  DEFAULT_MATRIX,
  MATRIX_PARAMS as P,
  MATRIX_SORTS,
  type MatrixCellRef,
  type MatrixState,
} from "./hrefs";
import {
  blankAsAbsent,
  clip,
  parseLenient,
  parseStrict,
  type DroppedNotes,
  readParams,
  type KnownSlugs,
  type LenientResult,
  type SearchParamsInput,
  type StrictResult,
  unknownParams,
} from "./shared";

// The matrix's URL state. Its actor pair is also the matrix API's query: the API reads it strictly, with the default
// pair filling a missing side; the page reads it leniently, and an unusable pair falls back to the default so the
// page always shows something.

/** The order the matrix page lists what it dropped; "pair" is the same actor on both sides. */
const NOTE_ORDER = ["a", "b", "pair", "sort", "snapshot", "cell"] as const;
type NoteKey = (typeof NOTE_ORDER)[number];

/** The matrix API's pair, strict: both actors known and different; a missing side is the default pair's. */
function matrixPairSchema(known: KnownSlugs) {
  const side = (fallback: string) =>
    z
      .string()
      .default(fallback)
      .superRefine((slug, ctx) => {
        if (!known.actors.has(slug))
          ctx.addIssue({ code: "custom", message: `unknown actor "${clip(slug)}"` });
      });
  return z
    .object({ a: side(DEFAULT_PAIR[0]), b: side(DEFAULT_PAIR[1]) })
    .refine((q) => q.a !== q.b, { path: ["b"], message: "a and b must be two different actors" })
    .transform((q): Pair => [q.a, q.b]);
}

const CELL_FORMAT = "a cell is written issue:article";
const CELL_UNKNOWN = "there is no such issue and snapshot";

/** `<issue>:<article>`, both slugs the database knows. */
function cellSchema(known: KnownSlugs) {
  return z
    .string()
    .refine((value) => {
      const parts = value.split(":");
      return parts.length === 2 && parts.every(isSlug);
    }, CELL_FORMAT)
    .transform((value): MatrixCellRef => {
      const [issue, article] = value.split(":") as [string, string];
      return { issue, article };
    })
    .refine((cell) => known.issues.has(cell.issue) && known.articles.has(cell.article), CELL_UNKNOWN);
}

/** The matrix page's state, lenient: every bad value is dropped and noted in `notes`. */
function matrixParamsSchema(known: KnownSlugs, notes: DroppedNotes<NoteKey>) {
  const actor = (key: "a" | "b") =>
    notes.orDrop(
      blankAsAbsent(
        z
          .string()
          .refine((slug) => known.actors.has(slug))
          .optional(),
      ),
      key,
      undefined,
      (v) => `unknown actor “${clip(v)}”`,
    );
  return z
    .object({
      a: actor("a"),
      b: actor("b"),
      sort: notes.orDrop(
        blankAsAbsent(z.enum(MATRIX_SORTS).default(DEFAULT_MATRIX.sort)),
        "sort",
        DEFAULT_MATRIX.sort,
        (v) => `sort order “${clip(v)}”`,
      ),
      snapshot: notes.orDrop(
        blankAsAbsent(
          z
            .string()
            .refine((slug) => known.articles.has(slug))
            .optional(),
        ),
        "snapshot",
        undefined,
        (v) => `unknown snapshot “${clip(v)}”`,
      ),
      cell: notes.orDrop(blankAsAbsent(cellSchema(known).optional()), "cell", undefined, (v, issues) =>
        issues[0]?.message === CELL_UNKNOWN
          ? `cell “${clip(v)}”: ${CELL_UNKNOWN}`
          : `cell “${clip(v)}” (${CELL_FORMAT})`,
      ),
    })
    .transform((q): MatrixState => {
      let a = q.a ?? DEFAULT_MATRIX.a;
      let b = q.b ?? DEFAULT_MATRIX.b;
      if (a === b) {
        // `?a=israel` alone means Israel against the other default actor, not Israel against itself.
        if (q.b === undefined) b = a === DEFAULT_MATRIX.a ? DEFAULT_MATRIX.b : DEFAULT_MATRIX.a;
        else if (q.a === undefined) a = b === DEFAULT_MATRIX.b ? DEFAULT_MATRIX.a : DEFAULT_MATRIX.b;
        else {
          notes.add("pair", `the same actor on both sides (“${clip(a)}”)`);
          [a, b] = [DEFAULT_MATRIX.a, DEFAULT_MATRIX.b];
        }
      }
      return { a, b, sort: q.sort, snapshot: q.snapshot ?? null, cell: q.cell ?? null };
    });
}

/** Strict parse of `?a=…&b=…` for the matrix API; both default to the default pair. */
export function parsePairQuery(params: SearchParamsInput, known: KnownSlugs): StrictResult<Pair> {
  const names = { a: P.a, b: P.b };
  const parsed = parseStrict(matrixPairSchema(known), readParams(params, names));
  const unknown = unknownParams(params, names).map((key) => ({ path: [key], message: "unknown parameter" }));
  if (unknown.length === 0) return parsed;
  return { ok: false, problems: [...(parsed.ok ? [] : parsed.problems), ...unknown] };
}

/** Lenient parse for the matrix page: bad values are dropped, each with a note the page shows. */
export function parseMatrixParams(params: SearchParamsInput, known: KnownSlugs): LenientResult<MatrixState> {
  return parseLenient(NOTE_ORDER, (notes) => matrixParamsSchema(known, notes), readParams(params, P));
}
