import { LEVEL_RANK, type Level } from "@/lib/domain";
import type { MatrixCell, MatrixRow } from "@/lib/queries/matrix";
import type { ActorRef, ArticleRef } from "@/lib/queries/types";
import type { MatrixSort } from "@/lib/url-state/hrefs";
import { LEVEL_LABEL } from "@/lib/site/labels";

// The matrix page's logic: what a cell says, how a level moved, and how rows sort and filter. Pure, so it is
// unit-tested without a database.

/** rated: the snapshot rates the pair; unrated: it gives a position but no rating; uncovered: neither. */
export type CellStatus = "rated" | "unrated" | "uncovered";

export function cellStatus(cell: Pick<MatrixCell, "divergence" | "a" | "b">): CellStatus {
  if (cell.divergence) return "rated";
  return cell.a || cell.b ? "unrated" : "uncovered";
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
