import { z } from "zod";
import { PRECISIONS } from "@/lib/dates";

// The shapes of the files in content/ (documented in content/README.md). Objects are strict, so a misspelt key is
// an error rather than a silently missing value.

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(SLUG, "must be a slug: lowercase words joined by hyphens");
const text = z.string().trim().min(1, "must not be empty");
/** YAML reads `2025` as a number; dates are always compared as text. */
const writtenDate = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string());

export const ARTICLE_KINDS = ["analysis", "news", "opinion"] as const;
export const ACTOR_KINDS = [
  "state",
  "leader",
  "official",
  "armed-group",
  "organisation",
  "media",
  "analyst",
  "person",
  "collective",
] as const;
export const CLAIM_KINDS = ["reported", "statement", "assessment"] as const;
export const LEVELS = ["aligned", "partial", "divergent", "none"] as const;
export const RATED_BY = ["source", "editorial"] as const;
/** Why the draft assist did not propose a dated sentence as an event. */
export const NOT_EVENT_REASONS = ["threat", "plan", "forecast", "conditional", "negated", "future"] as const;
/** What the draft assist guesses a name it does not know to be: an actor kind, or a place or other thing. */
export const CANDIDATE_KINDS = [...ACTOR_KINDS, "place", "other"] as const;
/** `draft`: imported, checked, never loaded; removing the field or `accepted` publishes the article. */
export const REVIEW_STATES = ["draft", "accepted"] as const;

export type ArticleKind = (typeof ARTICLE_KINDS)[number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export type Level = (typeof LEVELS)[number];
export type RatedBy = (typeof RATED_BY)[number];
export type NotEventReason = (typeof NOT_EVENT_REASONS)[number];
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export const frontmatterSchema = z.strictObject({
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
  }),
  notes: text.optional(),
  review: z.enum(REVIEW_STATES).optional(),
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
});

/** An event is defined in full once; other articles' files refer to it with its slug and their evidence. */
const eventSchema = z.strictObject({
  slug,
  title: text.optional(),
  summary: text.optional(),
  claim: z.enum(CLAIM_KINDS).optional(),
  via: z.string().optional(),
  date: dateSchema.optional(),
  actors: z.array(z.string()).optional(),
  issues: z.array(z.string()).optional(),
  evidence: evidenceSchema,
});

export const EVENT_DEFINITION_FIELDS = ["title", "summary", "claim", "date", "actors", "issues"] as const;

const positionSchema = z.strictObject({
  actor: z.string(),
  issue: z.string(),
  stance: text,
  summary: text,
  claim: z.enum(CLAIM_KINDS),
  voice: z.string().optional(),
  via: z.string().optional(),
  evidence: evidenceSchema,
});

const divergenceSchema = z.strictObject({
  issue: z.string(),
  pair: z.tuple([z.string(), z.string()]).optional(),
  level: z.enum(LEVELS),
  by: z.enum(RATED_BY),
  rationale: text,
  evidence: evidenceSchema,
});

/** An actor the article discusses, with the words that show it. */
const articleActorSchema = z.strictObject({ actor: z.string(), evidence: evidenceSchema });

export const annotationSchema = z.strictObject({
  events: z.array(eventSchema).default([]),
  positions: z.array(positionSchema).default([]),
  divergence: z.array(divergenceSchema).default([]),
  actors: z.array(articleActorSchema).default([]),
});

/**
 * `drafts/<slug>.yaml`: the import's suggestions. `events`, `positions` and `actors` have the reviewed shapes, so
 * accepting one is moving it into `annotations/<slug>.yaml`; the other sections are the assist's findings.
 */
export const draftSchema = z.strictObject({
  events: z.array(eventSchema).default([]),
  positions: z.array(positionSchema).default([]),
  actors: z.array(articleActorSchema).default([]),
  mentions: z.array(z.strictObject({ actor: z.string(), text, evidence: evidenceSchema })).default([]),
  candidates: z
    .array(
      z.strictObject({
        name: text,
        kind: z.enum(CANDIDATE_KINDS),
        count: z.number().int().positive(),
        evidence: evidenceSchema,
      }),
    )
    .default([]),
  dates: z.array(dateSchema.omit({ resolve: true }).extend({ evidence: evidenceSchema })).default([]),
  not_events: z
    .array(
      z.strictObject({
        reason: z.enum(NOT_EVENT_REASONS),
        cue: text,
        stated: text,
        actors: z.array(z.string()).default([]),
        evidence: evidenceSchema,
      }),
    )
    .default([]),
  issues: z.array(z.strictObject({ issue: z.string(), evidence: evidenceSchema })).default([]),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Draft = z.infer<typeof draftSchema>;
export type ActorsFile = z.infer<typeof actorsSchema>;
export type IssuesFile = z.infer<typeof issuesSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type EventEntry = Annotation["events"][number];
export type EvidenceEntry = EventEntry["evidence"][number];
