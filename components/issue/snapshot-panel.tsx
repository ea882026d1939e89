import Link from "next/link";
import type { ArticleRef, DivergenceView, PositionView } from "@/lib/queries/types";
import { RATED_BY_DESCRIPTION, RATED_BY_LABEL, snapshotLabel } from "@/lib/site/labels";
import { EvidenceList } from "@/components/ui/evidence-list";
import { LevelBadge } from "@/components/ui/level-badge";
import { Perspective } from "@/components/ui/perspective";
import { NoPosition, PositionCard } from "./position-card";
import styles from "./snapshot-panel.module.css";

export interface SnapshotPanelProps {
  article: ArticleRef;
  rating: DivergenceView | null;
  us: PositionView | null;
  israel: PositionView | null;
  titles: Record<string, string>;
}

export function ratingAnchor(articleSlug: string) {
  return `rating-${articleSlug}`;
}

/** One article snapshot of an issue: the rating with who made it, then US | Israel side by side. */
export function SnapshotPanel({ article, rating, us, israel, titles }: SnapshotPanelProps) {
  return (
    <section
      className={styles.snapshot}
      aria-labelledby={`snapshot-${article.slug}`}
      id={ratingAnchor(article.slug)}
    >
      <h3 id={`snapshot-${article.slug}`} className={styles.heading}>
        <span className={styles.when}>{snapshotLabel(article)}</span>{" "}
        <Link prefetch={false} href={`/articles/${article.slug}`}>
          {article.title}
        </Link>
        {article.publisher && <span className={styles.publisher}> · {article.publisher}</span>}
      </h3>
      <Perspective article={article} className={styles.perspective} />
      {rating ? (
        <div className={styles.rating}>
          <p className={styles.level}>
            <LevelBadge level={rating.level} size="large" describe />
            <span className={styles.by} title={RATED_BY_DESCRIPTION[rating.ratedBy]}>
              {RATED_BY_LABEL[rating.ratedBy]}
            </span>
          </p>
          <p className={styles.rationale}>{rating.rationale}</p>
          <details className={styles.why}>
            <summary>Evidence for this rating ({rating.evidence.length})</summary>
            <EvidenceList evidence={rating.evidence} titles={titles} compact />
          </details>
        </div>
      ) : (
        <p className={styles.rating}>
          <LevelBadge level={null} /> This article does not rate the two sides on this issue.
        </p>
      )}
      <div className={styles.sides}>
        {us ? (
          <PositionCard position={us} titles={titles} heading="actor" headingLevel={4} compact />
        ) : (
          <NoPosition name="United States" inSentence="the United States" headingLevel={4} />
        )}
        {israel ? (
          <PositionCard position={israel} titles={titles} heading="actor" headingLevel={4} compact />
        ) : (
          <NoPosition name="Israel" headingLevel={4} />
        )}
      </div>
    </section>
  );
}
