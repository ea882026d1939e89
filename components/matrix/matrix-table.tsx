"use client";

import { Fragment } from "react";
import Link from "next/link";
import type { ActorRef } from "@/lib/queries/types";
import {
  CHANGE_ARROW,
  CHANGE_TEXT,
  cellHref,
  cellLabel,
  cellStatus,
  rowAnchor,
  shortName,
  type CellLabelInput,
  type MatrixCellRow,
  type MatrixColumn,
  type MatrixTableRow,
} from "@/lib/views/matrix";
import type { MatrixState } from "@/lib/url-state/hrefs";
import { LevelBadge } from "@/components/ui/level-badge";
import { Perspective } from "@/components/ui/perspective";
import styles from "./matrix-table.module.css";

export interface MatrixTableProps {
  a: ActorRef;
  b: ActorRef;
  /** The snapshots, in the order of each row's cells. */
  columns: MatrixColumn[];
  rows: MatrixTableRow[];
  state: MatrixState;
  caption: string;
  /** The open cell's panel (rendered on the server), shown in a full-width row under its issue. */
  detail: React.ReactNode;
}

/**
 * Issues by snapshot, each cell a link that opens it. A client component though nothing here reacts to input, for
 * what React sends (as the timeline's list, components/timeline/timeline-list.tsx): a server component's markup goes
 * out twice, as HTML and again as its element tree, and a cell's markup (a long accessible name, a link, the badge)
 * is made from a level, two stances and a change. So the table gets those (MatrixTableRow) and makes the markup,
 * which goes out once, as HTML. Explicit table roles: some browsers drop a table's semantics once CSS turns its
 * parts into blocks (phone cards).
 */
export function MatrixTable({ a, b, columns, rows, state, caption, detail }: MatrixTableProps) {
  return (
    <table className={styles.table} role="table">
      <caption className={styles.caption}>{caption}</caption>
      <thead className={styles.head}>
        <tr role="row">
          <th scope="col" role="columnheader" className={styles.issueHead}>
            Issue
          </th>
          {columns.map((column) => (
            <th
              key={column.slug}
              scope="col"
              role="columnheader"
              className={styles.snapshotHead}
              data-filtered={state.snapshot === column.slug || undefined}
            >
              <span className={styles.when}>{column.label}</span>
              <Link prefetch={false} href={`/articles/${column.slug}`} className={styles.source}>
                {column.title}
              </Link>
              <Perspective article={column} className={styles.perspective} />
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
                {row.cells.map((cell, i) => {
                  const column = columns[i]!;
                  return (
                    <td
                      key={column.slug}
                      role="cell"
                      className={styles.cell}
                      data-snapshot={column.slug}
                      data-status={cellStatus(cell)}
                      data-level={cell.level ?? undefined}
                    >
                      <CellLink
                        issue={row.issue}
                        cell={cell}
                        column={column}
                        change={
                          cell.change && { kind: cell.change.kind, since: columns[cell.change.since]!.label }
                        }
                        a={a}
                        b={b}
                        state={state}
                        open={open && state.cell?.article === column.slug}
                      />
                    </td>
                  );
                })}
              </tr>
              {open && detail && (
                <tr role="row" className={styles.detailRow}>
                  <td role="cell" colSpan={columns.length + 1} className={styles.detail}>
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
  issue: MatrixTableRow["issue"];
  cell: MatrixCellRow;
  column: MatrixColumn;
  /** The cell's change, named by the label of the column it is measured from. */
  change: CellLabelInput["change"];
  a: ActorRef;
  b: ActorRef;
  state: MatrixState;
  open: boolean;
}

/** A cell is one link, named in full for screen readers; the visible text is what the headers leave out. */
function CellLink({ issue, cell, column, change, a, b, state, open }: CellLinkProps) {
  const status = cellStatus(cell);
  const sides = [
    { actor: a, stance: cell.a },
    { actor: b, stance: cell.b },
  ];
  const label = cellLabel({
    issue: issue.title,
    snapshot: column.label,
    level: cell.level,
    status,
    change,
    sides: sides.map(({ actor, stance }) => ({ name: shortName(actor), stance })),
    open,
  });
  return (
    <Link
      href={cellHref(state, issue.slug, open ? null : column.slug)}
      className={styles.cellLink}
      aria-label={label}
      aria-current={open ? "true" : undefined}
      prefetch={false}
      data-testid="matrix-cell"
    >
      <span className={styles.cellWhen}>{column.label}</span>
      <span className={styles.levelLine}>
        <LevelBadge
          level={cell.level}
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
          {sides.map(({ actor, stance }) => (
            <span key={actor.slug} className={styles.side} data-side={actor.slug}>
              <span className={styles.who}>{shortName(actor)}</span>{" "}
              {stance !== null ? (
                <span className={styles.stance}>{stance}</span>
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
