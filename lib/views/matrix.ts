import { LEVEL_RANK, type Level } from "@/lib/domain";
import type { MatrixCell, MatrixRow } from "@/lib/queries/matrix";
import type { ActorRef, ArticleRef } from "@/lib/queries/types";
import { matrixHref, type MatrixSort, type MatrixState } from "@/lib/url-state/hrefs";
import { LEVEL_LABEL, snapshotLabel } from "@/lib/site/labels";

// The matrix page's logic: what a cell says, how a level moved, how rows sort and filter, and what the table's client
// component is sent. Pure, so it is unit-tested without a database, and the table imports it in the browser.

/** rated: the snapshot rates the pair; unrated: it gives a position but no rating; uncovered: neither. */
export type CellStatus = "rated" | "unrated" | "uncovered";

/** The status of a cell, or of a table cell (MatrixCellRow), which is rated when it has a level. */
export function cellStatus(cell: Pick<MatrixCell, "divergence" | "a" | "b"> | MatrixCellRow): CellStatus {
  if ("level" in cell ? cell.level : cell.divergence) return "rated";
  return cell.a !== null || cell.b !== null ? "unrated" : "uncovered";
}

export interface LevelChange {
  /** closer: less divergent than before; further: more divergent. */
  kind: "closer" | "further" | "same";
  /** Steps on the aligned–partial–divergent scale. */
  steps: number;
  from: Level;
  /** The snapshot of the rating it is compared with. */
  since: ArticleRef;
}

/** Whether a level sits on the aligned–partial–divergent scale; "none" (one side silent) does not. */
function onScale(level: Level): boolean {
  return level !== "none";
}

/**
 * For each cell, how its rating moved from the issue's previous rating (the nearest earlier snapshot that rates
 * it); null when the cell is unrated, is the first rating, or either side of the comparison is "none".
 */
export function cellChanges(row: Pick<MatrixRow, "cells">): (LevelChange | null)[] {
  let previous: { level: Level; article: ArticleRef } | null = null;
  return row.cells.map((cell) => {
    const rating = cell.divergence;
    if (!rating) return null;
    const before = previous;
    previous = { level: rating.level, article: cell.article };
    if (!before || !onScale(before.level) || !onScale(rating.level)) return null;
    // LEVEL_RANK runs divergent 0 → aligned 2, so a higher rank is closer.
    const delta = LEVEL_RANK[rating.level] - LEVEL_RANK[before.level];
    return {
      kind: delta > 0 ? "closer" : delta < 0 ? "further" : "same",
      steps: Math.abs(delta),
      from: before.level,
      since: before.article,
    };
  });
}

export interface MatrixRowView extends MatrixRow {
  /** Position in content order, for stable sorting. */
  order: number;
  changes: (LevelChange | null)[];
  /** The most recent rating of the issue, if any. */
  latest: { level: Level; article: ArticleRef } | null;
  /** The change at the most recent rating. */
  latestChange: LevelChange | null;
}

export function toRowViews(rows: MatrixRow[]): MatrixRowView[] {
  return rows.map((row, order) => {
    const changes = cellChanges(row);
    let latestIndex = -1;
    row.cells.forEach((cell, i) => {
      if (cell.divergence) latestIndex = i;
    });
    const latestCell = latestIndex >= 0 ? row.cells[latestIndex] : undefined;
    return {
      ...row,
      order,
      changes,
      latest: latestCell?.divergence
        ? { level: latestCell.divergence.level, article: latestCell.article }
        : null,
      latestChange: latestIndex >= 0 ? (changes[latestIndex] ?? null) : null,
    };
  });
}

const CHANGE_ORDER: Record<LevelChange["kind"], number> = { further: 0, closer: 1, same: 2 };

/** Sort keys, smallest first; ties keep content order. */
function sortKey(row: MatrixRowView, sort: MatrixSort): number[] {
  switch (sort) {
    case "latest":
      // Furthest apart now first; issues no snapshot rates last.
      return [row.latest ? LEVEL_RANK[row.latest.level] : 99];
    case "change":
      // Moved further apart, then closer (bigger moves first), then unchanged, then nothing to compare.
      return row.latestChange
        ? [CHANGE_ORDER[row.latestChange.kind], -row.latestChange.steps]
        : [Object.keys(CHANGE_ORDER).length, 0];
    case "issue":
      return [];
  }
}

export function sortRows(rows: MatrixRowView[], sort: MatrixSort): MatrixRowView[] {
  const keyed = rows.map((row) => ({ row, key: [...sortKey(row, sort), row.order] }));
  keyed.sort((x, y) => {
    for (let i = 0; i < x.key.length; i++) {
      const d = x.key[i]! - y.key[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  return keyed.map((k) => k.row);
}

/** The rows a snapshot covers (rates, or gives a position for either side); every row when snapshot is null. */
export function filterRows<R extends Pick<MatrixRow, "cells">>(rows: R[], snapshot: string | null): R[] {
  if (!snapshot) return rows;
  return rows.filter((row) =>
    row.cells.some((cell) => cell.article.slug === snapshot && cellStatus(cell) !== "uncovered"),
  );
}

/** How many issues each snapshot covers, by article slug. */
export function coverageCounts(rows: Pick<MatrixRow, "cells">[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows)
    for (const cell of row.cells) {
      counts[cell.article.slug] ??= 0;
      if (cellStatus(cell) !== "uncovered") counts[cell.article.slug]!++;
    }
  return counts;
}

export const CHANGE_TEXT: Record<LevelChange["kind"], string> = {
  closer: "closer",
  further: "further apart",
  same: "unchanged",
};

/** ↘ closer, ↗ further apart: the arrow points the way the gap moved. */
export const CHANGE_ARROW: Record<LevelChange["kind"], string> = { closer: "↘", further: "↗", same: "" };

const SHORT_NAME: Record<string, string> = { us: "US" };

/** The name a side goes by in a crowded cell: "US" rather than "United States". */
export function shortName(actor: Pick<ActorRef, "slug" | "name">): string {
  return SHORT_NAME[actor.slug] ?? actor.name;
}

export interface CellLabelInput {
  issue: string;
  snapshot: string;
  level: Level | null;
  status: CellStatus;
  change: (Pick<LevelChange, "kind"> & { since: string }) | null;
  sides: { name: string; stance: string | null }[];
  open?: boolean;
}

/**
 * A cell link's accessible name, whole: "US–Iran nuclear diplomacy, June 2025: divergent; US: Open to direct
 * talks; Israel: …". Sighted readers get the issue and snapshot from the headers; a screen reader gets it here.
 */
export function cellLabel({ issue, snapshot, level, status, change, sides, open = false }: CellLabelInput) {
  const what =
    status === "rated" && level
      ? LEVEL_LABEL[level].toLowerCase()
      : status === "unrated"
        ? "not rated"
        : "not covered";
  const moved =
    change && change.kind !== "same" ? `, ${CHANGE_TEXT[change.kind]} than in ${change.since}` : "";
  const positions =
    status === "uncovered" ? "" : sides.map((s) => `; ${s.name}: ${s.stance ?? "no position"}`).join("");
  return `${issue}, ${snapshot}: ${what}${moved}${positions}${open ? " (open below; follow again to close)" : ""}`;
}

/** The id of an issue's row in the table: where a cell's links return to. */
export function rowAnchor(issue: string): string {
  return `row-${issue}`;
}

/** A view with the cell of `issue` in `article` open (null: with no cell open), at the issue's row. */
export function cellHref(state: MatrixState, issue: string, article: string | null): string {
  return matrixHref({ ...state, cell: article === null ? null : { issue, article } }, `#${rowAnchor(issue)}`);
}

// The table is a client component fed the rows below: a server component's markup goes out twice, as HTML and again as
// the element tree that hydrates it, and each cell's markup is mostly its accessible name and link, both made from a
// few facts. So the table gets the facts (each article once, each cell what only it says) and makes the rest.

/** A snapshot as the table's column: its heading's words, and the label that names it in cells. */
export interface MatrixColumn {
  slug: string;
  title: string;
  /** snapshotLabel of the article: "June 2025". */
  label: string;
  perspective: Pick<ArticleRef["perspective"], "text">;
}

/** One cell of a table row, in its column's place (the cell of columns[i] is cells[i]). */
export interface MatrixCellRow {
  /** The rating's level; null when the snapshot does not rate the pair. */
  level: Level | null;
  /** Each side's stance; null when the snapshot gives that side no position. */
  a: string | null;
  b: string | null;
  /** How the level moved since the issue's previous rating, in the column `since`. */
  change: { kind: LevelChange["kind"]; since: number } | null;
}

export interface MatrixTableRow {
  issue: { slug: string; title: string };
  cells: MatrixCellRow[];
}

export function toColumns(articles: ArticleRef[]): MatrixColumn[] {
  return articles.map((article) => ({
    slug: article.slug,
    title: article.title,
    label: snapshotLabel(article),
    perspective: { text: article.perspective.text },
  }));
}

/** Rows as the table gets them; `articles` are the columns, in the order of each row's cells. */
export function toTableRows(rows: MatrixRowView[], articles: Pick<ArticleRef, "slug">[]): MatrixTableRow[] {
  const column = (slug: string) => articles.findIndex((article) => article.slug === slug);
  return rows.map((row) => ({
    issue: { slug: row.issue.slug, title: row.issue.title },
    cells: row.cells.map((cell, i) => {
      const change = row.changes[i];
      return {
        level: cell.divergence?.level ?? null,
        a: cell.a?.stance ?? null,
        b: cell.b?.stance ?? null,
        change: change ? { kind: change.kind, since: column(change.since.slug) } : null,
      };
    }),
  }));
}
