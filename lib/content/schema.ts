import { z } from "zod";
import { PRECISIONS } from "@/lib/dates";
import {
  ACTOR_KINDS,
  ARTICLE_KINDS,
  CANDIDATE_KINDS,
  CLAIM_KINDS,
  LEVELS,
  NOT_EVENT_REASONS,
  RATED_BY,
  REVIEW_STATES,
  SLUG_PATTERN,
} from "@/lib/domain";

// The shapes of the files in content/ (documented in content/README.md). Objects are strict, so a misspelt key is
// an error rather than a silently missing value.

const slug = z.string().regex(SLUG_PATTERN, "must be a slug: lowercase words joined by hyphens");
const text = z.string().trim().min(1, "must not be empty");
/** YAML reads `2025` as a number; dates are always compared as text. */
const writtenDate = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string());

/**
 * What bounds a date on one side (content/README.md, "Dates"): `published` (the article's publication), another
 * event by slug, or a reason in words when it is neither.
 */
const dateBound = z.union([
  z.literal("published"),
  z.strictObject({ event: slug }),
  z.strictObject({ note: text }),
]);
const dateBounds = z.strictObject({ after: dateBound, before: dateBound });
/** The part of a date that comes from outside the text: a well-known calendar fact, named. */
const outside = text.optional();

/** Empty only as an import's placeholder: a person writes it before the article is published (checked below). */
const placeholder = z.string().trim();

export const frontmatterSchema = z
  .strictObject({
    title: text,
    publisher: text.nullable().default(null),
    url: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null),
    kind: z.enum(ARTICLE_KINDS),
    published: z.strictObject({
      stated: text.optional(),
      date: writtenDate,
      end: writtenDate.optional(),
      precision: z.enum(PRECISIONS),
      basis: text,
      outside,
      bounds: dateBounds.optional(),
    }),
    /** Whose standpoint the source writes from, in one neutral line, and why we say so. */
    perspective: z.strictObject({ text: placeholder, basis: placeholder }),
    notes: text.optional(),
    /** `draft`: imported by `npm run article:add`, checked, never loaded; removing it (or `accepted`) publishes. */
    review: z.enum(REVIEW_STATES).optional(),
  })
  .superRefine((fm, ctx) => {
    // The import leaves the perspective empty because only a person who has read the text can state it.
    if (fm.review === "draft") return;
    for (const key of ["text", "basis"] as const) {
      if (fm.perspective[key] === "")
        ctx.addIssue({
          code: "custom",
          path: ["perspective", key],
          message:
            "must not be empty: write the article's perspective before publishing (only a `review: draft` article may leave it empty)",
        });
    }
  });

export const actorsSchema = z.array(
  z.strictObject({
    slug,
    name: text,
    kind: z.enum(ACTOR_KINDS),
    affiliation: z.string().optional(),
    aliases: z.array(text).default([]),
    description: text,
  }),
);

export const issuesSchema = z.array(
  z.strictObject({
    slug,
    title: text,
    summary: text,
    related: z.array(z.string()).default([]),
  }),
);

const evidenceSchema = z
  .array(
    z.union([
      text.transform((quote) => ({ quote, paragraph: undefined as number | undefined })),
      z.strictObject({ quote: text, paragraph: z.number().int().positive().optional() }),
    ]),
  )
  .min(1, "needs at least one evidence quote");

const dateSchema = z.strictObject({
  stated: text,
  resolve: z.string().optional(),
  start: writtenDate.optional(),
  end: writtenDate.optional(),
  precision: z.enum(PRECISIONS).optional(),
  circa: z.boolean().default(false),
  basis: text,
  outside,
  bounds: dateBounds.optional(),
});

const EVENT_DEFINITION_FIELDS = ["title", "summary", "claim", "date", "actors", "issues"] as const;

/**
 * An event is defined in full once; other articles' files refer to it with its slug and their evidence. The schema
 * tells the two apart: an entry with none of the definition fields is a reference, one with all of them a definition,
 * anything between is an error.
 */
export const eventSchema = z
  .strictObject({
    slug,
    title: text.optional(),
    summary: text.optional(),
    claim: z.enum(CLAIM_KINDS).optional(),
    via: z.string().optional(),
    date: dateSchema.optional(),
    actors: z.array(z.string()).optional(),
    issues: z.array(z.string()).optional(),
    evidence: evidenceSchema,
  })
  .transform((entry, ctx) => {
    const { slug, title, summary, claim, via, date, actors, issues, evidence } = entry;
    const missing = EVENT_DEFINITION_FIELDS.filter((field) => entry[field] === undefined);
    if (missing.length === EVENT_DEFINITION_FIELDS.length)
      return { kind: "reference" as const, slug, evidence };
    if (
      title !== undefined &&
      summary !== undefined &&
      claim !== undefined &&
      date !== undefined &&
      actors !== undefined &&
      issues !== undefined
    )
      return {
        kind: "definition" as const,
        slug,
        title,
        summary,
        claim,
        via,
        date,
        actors,
        issues,
        evidence,
      };
    ctx.addIssue({
      code: "custom",
      message: `event "${slug}" is missing ${missing.join(", ")} (an event defined in another article's file is referred to by slug and evidence only)`,
    });
    return z.NEVER;
  });

export const positionSchema = z.strictObject({
  actor: z.string(),
  issue: z.string(),
  stance: text,
  summary: text,
  claim: z.enum(CLAIM_KINDS),
  voice: z.string().optional(),
  via: z.string().optional(),
  evidence: evidenceSchema,
});

export const divergenceSchema = z.strictObject({
  issue: z.string(),
  pair: z.tuple([z.string(), z.string()]).optional(),
  level: z.enum(LEVELS),
  by: z.enum(RATED_BY),
  rationale: text,
  evidence: evidenceSchema,
});

/** An actor the article discusses, with the words that show it. */
export const articleActorSchema = z.strictObject({ actor: z.string(), evidence: evidenceSchema });

const entries = z.array(z.unknown()).default([]);

/**
 * An annotation file's shape. Its entries are validated one by one with the schemas above (lib/content/validate.ts),
 * so one bad entry is reported and left out while the rest of the file is still checked.
 */
export const annotationSchema = z.strictObject({
  events: entries,
  positions: entries,
  divergence: entries,
  actors: entries,
});

/**
 * `drafts/<slug>.yaml`, the import's suggestions, validated entry by entry like an annotation file. `events`,
 * `positions` and `actors` have the reviewed shapes, so accepting one is moving it into `annotations/<slug>.yaml`;
 * the other sections are the assist's findings.
 */
export const draftSchema = z.strictObject({
  events: entries,
  positions: entries,
  actors: entries,
  mentions: entries,
  candidates: entries,
  dates: entries,
  not_events: entries,
  issues: entries,
});

/** The entries of a draft's own sections (the others are annotation entries). */
export const draftEntrySchemas = {
  mentions: z.strictObject({ actor: z.string(), text, evidence: evidenceSchema }),
  candidates: z.strictObject({
    name: text,
    kind: z.enum(CANDIDATE_KINDS),
    count: z.number().int().positive(),
    evidence: evidenceSchema,
  }),
  dates: dateSchema.omit({ resolve: true }).extend({ evidence: evidenceSchema }),
  not_events: z.strictObject({
    reason: z.enum(NOT_EVENT_REASONS),
    cue: text,
    stated: text,
    actors: z.array(z.string()).default([]),
    evidence: evidenceSchema,
  }),
  issues: z.strictObject({ issue: z.string(), evidence: evidenceSchema }),
};

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type ActorsFile = z.infer<typeof actorsSchema>;
export type IssuesFile = z.infer<typeof issuesSchema>;
export type EventEntry = z.infer<typeof eventSchema>;
export type EventDefinition = Extract<EventEntry, { kind: "definition" }>;
export type PositionEntry = z.infer<typeof positionSchema>;
export type DivergenceEntry = z.infer<typeof divergenceSchema>;
export type ArticleActorEntry = z.infer<typeof articleActorSchema>;
export type DraftEntry<K extends keyof typeof draftEntrySchemas> = z.infer<(typeof draftEntrySchemas)[K]>;
export type EvidenceEntry = EventEntry["evidence"][number];
export type DateBound = z.infer<typeof dateBound>;
export type DateBounds = z.infer<typeof dateBounds>;
