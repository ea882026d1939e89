import type { ArticleRef } from "@/lib/queries/types";

// Snapshots are articles, and articles come from sources with a standpoint: a rating that moves between two
// snapshots of different publishers may reflect the source as much as events. The views say so where they compare.

/** Whether two snapshots come from one publisher. An unknown publisher is never assumed to be the same one. */
export function samePublisher(a: ArticleRef, b: ArticleRef): boolean {
  return a.publisher !== null && a.publisher === b.publisher;
}

/** The consecutive pairs of snapshots (in the given order) whose publishers differ. */
export function publisherChanges(articles: readonly ArticleRef[]): [ArticleRef, ArticleRef][] {
  return articles.flatMap((article, i) => {
    const previous = articles[i - 1];
    return previous && !samePublisher(previous, article)
      ? [[previous, article] as [ArticleRef, ArticleRef]]
      : [];
  });
}
