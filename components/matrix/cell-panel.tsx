import Link from "next/link";
import type { MatrixCell } from "@/lib/queries/matrix";
import type { ActorRef, IssueRef } from "@/lib/queries/types";
import { cellStatus, CHANGE_TEXT, type LevelChange } from "@/lib/views/matrix";
import { LEVEL_LABEL, RATED_BY_DESCRIPTION, RATED_BY_LABEL, snapshotLabel } from "@/lib/site/labels";
import { NoPosition, PositionCard } from "@/components/issue/position-card";
import { EvidenceList } from "@/components/ui/evidence-list";
import { LevelBadge } from "@/components/ui/level-badge";
import { FocusOnArrival } from "./focus-on-arrival";
import styles from "./cell-panel.module.css";

export interface CellPanelProps {
  issue: IssueRef;
  cell: MatrixCell;
  change: LevelChange | null;
  a: ActorRef;
  b: ActorRef;
  titles: Record<string, string>;
  /** Where "Close" goes: the same view without the open cell. */
  closeHref: string;
  /** The same issue in the neighbouring snapshots, to move along the row. */
  previous: { label: string; href: string } | null;
  next: { label: string; href: string } | null;
}

const PANEL_HEADING_ID = "cell-heading";

/** The drill-down for one cell: who rated it, why, the quotes, and both sides' positions with theirs. */
export function CellPanel({ issue, cell, change, a, b, titles, closeHref, previous, next }: CellPanelProps) {
  const status = cellStatus(cell);
  const rating = cell.divergence;
  const when = snapshotLabel(cell.article);
  const source = (
    <Link prefetch={false} href={`/articles/${cell.article.slug}`} className={styles.article}>
      {cell.article.title}
    </Link>
  );
  return (
    <section
      className={styles.panel}
      aria-labelledby={PANEL_HEADING_ID}
      data-testid="cell-panel"
      data-cell={`${issue.slug}:${cell.article.slug}`}
    >
      <FocusOnArrival targetId={PANEL_HEADING_ID} cell={`${issue.slug}:${cell.article.slug}`} />
      <header className={styles.header}>
        <div>
          <p className={styles.eyebrow}>
            {a.name} and {b.name} · {when}
          </p>
          <h2 id={PANEL_HEADING_ID} tabIndex={-1} className={styles.heading}>
            {issue.title}
          </h2>
        </div>
        <nav aria-label="This cell" className={styles.actions}>
          <Link prefetch={false} href={`/issues/${issue.slug}`}>
            Topic page
          </Link>
          {previous && (
            <Link href={previous.href} prefetch={false}>
              <span aria-hidden="true">← </span>
              <span className="visually-hidden">Previous snapshot: </span>
              {previous.label}
            </Link>
          )}
          {next && (
            <Link href={next.href} prefetch={false}>
              <span className="visually-hidden">Next snapshot: </span>
              {next.label}
              <span aria-hidden="true"> →</span>
            </Link>
          )}
          <Link href={closeHref} prefetch={false} className={styles.close}>
            Close<span className="visually-hidden"> the {when} cell</span>
          </Link>
        </nav>
      </header>

      {rating ? (
        <div className={styles.rating}>
          <p className={styles.level}>
            <LevelBadge level={rating.level} size="large" describe />
            {change && (
              <span className={styles.change} data-change={change.kind}>
                {change.kind === "same"
                  ? `Unchanged since ${snapshotLabel(change.since)}`
                  : `${capitalise(CHANGE_TEXT[change.kind])} than in ${snapshotLabel(change.since)} (${LEVEL_LABEL[change.from].toLowerCase()})`}
              </span>
            )}
          </p>
          <p className={styles.by}>
            <strong title={RATED_BY_DESCRIPTION[rating.ratedBy]}>{RATED_BY_LABEL[rating.ratedBy]}</strong>
            {rating.ratedBy === "source" ? (
              <> — the article {source} draws this contrast itself.</>
            ) : (
              <> — our reading of the positions {source} reports; the article does not rate them itself.</>
            )}
          </p>
          <h3 className={styles.subheading}>Rationale</h3>
          <p className={styles.rationale}>{rating.rationale}</p>
          <h3 className={styles.subheading}>Evidence for the rating</h3>
          <EvidenceList evidence={rating.evidence} titles={titles} />
        </div>
      ) : status === "unrated" ? (
        <p className={styles.rating}>
          <LevelBadge level={null} emptyLabel="Not rated" /> {source} gives positions on this issue but no
          rating of {a.name} against {b.name}. Ratings are made by sources or annotators, not computed.
        </p>
      ) : (
        <p className={styles.rating}>
          <LevelBadge level={null} /> {source} does not cover this issue for {a.name} and {b.name}: it gives
          no rating and no position for either side.
        </p>
      )}

      {status !== "uncovered" && (
        <div className={styles.sides}>
          {[
            { actor: a, position: cell.a },
            { actor: b, position: cell.b },
          ].map(({ actor, position }) =>
            position ? (
              <PositionCard key={actor.slug} position={position} titles={titles} heading="actor" />
            ) : (
              <NoPosition key={actor.slug} name={actor.name} />
            ),
          )}
        </div>
      )}
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
