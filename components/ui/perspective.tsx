import type { ArticleRef } from "@/lib/queries/types";
import { snapshotLabel } from "@/lib/site/labels";
import styles from "./perspective.module.css";

export interface PerspectiveProps {
  /** An article, or what a list sends of it: its slug and perspective, which may leave out the basis. */
  article: Pick<ArticleRef, "slug"> & {
    perspective: Pick<ArticleRef["perspective"], "text"> & { basis?: string };
  };
  /** Also say why we describe the source so (the article page), when the article comes with its basis. */
  withBasis?: boolean;
  className?: string;
}

/** The source's standpoint in one line, labelled as ours: it describes the source, it is not the source's words. */
export function Perspective({ article, withBasis = false, className }: PerspectiveProps) {
  return (
    <div className={`${styles.perspective} ${className ?? ""}`} data-perspective={article.slug}>
      <p>
        <span className={styles.label}>Perspective</span> {article.perspective.text}
      </p>
      {withBasis && article.perspective.basis !== undefined && (
        <details className={styles.basis}>
          <summary>Why we describe it so</summary>
          <p>{article.perspective.basis}</p>
        </details>
      )}
    </div>
  );
}

export interface SourceShiftProps {
  from: ArticleRef;
  to: ArticleRef;
  /** List each source's perspective under the note (where the page does not show them already). */
  withPerspectives?: boolean;
}

/** Said wherever two snapshots are compared and their publishers differ (or one is not known). */
export function SourceShift({ from, to, withPerspectives = false }: SourceShiftProps) {
  const publisher = (article: ArticleRef) => article.publisher ?? "a publisher the article does not name";
  return (
    <div className={styles.shift} role="note" data-testid="source-shift">
      <p>
        <strong>Different sources.</strong> {snapshotLabel(from)} is from {publisher(from)},{" "}
        {snapshotLabel(to)} from {publisher(to)}: a change between them may reflect the source as much as
        events.
      </p>
      {withPerspectives && (
        <ul>
          {[from, to].map((article) => (
            <li key={article.slug}>
              <span className={styles.label}>{snapshotLabel(article)}</span> {article.perspective.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
