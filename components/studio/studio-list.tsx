import Link from "next/link";
import type { StudioArticle } from "@/lib/studio/view";
import styles from "./studio.module.css";

export interface StudioListProps {
  articles: StudioArticle[];
  problems: string[];
}

export function StudioList({ articles, problems }: StudioListProps) {
  return (
    <div className={styles.page}>
      <p className="eyebrow">Studio · review mode on this computer only</p>
      <h1>Articles to review</h1>
      <p className="lede">
        Articles imported with <code>npm run article:add</code> that are still drafts or still have
        suggestions. Open one to accept, edit or reject what the assist found, and to annotate by selecting
        its words.
      </p>
      {problems.length > 0 && (
        <div role="alert" className={styles.error}>
          <p>The content has errors, so nothing can be reviewed until they are fixed:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {articles.length === 0 && problems.length === 0 ? (
        <p>Nothing to review: every article is published and no draft file holds suggestions.</p>
      ) : (
        <ul className={styles.list}>
          {articles.map((a) => (
            <li key={a.slug}>
              <Link href={`/studio/${a.slug}`}>{a.title}</Link>
              <span className="muted">
                {" "}
                · {a.suggestions} suggestion{a.suggestions === 1 ? "" : "s"} left ·{" "}
                {a.draft ? "draft, not published" : "published"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
