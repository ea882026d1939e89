// The review stage, after resolve: the actors each article discusses, the draft files' checks, and the line
// between what is published and what is still a draft. Drafts are checked with the same stages as reviewed
// annotations (every quote verbatim, every actor and issue known, dates well formed), so an item moved from
// `drafts/<slug>.yaml` into `annotations/<slug>.yaml` is already valid; nothing in a draft is ever loaded.
import { precisionFits } from "@/lib/dates";
import { parsePartialDate } from "./dates";
import type { ContentIssue } from "./errors";
import type { LocatedYaml, Path } from "./parse";
import { locateQuote, resolveContent, type SearchableBlock, type ValidatedContent } from "./resolve";
import { quoteFinder } from "./quotes";
import type { Draft, EvidenceEntry } from "./schema";
import type { ResolvedArticleActor, ResolvedContent, ResolvedEvidence, ReviewState } from "./types";
import { issueAt } from "./validate";

export interface ValidatedDraft {
  slug: string;
  value: Draft;
  loc: LocatedYaml;
}

export interface ReviewInput {
  validated: ValidatedContent;
  drafts: ValidatedDraft[];
  /** What resolve made of the reviewed files. */
  content: ResolvedContent;
}

/** Links articles to the actors they discuss, checks the drafts, and removes draft articles from the content. */
export function reviewContent(input: ReviewInput): {
  content: ResolvedContent;
  review: ReviewState;
  issues: ContentIssue[];
} {
  const issues: ContentIssue[] = [];
  const report = (loc: LocatedYaml, path: Path, message: string) => issues.push(issueAt(loc, path, message));
  const { validated, drafts, content } = input;
  const blocks = new Map(
    validated.articles.map((a) => [a.slug, a.blocks.map((b) => ({ ...b, find: quoteFinder(b.text) }))]),
  );
  const actorSlug = actorLookup(content);
  const issueSlugs = new Set(content.issues.map((i) => i.slug));
  const evidenceOf = (loc: LocatedYaml, article: string, path: Path, entries: EvidenceEntry[]) => {
    const searchable = blocks.get(article) ?? [];
    return entries.flatMap((entry, i): ResolvedEvidence[] => {
      const found = locateQuote(article, searchable as SearchableBlock[], entry);
      if ("error" in found) return (report(loc, [...path, i], found.error), []);
      return [found];
    });
  };
  const actorRef = (loc: LocatedYaml, path: Path, ref: string): string | null => {
    const slug = actorSlug(ref);
    if (!slug) report(loc, path, `unknown actor "${ref}"`);
    return slug;
  };

  // Reviewed `actors:` lists, then the drafts' ones: one link per article and actor across both.
  const linked = new Map<string, string>();
  const linkActors = (file: { slug: string; loc: LocatedYaml }, list: Draft["actors"], draft: boolean) => {
    const links: ResolvedArticleActor[] = [];
    list.forEach((entry, i) => {
      const path: Path = ["actors", i];
      const actor = actorRef(file.loc, [...path, "actor"], entry.actor);
      const evidence = evidenceOf(file.loc, file.slug, [...path, "evidence"], entry.evidence);
      if (!actor) return;
      const key = `${file.slug}|${actor}`;
      const first = linked.get(key);
      if (first) {
        const hint = draft ? " (an accepted item is moved out of the draft, not copied)" : "";
        return report(
          file.loc,
          path,
          `actor "${actor}" is already listed for this article at ${first}${hint}`,
        );
      }
      linked.set(key, `${file.loc.file}:${file.loc.lineOf(path)}`);
      links.push({ article: file.slug, actor, evidence });
    });
    return links;
  };
  const articleActors = validated.annotations
    .filter((a) => blocks.has(a.slug))
    .flatMap((a) => linkActors(a, a.value.actors, false));

  const draftFiles: ReviewState["draftFiles"] = [];
  if (drafts.length > 0) {
    // Events and positions: the resolve stage itself, with each draft as one more annotation file after the
    // reviewed ones, so a slug or position already accepted is reported at the draft.
    const draftFiles = new Set(drafts.map((d) => d.loc.file));
    const asAnnotations = drafts
      .filter((d) => blocks.has(d.slug))
      .map((d) => ({
        slug: d.slug,
        loc: d.loc,
        value: { events: d.value.events, positions: d.value.positions, divergence: [], actors: [] },
      }));
    const withDrafts = resolveContent({
      ...validated,
      annotations: [...validated.annotations, ...asAnnotations],
    });
    issues.push(...withDrafts.issues.filter((issue) => draftFiles.has(issue.file)));
  }
  for (const draft of drafts) {
    const { loc, slug, value } = draft;
    if (!blocks.has(slug)) {
      report(
        loc,
        [],
        `no article "${slug}": a draft file is named after its article (content/articles/${slug}.md)`,
      );
      continue;
    }
    linkActors(draft, value.actors, true);
    value.mentions.forEach((m, i) => {
      actorRef(loc, ["mentions", i, "actor"], m.actor);
      evidenceOf(loc, slug, ["mentions", i, "evidence"], m.evidence);
    });
    value.candidates.forEach((c, i) => evidenceOf(loc, slug, ["candidates", i, "evidence"], c.evidence));
    value.dates.forEach((d, i) => {
      checkDate(d, (key, message) => report(loc, ["dates", i, key], message));
      evidenceOf(loc, slug, ["dates", i, "evidence"], d.evidence);
    });
    value.not_events.forEach((n, i) => {
      n.actors.forEach((ref, j) => actorRef(loc, ["not_events", i, "actors", j], ref));
      evidenceOf(loc, slug, ["not_events", i, "evidence"], n.evidence);
    });
    value.issues.forEach((s, i) => {
      if (!issueSlugs.has(s.issue)) report(loc, ["issues", i, "issue"], `unknown issue "${s.issue}"`);
      evidenceOf(loc, slug, ["issues", i, "evidence"], s.evidence);
    });
    const sections = Object.fromEntries(
      Object.entries(value).map(([key, list]) => [key, (list as unknown[]).length]),
    );
    draftFiles.push({
      file: loc.file,
      article: slug,
      items: Object.values(sections).reduce((n, c) => n + c, 0),
      sections,
    });
  }

  const draftArticles = validated.articles.filter((a) => a.frontmatter.review === "draft").map((a) => a.slug);
  const published = withoutDrafts({ ...content, articleActors }, new Set(draftArticles), validated, report);
  return { content: published, review: { draftArticles, draftFiles }, issues };
}

/** Slug, name or alias → slug, exactly as written (as the resolve stage looks actors up). */
function actorLookup(content: ResolvedContent): (ref: string) => string | null {
  const lookup = new Map<string, string>();
  for (const actor of content.actors) {
    for (const name of [actor.name, ...actor.aliases]) if (!lookup.has(name)) lookup.set(name, actor.slug);
  }
  for (const actor of content.actors) lookup.set(actor.slug, actor.slug);
  return (ref) => lookup.get(ref) ?? null;
}

function checkDate(
  date: { start?: string; end?: string; precision?: string },
  report: (key: string, message: string) => void,
) {
  if (date.start === undefined) return report("start", `missing field "start"`);
  if (date.precision === undefined) return report("precision", `missing field "precision"`);
  const from = parsePartialDate(date.start);
  if ("error" in from) return report("start", from.error);
  const to = date.end === undefined ? from : parsePartialDate(date.end);
  if ("error" in to) return report("end", to.error);
  const span = { start: from.start, end: to.end, precision: date.precision as "day" };
  if (!precisionFits(span))
    report("precision", `precision "${date.precision}" does not describe ${span.start}–${span.end}`);
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
      const i = annotation.value.events.findIndex((e) => e.slug === event.slug);
      if (i >= 0) {
        report(
          annotation.loc,
          ["events", i, "slug"],
          `event "${event.slug}" is defined in the draft article "${event.article}": publish that article first, or define the event here`,
        );
      }
    }
  }
  const keep = <T extends { article: string }>(items: T[]) => items.filter((x) => !drafts.has(x.article));
  const articles = content.articles.filter((a) => !drafts.has(a.slug));
  [...articles]
    .sort((a, b) => a.published.start.localeCompare(b.published.start) || a.slug.localeCompare(b.slug))
    .forEach((article, i) => (article.rank = i + 1));
  return {
    ...content,
    articles,
    events: keep(content.events).map((e) => ({ ...e, evidence: keep(e.evidence) })),
    positions: keep(content.positions),
    divergences: keep(content.divergences),
    articleActors: keep(content.articleActors),
  };
}
