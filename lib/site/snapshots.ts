import { formatSpan } from "@/lib/dates";
import type { ArticleRef } from "@/lib/queries/types";

/** How a snapshot (an article, at its publication date) is named on the page: "June 2025", "17 Feb 2026". */
export function snapshotLabel(article: Pick<ArticleRef, "published">): string {
  return formatSpan(article.published);
}

/** Titles by slug, for naming the sources of quotes. */
export function titleMap(articles: { slug: string; title: string }[]): Record<string, string> {
  return Object.fromEntries(articles.map((a) => [a.slug, a.title]));
}
