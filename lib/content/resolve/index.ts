import type { ContentProblem } from "../errors";
import type { LocatedYaml, Path } from "../parse";
import { checkDatePolicy } from "../date-policy";
import { quoteFinder } from "../quotes";
import type { ActorsFile, IssuesFile } from "../schema";
import type { ResolvedContent } from "../types";
import { problemAt, type ValidatedAnnotation } from "../validate";
import { actorFinder, resolveActors } from "./actors";
import { resolveArticles, type ValidatedArticle } from "./articles";
import { suggest, type References, type Source } from "./context";
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
 * what each annotation file says about its article (events, positions, divergence ratings). Returns the content, or
 * every problem found.
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
  // Events that cannot be checked: defined in an entry, file or article already reported broken.
  const unchecked = new Set(input.failed.events);
  const files = input.annotations.flatMap((annotation) => {
    const article = input.articles.find((a) => a.slug === annotation.slug);
    const publication = published.get(annotation.slug);
    if (!article || !publication) {
      if (!input.failed.articles.has(annotation.slug))
        report(
          annotation.loc,
          [],
          `no article "${annotation.slug}": an annotation file is named after its article (content/articles/${annotation.slug}.md)`,
        );
      for (const event of annotation.events) unchecked.add(event.value.slug);
      return [];
    }
    const source: Source = {
      slug: article.slug,
      blocks: article.blocks.map((block) => ({ ...block, find: quoteFinder(block.text) })),
      published: publication,
    };
    return [{ ...annotation, source }];
  });
  const of = <K extends keyof ValidatedAnnotation>(kind: K) =>
    files.map((file) => ({ loc: file.loc, source: file.source, entries: file[kind] }));

  const events = resolveEvents(of("events"), unchecked, refs, report);
  const positions = resolvePositions(of("positions"), refs, report);
  const divergences = resolveDivergences(of("divergence"), refs, report);
  problems.push(...checkDatePolicy(input, { articles, events }));
  return { content: { articles, actors, issues, events, positions, divergences }, problems };
}

function references(
  actors: ReturnType<typeof resolveActors>,
  issueSlugs: ReadonlySet<string>,
  report: (loc: LocatedYaml, path: Path, message: string) => void,
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
