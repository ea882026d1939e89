import "server-only";
import type { z } from "zod";
import type { DivergenceView, EventView, PositionView } from "@/lib/queries/types";
import type { QueryProblem } from "@/lib/url-state/shared";
import type { errorResponse, eventOut, positionOut } from "./schemas";

// Turning view objects into the documented API shapes, and writing JSON responses checked against their schema.

export function eventToApi(event: EventView): z.infer<typeof eventOut> {
  return {
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    date: {
      start: event.date.start,
      end: event.date.end,
      precision: event.date.precision,
      stated: event.date.stated,
    },
    actors: event.actors.map((a) => a.slug),
    issues: event.issues.map((i) => i.slug),
    articles: event.articles,
    evidence: event.evidence,
  };
}

export function positionToApi(position: PositionView): z.infer<typeof positionOut> {
  return {
    actor: position.actor.slug,
    article: position.article.slug,
    asOf: position.article.published.start,
    stance: position.stance,
    summary: position.summary,
    claim: position.claim,
    evidence: position.evidence,
  };
}

export function divergenceToApi(d: DivergenceView) {
  return { article: d.article.slug, asOf: d.article.published.start, level: d.level, rationale: d.rationale };
}

/** A JSON response whose body is first checked against the documented schema. */
export function json<S extends z.ZodType>(schema: S, body: z.input<S>, init: ResponseInit = {}): Response {
  return Response.json(schema.parse(body), init);
}

export function jsonError(status: number, error: string, problems?: QueryProblem[]): Response {
  // `issues` is the documented name of the field (zod's word for them).
  const body: z.infer<typeof errorResponse> = problems ? { error, issues: problems } : { error };
  return Response.json(body, { status });
}
