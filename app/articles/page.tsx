import type { Metadata } from "next";
import Link from "next/link";
import { listArticles } from "@/lib/queries/articles";
import { snapshotLabel } from "@/lib/site/labels";
import { Perspective } from "@/components/ui/perspective";
import styles from "./articles.module.css";

export const metadata: Metadata = {
  title: "Sources",
  description:
    "The articles Faultlines is built from, in publication order, each readable in full with its annotations.",
  alternates: { canonical: "/articles" },
};

export default async function ArticlesPage() {
  const articles = await listArticles();
  return (
    <>
      <h1>Sources</h1>
      <p className="lede">
        The articles everything here is drawn from, oldest first. Each is a snapshot of the US–Israel picture
        at its publication date.
      </p>
      <ol className={styles.list}>
        {articles.map((article) => (
          <li key={article.slug} className={styles.item}>
            <p className={styles.when}>{snapshotLabel(article)}</p>
            <h2 className={styles.title}>
              <Link prefetch={false} href={`/articles/${article.slug}`}>
                {article.title}
              </Link>
            </h2>
            <p className="ui muted">
              {article.publisher ?? "Publisher not shown"} · {article.kind} · {article.paragraphCount}{" "}
              paragraphs
            </p>
            <Perspective article={article} className={styles.perspective} />
            <p className={styles.basis}>{article.published.basis}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
