import { precisionFits, type DateSpan } from "@/lib/dates";
import { parsePartialDate, resolveRelative } from "./dates";
import type { ContentIssue } from "./errors";
import type { Block } from "./markdown";
import type { LocatedYaml, Path } from "./parse";
import { isNearMiss, normaliseQuote, quoteFinder, wordCount } from "./quotes";
import {
  EVENT_DEFINITION_FIELDS,
  type ActorsFile,
  type Annotation,
  type EvidenceEntry,
  type Frontmatter,
  type IssuesFile,
} from "./schema";
import type {
  ResolvedActor,
  ResolvedArticle,
  ResolvedContent,
  ResolvedDivergence,
  ResolvedEvent,
  ResolvedEvidence,
  ResolvedIssue,
  ResolvedPosition,
} from "./types";
import { issueAt } from "./validate";

export interface ValidatedContent {
  articles: { slug: string; frontmatter: Frontmatter; loc: LocatedYaml; blocks: Block[] }[];
  actors: { value: ActorsFile; loc: LocatedYaml };
  issues: { value: IssuesFile; loc: LocatedYaml };
  annotations: { slug: string; value: Annotation; loc: LocatedYaml }[];
}

export const DEFAULT_PAIR = ["us", "israel"] as const;
const MIN_QUOTE_WORDS = 4;

/** Resolves references, dates and quotes. Returns the content, or every problem found. */
export function resolveContent(input: ValidatedContent): {
  content: ResolvedContent;
  issues: ContentIssue[];
} {
  const issues: ContentIssue[] = [];
  const report = (loc: LocatedYaml, path: Path, message: string) => issues.push(issueAt(loc, path, message));

  const articles = resolveArticles(input, report);
  const articleBlocks = new Map(
    input.articles.map((a) => [
      a.slug,
      a.blocks.map((block) => ({ ...block, find: quoteFinder(block.text) })),
    ]),
  );
  const publication = new Map(articles.map((a) => [a.slug, a.published]));
  const actors = resolveActors(input.actors, report);
  const findActor = actorFinder(actors);
  const issueList = resolveIssues(input.issues, report);
  const issueSlugs = new Set(issueList.map((i) => i.slug));

  const events: ResolvedEvent[] = [];
  const positions: ResolvedPosition[] = [];
  const divergences: ResolvedDivergence[] = [];
  const definedAt = new Map<string, { event: ResolvedEvent; where: string }>();
  const references: { loc: LocatedYaml; path: Path; slug: string; evidence: ResolvedEvidence[] }[] = [];
  const positionKeys = new Map<string, string>();
  const divergenceKeys = new Map<string, string>();

  for (const annotation of input.annotations) {
    const { loc, slug: article, value } = annotation;
    const blocks = articleBlocks.get(article);
    const published = publication.get(article);
    if (!blocks || !published) {
      report(
        loc,
        [],
        `no article "${article}": an annotation file is named after its article (content/articles/${article}.md)`,
      );
      continue;
    }
    const actorRef = (path: Path, ref: string | undefined): string | null => {
      if (ref === undefined) return null;
      const found = findActor(ref);
      if ("error" in found) report(loc, path, found.error);
      return "slug" in found ? found.slug : null;
    };
    const issueRef = (path: Path, ref: string): string | null => {
      if (issueSlugs.has(ref)) return ref;
      report(loc, path, `unknown issue "${ref}"${suggest(ref, issueSlugs)}`);
      return null;
    };
    const evidenceOf = (path: Path, entries: EvidenceEntry[]) =>
      entries.flatMap((entry, i) => {
        const found = locateQuote(article, blocks, entry);
        if ("error" in found) {
          report(loc, [...path, i], found.error);
          return [];
        }
        return [found];
      });

    value.events.forEach((entry, i) => {
      const path: Path = ["events", i];
      const evidence = evidenceOf([...path, "evidence"], entry.evidence);
      const given = EVENT_DEFINITION_FIELDS.filter((field) => entry[field] !== undefined);
      if (given.length === 0) {
        references.push({ loc, path, slug: entry.slug, evidence });
        return;
      }
      const missing = EVENT_DEFINITION_FIELDS.filter((field) => entry[field] === undefined);
      if (missing.length > 0) {
        report(
          loc,
          path,
          `event "${entry.slug}" is missing ${missing.join(", ")} (an event defined in another article's file is referred to by slug and evidence only)`,
        );
        return;
      }
      const previous = definedAt.get(entry.slug);
      if (previous) {
        report(
          loc,
          [...path, "slug"],
          `duplicate event slug "${entry.slug}": already defined at ${previous.where}`,
        );
        return;
      }
      const date = resolveEventDate(entry.date!, published, (p, message) =>
        report(loc, [...path, "date", ...p], message),
      );
      const eventActors = entry.actors!.map((ref, j) => actorRef([...path, "actors", j], ref));
      const eventIssues = entry.issues!.map((ref, j) => issueRef([...path, "issues", j], ref));
      if (entry.issues!.length === 0)
        report(loc, [...path, "issues"], "an event belongs to at least one issue");
      const event: ResolvedEvent = {
        slug: entry.slug,
        title: entry.title!,
        summary: entry.summary!,
        claim: entry.claim!,
        via: actorRef([...path, "via"], entry.via),
        date: date ?? { stated: "", start: "", end: "", precision: "day", circa: false, basis: "" },
        article,
        actors: unique(eventActors.filter(isString)),
        issues: unique(eventIssues.filter(isString)),
        evidence,
      };
      definedAt.set(entry.slug, { event, where: `${loc.file}:${loc.lineOf([...path, "slug"])}` });
      events.push(event);
    });

    value.positions.forEach((entry, i) => {
      const path: Path = ["positions", i];
      const actor = actorRef([...path, "actor"], entry.actor);
      const issue = issueRef([...path, "issue"], entry.issue);
      const voice = actorRef([...path, "voice"], entry.voice);
      const via = actorRef([...path, "via"], entry.via);
      const evidence = evidenceOf([...path, "evidence"], entry.evidence);
      if (!actor || !issue) return;
      const key = `${actor}|${issue}`;
      const previous = positionKeys.get(`${article}|${key}`);
      if (previous) {
        report(
          loc,
          path,
          `second position of "${actor}" on "${issue}" in this article (first at line ${previous}); merge them`,
        );
        return;
      }
      positionKeys.set(`${article}|${key}`, String(loc.lineOf(path)));
      positions.push({ ...entry, actor, issue, article, voice, via, evidence });
    });

    value.divergence.forEach((entry, i) => {
      const path: Path = ["divergence", i];
      const issue = issueRef([...path, "issue"], entry.issue);
      const [refA, refB] = entry.pair ?? DEFAULT_PAIR;
      const a = actorRef([...path, "pair", 0], refA);
      const b = actorRef([...path, "pair", 1], refB);
      const evidence = evidenceOf([...path, "evidence"], entry.evidence);
      if (!issue || !a || !b) return;
      if (a === b) return report(loc, [...path, "pair"], "a divergence pair needs two different actors");
      const key = `${article}|${issue}|${[a, b].sort().join("|")}`;
      const previous = divergenceKeys.get(key);
      if (previous) {
        return report(
          loc,
          path,
          `second ${a}–${b} rating of "${issue}" in this article (first at line ${previous})`,
        );
      }
      divergenceKeys.set(key, String(loc.lineOf(path)));
      divergences.push({
        issue,
        article,
        a,
        b,
        level: entry.level,
        by: entry.by,
        rationale: entry.rationale,
        evidence,
      });
    });
  }

  for (const ref of references) {
    const defined = definedAt.get(ref.slug);
    if (!defined) {
      const known = new Set(definedAt.keys());
      report(
        ref.loc,
        [...ref.path, "slug"],
        `event "${ref.slug}" is not defined in any annotation file${suggest(ref.slug, known)}`,
      );
      continue;
    }
    defined.event.evidence.push(...ref.evidence);
  }

  // Article–actor links are resolved by the review stage (./review.ts), which also knows which articles are drafts.
  return {
    content: { articles, actors, issues: issueList, events, positions, divergences, articleActors: [] },
    issues,
  };
}

type Report = (loc: LocatedYaml, path: Path, message: string) => void;

function resolveArticles(input: ValidatedContent, report: Report): ResolvedArticle[] {
  const resolved = input.articles.map(({ slug, frontmatter, loc, blocks }) => {
    const { published } = frontmatter;
    const span = explicitSpan(
      published.date,
      published.end,
      published.precision,
      (path, message) => report(loc, ["published", ...path], message),
      "date",
    );
    return {
      slug,
      title: frontmatter.title,
      publisher: frontmatter.publisher,
      url: frontmatter.url,
      kind: frontmatter.kind,
      published: {
        start: span?.start ?? "",
        end: span?.end ?? "",
        precision: published.precision,
        stated: published.stated ?? null,
        basis: published.basis,
      },
      notes: frontmatter.notes ?? null,
      rank: 0,
      paragraphs: blocks.map(({ n, kind, level, source, text }) => ({ n, kind, level, source, text })),
    };
  });
  [...resolved]
    .sort((a, b) => a.published.start.localeCompare(b.published.start) || a.slug.localeCompare(b.slug))
    .forEach((article, i) => (article.rank = i + 1));
  return resolved;
}

/** A date written as `start` (+ optional `end`) with a precision; checks the precision tells the truth. */
function explicitSpan(
  start: string,
  end: string | undefined,
  precision: DateSpan["precision"],
  report: (path: Path, message: string) => void,
  startKey = "start",
): DateSpan | null {
  const from = parsePartialDate(start);
  if ("error" in from) return (report([startKey], from.error), null);
  let last = from.end;
  if (end !== undefined) {
    const to = parsePartialDate(end);
    if ("error" in to) return (report(["end"], to.error), null);
    last = to.end;
  }
  const span = { start: from.start, end: last, precision };
  if (span.end < span.start)
    return (report(["end"], `the end ${span.end} is before the start ${span.start}`), null);
  if (!precisionFits(span)) {
    report(["precision"], `precision "${precision}" does not describe ${span.start}–${span.end}`);
    return null;
  }
  return span;
}

function resolveEventDate(
  date: NonNullable<Annotation["events"][number]["date"]>,
  published: ResolvedArticle["published"],
  report: (path: Path, message: string) => void,
): ResolvedEvent["date"] | null {
  const base = { stated: date.stated, circa: date.circa, basis: date.basis };
  let fromRule: DateSpan | null = null;
  if (date.resolve !== undefined) {
    if (!published.start) return null;
    const result = resolveRelative(date.resolve, published);
    if ("error" in result) return (report(["resolve"], result.error), null);
    fromRule = result;
  }
  if (date.start === undefined) {
    if (!fromRule) return (report(["start"], `missing field "date.start" (or a "resolve" rule)`), null);
    if (date.precision !== undefined && date.precision !== fromRule.precision) {
      report(
        ["precision"],
        `precision "${date.precision}" disagrees with rule ${date.resolve}, which gives ${fromRule.precision}`,
      );
      return null;
    }
    return { ...base, ...fromRule };
  }
  if (date.precision === undefined) return (report(["precision"], `missing field "date.precision"`), null);
  const span = explicitSpan(date.start, date.end, date.precision, (path, message) => report(path, message));
  if (!span) return null;
  if (fromRule && (fromRule.start !== span.start || fromRule.end !== span.end)) {
    report(
      ["resolve"],
      `rule ${date.resolve} gives ${fromRule.start}–${fromRule.end} from the publication date, but the dates say ${span.start}–${span.end}`,
    );
    return null;
  }
  if (span.start > published.end && published.end) {
    report(["start"], `the event starts ${span.start}, after the article was published (${published.end})`);
    return null;
  }
  return { ...base, ...span };
}

function resolveActors(source: { value: ActorsFile; loc: LocatedYaml }, report: Report): ResolvedActor[] {
  const { value, loc } = source;
  const bySlug = new Map<string, number>();
  const names = new Map<string, { slug: string; path: Path }>();
  value.forEach((actor, i) => {
    if (bySlug.has(actor.slug)) {
      report(
        loc,
        [i, "slug"],
        `duplicate actor slug "${actor.slug}" (first at line ${loc.lineOf([bySlug.get(actor.slug)!, "slug"])})`,
      );
    } else bySlug.set(actor.slug, i);
  });
  value.forEach((actor, i) => {
    const claim = (name: string, path: Path) => {
      const owner =
        names.get(name) ?? (bySlug.has(name) ? { slug: name, path: [bySlug.get(name)!, "slug"] } : null);
      if (owner && owner.slug !== actor.slug) {
        report(
          loc,
          path,
          `"${name}" already names actor "${owner.slug}" (line ${loc.lineOf(owner.path)}): an alias belongs to one actor`,
        );
      } else names.set(name, { slug: actor.slug, path });
    };
    claim(actor.name, [i, "name"]);
    actor.aliases.forEach((alias, j) => claim(alias, [i, "aliases", j]));
    if (actor.affiliation !== undefined) {
      if (actor.affiliation === actor.slug)
        report(loc, [i, "affiliation"], "an actor cannot be its own affiliation");
      else if (!bySlug.has(actor.affiliation)) {
        report(
          loc,
          [i, "affiliation"],
          `unknown actor "${actor.affiliation}"${suggest(actor.affiliation, new Set(bySlug.keys()))}`,
        );
      }
    }
  });
  return value.map((actor) => ({
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    description: actor.description,
    affiliation: actor.affiliation ?? null,
    aliases: unique(actor.aliases),
  }));
}

/** Looks an actor up by slug, name or alias, exactly as written. */
function actorFinder(actors: ResolvedActor[]) {
  const lookup = new Map<string, string>();
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) if (!lookup.has(name)) lookup.set(name, actor.slug);
  }
  for (const actor of actors) lookup.set(actor.slug, actor.slug);
  const known = new Set(actors.map((a) => a.slug));
  return (ref: string): { slug: string } | { error: string } => {
    const slug = lookup.get(ref);
    return slug ? { slug } : { error: `unknown actor "${ref}"${suggest(ref, known)}` };
  };
}

function resolveIssues(source: { value: IssuesFile; loc: LocatedYaml }, report: Report): ResolvedIssue[] {
  const { value, loc } = source;
  const slugs = new Map<string, number>();
  value.forEach((issue, i) => {
    if (slugs.has(issue.slug)) {
      report(
        loc,
        [i, "slug"],
        `duplicate issue slug "${issue.slug}" (first at line ${loc.lineOf([slugs.get(issue.slug)!, "slug"])})`,
      );
    } else slugs.set(issue.slug, i);
  });
  const known = new Set(slugs.keys());
  return value.map((issue, i) => ({
    slug: issue.slug,
    title: issue.title,
    summary: issue.summary,
    related: unique(
      issue.related.filter((ref, j) => {
        if (ref === issue.slug)
          return (report(loc, [i, "related", j], "an issue cannot be related to itself"), false);
        if (!known.has(ref))
          return (report(loc, [i, "related", j], `unknown issue "${ref}"${suggest(ref, known)}`), false);
        return true;
      }),
    ),
  }));
}

export type SearchableBlock = Block & { find: ReturnType<typeof quoteFinder> };

export function locateQuote(
  article: string,
  blocks: SearchableBlock[],
  entry: EvidenceEntry,
): ResolvedEvidence | { error: string } {
  const short = entry.quote.length > 60 ? `${entry.quote.slice(0, 57)}…` : entry.quote;
  if (wordCount(entry.quote) < MIN_QUOTE_WORDS) {
    return { error: `quote "${entry.quote}" is shorter than ${MIN_QUOTE_WORDS} words` };
  }
  let candidates = blocks;
  if (entry.paragraph !== undefined) {
    const block = blocks.find((b) => b.n === entry.paragraph);
    if (!block)
      return { error: `article "${article}" has no paragraph ${entry.paragraph} (it has ${blocks.length})` };
    candidates = [block];
  }
  const needle = normaliseQuote(entry.quote);
  const hits = candidates.flatMap((block) => {
    const at = block.find(needle);
    return at ? [{ block, ...at }] : [];
  });
  if (hits.length === 0) {
    const near = candidates.some((block) => isNearMiss(block.text, entry.quote));
    const where = entry.paragraph !== undefined ? `paragraph ${entry.paragraph} of ` : "";
    return {
      error: `quote not found in ${where}article "${article}": "${short}"${near ? " (it differs from the text in case or punctuation)" : ""}`,
    };
  }
  if (hits.length > 1) {
    return {
      error: `quote "${short}" occurs in paragraphs ${hits.map((h) => h.block.n).join(", ")} of "${article}": add paragraph: <n>`,
    };
  }
  const hit = hits[0]!;
  return {
    article,
    paragraph: hit.block.n,
    quote: hit.block.text.slice(hit.start, hit.end),
    start: hit.start,
    end: hit.end,
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function isString(value: string | null): value is string {
  return value !== null;
}

/** ` (did you mean "x"?)` for a near slug. */
function suggest(ref: string, known: Set<string>): string {
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
