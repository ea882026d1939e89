import { stringify } from "yaml";
import type { ImportedArticle } from "./index";

/** The text of content/articles/<slug>.md: frontmatter as the content format documents it, then the body. */
export function articleFileText(article: ImportedArticle): string {
  const { published, ...rest } = article.frontmatter;
  const frontmatter = stringify(
    {
      title: rest.title,
      publisher: rest.publisher,
      url: rest.url,
      kind: rest.kind,
      published: { date: published.date, precision: published.precision, basis: published.basis },
      perspective: rest.perspective,
      notes: rest.notes,
      review: rest.review,
    },
    { lineWidth: 110, minContentWidth: 40 },
  );
  return `---\n${frontmatter}---\n\n${article.body}\n`;
}
