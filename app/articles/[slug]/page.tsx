import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleBySlug, listArticleSlugs } from "@/lib/queries/articles";
import { snapshotLabel } from "@/lib/site/labels";
import { timelineHref } from "@/lib/url-state/hrefs";
import { Reader } from "@/components/article/reader";
import { CopyLink } from "@/components/ui/copy-link";
import styles from "./article.module.css";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listArticleSlugs()).map((slug) => ({ slug }));
}

const KIND_LABEL = { analysis: "Analysis", news: "News", opinion: "Opinion" } as const;

export async function generateMetadata({ params }: PageProps<"/articles/[slug]">): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug);
  if (!article) return {};
  const description = `${article.publisher ?? "Source article"}, ${snapshotLabel(article)}: the full text with every annotated passage marked and linked to what it supports.`;
  return {
    title: article.title,
    description,
    alternates: { canonical: `/articles/${article.slug}` },
    openGraph: { title: article.title, description, type: "article", url: `/articles/${article.slug}` },
    twitter: { card: "summary", title: article.title, description },
  };
}

export default async function ArticlePage({ params }: PageProps<"/articles/[slug]">) {
  const article = await getArticleBySlug((await params).slug);
  if (!article) notFound();
  const issues = new Map<string, string>();
  let marked = 0;
  for (const p of article.paragraphs) {
    if (p.spans.length > 0) marked++;
    for (const span of p.spans) {
      if (span.target.type !== "event") issues.set(span.target.issue.slug, span.target.issue.title);
    }
  }
  return (
    <article>
      <header className={styles.header}>
        <p className="eyebrow">
          <Link prefetch={false} href="/articles">
            Source
          </Link>{" "}
          · {KIND_LABEL[article.kind]}
        </p>
        <h1>
          {article.title}
          <CopyLink href={`/articles/${article.slug}`} label="Copy a link to this article" />
        </h1>
        <dl className={styles.meta}>
          <div>
            <dt>Publisher</dt>
            <dd>{article.publisher ?? <span className="muted">not shown in the text</span>}</dd>
          </div>
          <div>
            <dt>Published</dt>
            <dd>
              {snapshotLabel(article)}{" "}
              <span className="muted">
                (
                {article.published.precision === "day"
                  ? "inferred to the day"
                  : `known to the ${article.published.precision}`}
                )
              </span>
              <details className={styles.basis}>
                <summary>How this date was inferred</summary>
                <p>{article.published.basis}</p>
              </details>
            </dd>
          </div>
          <div>
            <dt>Perspective</dt>
            <dd>
              {article.perspective.text}
              <details className={styles.basis}>
                <summary>Why we describe it so</summary>
                <p>{article.perspective.basis}</p>
              </details>
            </dd>
          </div>
          {article.url && (
            <div>
              <dt>Original</dt>
              <dd>
                <a href={article.url} rel="noopener noreferrer">
                  {article.url}
                </a>
              </dd>
            </div>
          )}
          <div>
            <dt>Annotated</dt>
            <dd>
              {marked} of {article.paragraphCount} paragraphs ·{" "}
              <Link prefetch={false} href={timelineHref({ articles: [article.slug] })}>
                its events in the timeline
              </Link>
            </dd>
          </div>
        </dl>
        {article.notes && <p className={styles.notes}>{article.notes}</p>}
        {issues.size > 0 && (
          <nav aria-label="Issues this article covers" className={styles.issues}>
            <h2 className={styles.issuesHeading}>Issues it covers</h2>
            <ul>
              {[...issues].map(([slug, title]) => (
                <li key={slug}>
                  <Link prefetch={false} href={`/issues/${slug}`}>
                    {title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {article.actors.length > 0 && (
          <nav aria-label="Actors in this article" className={styles.issues}>
            <h2 className={styles.issuesHeading}>Actors in this article</h2>
            <ul>
              {article.actors.map((actor) => (
                <li key={actor.slug}>
                  <Link prefetch={false} href={`/actors/${actor.slug}`}>
                    {actor.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <p className={styles.legend}>
          <mark>Marked passages</mark> are quoted as evidence; the notes beside each paragraph link to what it
          supports.
        </p>
      </header>
      <Reader articleSlug={article.slug} paragraphs={article.paragraphs} />
    </article>
  );
}
