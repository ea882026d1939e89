import { Fragment } from "react";
import Link from "next/link";
import type { MatrixCell } from "@/lib/queries/matrix";
import type { ActorRef, ArticleRef } from "@/lib/queries/types";
import {
  CHANGE_ARROW,
  CHANGE_TEXT,
  cellLabel,
  cellStatus,
  shortName,
  type LevelChange,
  type MatrixRowView,
} from "@/lib/views/matrix";
import { snapshotLabel } from "@/lib/site/labels";
import { matrixHref, type MatrixState } from "@/lib/url-state/hrefs";
import { LevelBadge } from "@/components/ui/level-badge";
import { Perspective } from "@/components/ui/perspective";
import styles from "./matrix-table.module.css";

export interface MatrixTableProps {
  a: ActorRef;
  b: ActorRef;
  articles: ArticleRef[];
  rows: MatrixRowView[];
  state: MatrixState;
  caption: string;
  /** The open cell's panel, shown in a full-width row under its issue. */
  detail: React.ReactNode;
}

export function rowAnchor(issue: string): string {
  return `row-${issue}`;
}

// Explicit table roles: some browsers drop a table's semantics once CSS turns its parts into blocks (phone cards).
export function MatrixTable({ a, b, articles, rows, state, caption, detail }: MatrixTableProps) {
  return (
    <table className={styles.table} role="table">
      <caption className={styles.caption}>{caption}</caption>
      <thead className={styles.head}>
        <tr role="row">
          <th scope="col" role="columnheader" className={styles.issueHead}>
            Issue
          </th>
          {articles.map((article) => (
            <th
              key={article.slug}
              scope="col"
              role="columnheader"
              className={styles.snapshotHead}
              data-filtered={state.snapshot === article.slug || undefined}
            >
              <span className={styles.when}>{snapshotLabel(article)}</span>
              <Link prefetch={false} href={`/articles/${article.slug}`} className={styles.source}>
                {article.title}
              </Link>
              <Perspective article={article} className={styles.perspective} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const open = state.cell?.issue === row.issue.slug;
          return (
            <Fragment key={row.issue.slug}>
              <tr
                role="row"
                id={rowAnchor(row.issue.slug)}
                className={styles.row}
                data-issue={row.issue.slug}
              >
                <th scope="row" role="rowheader" className={styles.issue}>
                  <Link prefetch={false} href={`/issues/${row.issue.slug}`}>
                    {row.issue.title}
                  </Link>
                </th>
                {row.cells.map((cell, i) => (
                  <td
                    key={cell.article.slug}
                    role="cell"
                    className={styles.cell}
                    data-snapshot={cell.article.slug}
                    data-status={cellStatus(cell)}
                    data-level={cell.divergence?.level}
                  >
                    <CellLink
                      issue={row.issue}
                      cell={cell}
                      change={row.changes[i] ?? null}
                      a={a}
                      b={b}
                      state={state}
                      open={open && state.cell?.article === cell.article.slug}
                    />
                  </td>
                ))}
              </tr>
              {open && detail && (
                <tr role="row" className={styles.detailRow}>
                  <td role="cell" colSpan={articles.length + 1} className={styles.detail}>
                    {detail}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

interface CellLinkProps {
  issue: { slug: string; title: string };
  cell: MatrixCell;
  change: LevelChange | null;
  a: ActorRef;
  b: ActorRef;
  state: MatrixState;
  open: boolean;
}

/** A cell is one link, named in full for screen readers; the visible text is what the headers leave out. */
function CellLink({ issue, cell, change, a, b, state, open }: CellLinkProps) {
  const status = cellStatus(cell);
  const when = snapshotLabel(cell.article);
  const sides = [
    { actor: a, position: cell.a },
    { actor: b, position: cell.b },
  ];
  const href = matrixHref(
    { ...state, cell: open ? null : { issue: issue.slug, article: cell.article.slug } },
    `#${rowAnchor(issue.slug)}`,
  );
  const label = cellLabel({
    issue: issue.title,
    snapshot: when,
    level: cell.divergence?.level ?? null,
    status,
    change: change && { kind: change.kind, since: snapshotLabel(change.since) },
    sides: sides.map(({ actor, position }) => ({ name: shortName(actor), stance: position?.stance ?? null })),
    open,
  });
  return (
    <Link
      href={href}
      className={styles.cellLink}
      aria-label={label}
      aria-current={open ? "true" : undefined}
      prefetch={false}
      data-testid="matrix-cell"
    >
      <span className={styles.cellWhen}>{when}</span>
      <span className={styles.levelLine}>
        <LevelBadge
          level={cell.divergence?.level ?? null}
          size="small"
          emptyLabel={status === "unrated" ? "Not rated" : "Not covered"}
        />
        {change && change.kind !== "same" && (
          <span className={styles.change} data-change={change.kind}>
            <span aria-hidden="true">{CHANGE_ARROW[change.kind]}</span> {CHANGE_TEXT[change.kind]}
          </span>
        )}
      </span>
      {status !== "uncovered" && (
        <span className={styles.sides}>
          {sides.map(({ actor, position }) => (
            <span key={actor.slug} className={styles.side} data-side={actor.slug}>
              <span className={styles.who}>{shortName(actor)}</span>{" "}
              {position ? (
                <span className={styles.stance}>{position.stance}</span>
              ) : (
                <span className={styles.silent}>no position</span>
              )}
            </span>
          ))}
        </span>
      )}
    </Link>
  );
}
