import type { ContentProblem } from "../errors";
import type { LocatedYaml, Path } from "../parse";
import { checkDatePolicy } from "../date-policy";
import { quoteFinder } from "../quotes";
import type { ActorsFile, IssuesFile } from "../schema";
import type { ResolvedContent } from "../types";
import { problemAt, type ValidatedAnnotation } from "../validate";
import { actorFinder, resolveActors } from "./actors";
import { resolveArticleActors } from "./article-actors";
import { resolveArticles, type ValidatedArticle } from "./articles";
import { suggest, type References, type Report, type Source } from "./context";
import { resolveDivergences } from "./divergences";
import { resolveEvents } from "./events";
import { resolveIssues } from "./issues";
import { resolvePositions } from "./positions";

export interface ValidatedContent {
  articles: ValidatedArticle[];
  actors: { value: ActorsFile; loc: LocatedYaml };
  issues: { value: IssuesFile; loc: LocatedYaml };
  annotations: ({ slug: string; loc: LocatedYaml } & ValidatedAnnotation)[];
  /** What failed validation and was already reported: nothing that depends on it is reported again. */
  failed: { articles: ReadonlySet<string>; events: ReadonlySet<string> };
}

/**
 * Resolves references, dates and quotes, one record kind at a time: the shared lists (articles, actors, issues), then
 * what each annotation file says about its article (events, positions, divergence ratings, the actors it discusses).
 * Returns the content, or every problem found.
 */
export function resolveContent(input: ValidatedContent): {
  content: ResolvedContent;
  problems: ContentProblem[];
} {
  const problems: ContentProblem[] = [];
  const report = (loc: LocatedYaml, path: Path, message: string) =>
    problems.push(problemAt(loc, path, message));

  const articles = resolveArticles(input.articles, report);
  const actors = resolveActors(input.actors, report);
  const issues = resolveIssues(input.issues, report);
  const refs = references(actors, new Set(issues.map((i) => i.slug)), report);

  const published = new Map(articles.map((a) => [a.slug, a.published]));
  const { files, orphans } = withSources(input.annotations, "annotation", input, published, report);
  // Events that cannot be checked: defined in an entry, file or article already reported broken.
  const unchecked = new Set(input.failed.events);
  for (const orphan of orphans) for (const event of orphan.events) unchecked.add(event.value.slug);
  const of = <K extends keyof ValidatedAnnotation>(kind: K) =>
    files.map((file) => ({ loc: file.loc, source: file.source, entries: file[kind] }));

  const events = resolveEvents(of("events"), unchecked, refs, report);
  const positions = resolvePositions(of("positions"), refs, report);
  const divergences = resolveDivergences(of("divergence"), refs, report);
  const articleActors = resolveArticleActors(of("actors"), refs, report);
  problems.push(...checkDatePolicy(input, { articles, events }));
  return {
    content: { articles, actors, issues, events, positions, divergences, articleActors },
    problems,
  };
}

/**
 * Each file about an article (an annotation or a draft file) with that article as the source its entries quote. A
 * file whose article does not exist is reported, unless the article failed validation (reported already), and left
 * out as an orphan.
 */
export function withSources<F extends { slug: string; loc: LocatedYaml }>(
  about: F[],
  kind: "annotation" | "draft",
  input: Pick<ValidatedContent, "articles" | "failed">,
  published: ReadonlyMap<string, Source["published"]>,
  report: Report,
): { files: (F & { source: Source })[]; orphans: F[] } {
  const files: (F & { source: Source })[] = [];
  const orphans: F[] = [];
  for (const file of about) {
    const article = input.articles.find((a) => a.slug === file.slug);
    const publication = published.get(file.slug);
    if (article && publication) {
      files.push({ ...file, source: sourceOf(article, publication) });
      continue;
    }
    orphans.push(file);
    if (!input.failed.articles.has(file.slug))
      report(
        file.loc,
        [],
        `no article "${file.slug}": ${kind === "draft" ? "a draft" : "an annotation"} file is named after its article (content/articles/${file.slug}.md)`,
      );
  }
  return { files, orphans };
}

/** An article as the entries that quote it see it: its blocks ready to search, and its publication. */
function sourceOf(article: ValidatedArticle, published: Source["published"]): Source {
  return {
    slug: article.slug,
    blocks: article.blocks.map((block) => ({ ...block, find: quoteFinder(block.text) })),
    published,
  };
}

/** What entries may refer to: actors by slug, name or alias, and issues by slug, each unknown one reported. */
export function references(
  actors: ReturnType<typeof resolveActors>,
  issueSlugs: ReadonlySet<string>,
  report: Report,
): References {
  const findActor = actorFinder(actors);
  return {
    actor(loc, path, ref) {
      if (ref === undefined) return null;
      const found = findActor(ref);
      if ("error" in found) report(loc, path, found.error);
      return "slug" in found ? found.slug : null;
    },
    issue(loc, path, ref) {
      if (issueSlugs.has(ref)) return ref;
      report(loc, path, `unknown issue "${ref}"${suggest(ref, issueSlugs)}`);
      return null;
    },
  };
}
