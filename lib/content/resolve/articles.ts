import { resolvePublished } from "../dates";
import type { Block } from "../markdown";
import type { LocatedYaml } from "../parse";
import type { Frontmatter } from "../schema";
import type { ResolvedArticle } from "../types";
import type { Report } from "./context";

export interface ValidatedArticle {
  slug: string;
  frontmatter: Frontmatter;
  loc: LocatedYaml;
  blocks: Block[];
}

/** Articles with their publication dates resolved, ranked 1… by publication date (then slug). */
export function resolveArticles(articles: ValidatedArticle[], report: Report): ResolvedArticle[] {
  const resolved = articles.map(({ slug, frontmatter, loc, blocks }) => ({
    slug,
    title: frontmatter.title,
    publisher: frontmatter.publisher,
    url: frontmatter.url,
    kind: frontmatter.kind,
    published: resolvePublished(frontmatter.published, (path, message) =>
      report(loc, ["published", ...path], message),
    ),
    perspective: frontmatter.perspective,
    notes: frontmatter.notes ?? null,
    rank: 0,
    paragraphs: blocks.map(({ n, kind, level, source, text }) => ({ n, kind, level, source, text })),
  }));
  return rankByPublication(resolved);
}

/** Sets each article's rank, 1… by publication date (then slug); the review stage ranks again without drafts. */
export function rankByPublication(articles: ResolvedArticle[]): ResolvedArticle[] {
  [...articles]
    .sort((a, b) => a.published.start.localeCompare(b.published.start) || a.slug.localeCompare(b.slug))
    .forEach((article, i) => (article.rank = i + 1));
  return articles;
}
