import { articlesResponse } from "@/lib/api/schemas";
import { json } from "@/lib/api/respond";
import { listArticles } from "@/lib/queries/articles";

export async function GET() {
  const articles = await listArticles();
  return json(articlesResponse, {
    articles: articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      publisher: a.publisher,
      published: { date: a.published.start, precision: a.published.precision, basis: a.published.basis },
      perspective: a.perspective,
      paragraphs: a.paragraphCount,
    })),
  });
}
