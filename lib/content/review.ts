// The review stage, after resolve: the draft files' checks, and the line between what is published and what is still
// a draft. Drafts are checked with the same resolvers as reviewed annotations (every quote verbatim, every actor and
// issue known, dates well formed and within the dating policy), so an item moved from `drafts/<slug>.yaml` into
// `annotations/<slug>.yaml` is already valid; nothing in a draft is ever loaded.
import { checkDateBounds } from "./date-policy";
import { explicitSpan } from "./dates";
import type { ContentProblem } from "./errors";
import type { LocatedYaml, Path } from "./parse";
import { references, resolveContent, withSources, type ValidatedContent } from "./resolve";
import { rankByPublication } from "./resolve/articles";
import { resolveEntries, type EntriesOf, type EntryContext, type Source } from "./resolve/context";
import { draftSchema } from "./schema";
import type { ResolvedContent, ReviewState } from "./types";
import { problemAt, type ValidatedDraft } from "./validate";

/** A draft file, validated entry by entry. */
export type DraftFile = { slug: string; loc: LocatedYaml } & ValidatedDraft;

export interface ReviewInput {
  validated: ValidatedContent;
  drafts: DraftFile[];
  /** What resolve made of the reviewed files. */
  content: ResolvedContent;
}

/** Checks the drafts and removes draft articles, with everything that belongs to them, from the content. */
export function reviewContent(input: ReviewInput): {
  content: ResolvedContent;
  review: ReviewState;
  problems: ContentProblem[];
} {
  const problems: ContentProblem[] = [];
  const report = (loc: LocatedYaml, path: Path, message: string) =>
    problems.push(problemAt(loc, path, message));
  const { validated, drafts, content } = input;
  const publications = new Map(content.articles.map((a) => [a.slug, a.published]));
  const checked = withSources(drafts, "draft", validated, publications, report).files;
  if (checked.length > 0) problems.push(...checkDrafts(validated, content, checked, report));

  const draftFiles: ReviewState["draftFiles"] = checked.map((draft) => {
    const sections = Object.fromEntries(
      (Object.keys(draftSchema.shape) as (keyof ValidatedDraft)[]).map((key) => [key, draft[key].length]),
    );
    return {
      file: draft.loc.file,
      article: draft.slug,
      items: Object.values(sections).reduce((n, c) => n + c, 0),
      sections,
    };
  });
  const draftArticles = validated.articles.filter((a) => a.frontmatter.review === "draft").map((a) => a.slug);
  const published = withoutDrafts(content, new Set(draftArticles), validated, report);
  return { content: published, review: { draftArticles, draftFiles }, problems };
}

/**
 * Events, positions and actors: the resolve stage itself, with each draft as one more annotation file after the
 * reviewed ones, so a slug, position or actor already accepted is reported at the draft. The assist's own sections:
 * each reference, quote and date with the same resolvers' parts.
 */
function checkDrafts(
  validated: ValidatedContent,
  content: ResolvedContent,
  drafts: (DraftFile & { source: Source })[],
  report: (loc: LocatedYaml, path: Path, message: string) => void,
): ContentProblem[] {
  const draftPaths = new Set(drafts.map((d) => d.loc.file));
  const withDrafts = resolveContent({
    ...validated,
    annotations: [
      ...validated.annotations,
      ...drafts.map(({ slug, loc, events, positions, actors }) => ({
        slug,
        loc,
        events,
        positions,
        actors,
        divergence: [],
      })),
    ],
  });
  const problems = withDrafts.problems.filter((problem) => draftPaths.has(problem.file));

  const refs = references(content.actors, new Set(content.issues.map((i) => i.slug)), report);
  const eventSpans = new Map(withDrafts.content.events.map((e) => [e.slug, e.date]));
  const check = <K extends keyof ValidatedDraft>(
    key: K,
    each: (entry: ValidatedDraft[K][number]["value"], at: EntryContext) => void,
  ) => {
    const files: EntriesOf<ValidatedDraft[K][number]["value"]>[] = drafts.map((d) => ({
      loc: d.loc,
      source: d.source,
      entries: d[key],
    }));
    resolveEntries(files, report, (entry, at) => (each(entry, at), null));
  };
  check("mentions", (m, { loc, path, evidence }) => {
    refs.actor(loc, [...path, "actor"], m.actor);
    evidence(m.evidence);
  });
  check("candidates", (c, { evidence }) => evidence(c.evidence));
  check("dates", (d, { loc, path, source, evidence }) => {
    evidence(d.evidence);
    const at = (p: Path, message: string) => report(loc, [...path, ...p], message);
    if (d.start === undefined) return at(["start"], `missing field "start"`);
    if (d.precision === undefined) return at(["precision"], `missing field "precision"`);
    const span = explicitSpan(d.start, d.end, d.precision, at);
    const site = { loc, path, startKey: "start", what: "the date", publication: source.published };
    if (span) problems.push(...checkDateBounds(site, span, d.bounds, eventSpans));
  });
  check("not_events", (n, { loc, path, evidence }) => {
    n.actors.forEach((ref, j) => refs.actor(loc, [...path, "actors", j], ref));
    evidence(n.evidence);
  });
  check("issues", (s, { loc, path, evidence }) => {
    refs.issue(loc, [...path, "issue"], s.issue);
    evidence(s.evidence);
  });
  return problems;
}

/**
 * The content without draft articles and everything that belongs to them. A published file may not rely on an
 * event defined in a draft article's annotations: its evidence would silently vanish, so that is an error.
 */
function withoutDrafts(
  content: ResolvedContent,
  drafts: Set<string>,
  validated: ValidatedContent,
  report: (loc: LocatedYaml, path: Path, message: string) => void,
): ResolvedContent {
  if (drafts.size === 0) return content;
  for (const event of content.events.filter((e) => drafts.has(e.article))) {
    for (const annotation of validated.annotations.filter((a) => !drafts.has(a.slug))) {
      const entry = annotation.events.find((e) => e.value.slug === event.slug);
      if (entry) {
        report(
          annotation.loc,
          [...entry.path, "slug"],
          `event "${event.slug}" is defined in the draft article "${event.article}": publish that article first, or define the event here`,
        );
      }
    }
  }
  const keep = <T extends { article: string }>(items: T[]) => items.filter((x) => !drafts.has(x.article));
  return {
    ...content,
    articles: rankByPublication(content.articles.filter((a) => !drafts.has(a.slug)).map((a) => ({ ...a }))),
    events: keep(content.events).map((e) => ({ ...e, evidence: keep(e.evidence) })),
    positions: keep(content.positions),
    divergences: keep(content.divergences),
    articleActors: keep(content.articleActors),
  };
}
