import { SEARCH_KINDS, type SearchKind } from "./kinds";
import type { ParsedQuery } from "./query";

// What a search store (SQLite FTS5, PostgreSQL's tsvector) is asked and answers. The query arrives parsed; the
// store compiles it into its own syntax. Highlighted text comes back with MARK_START/MARK_END around each match.

export interface StoreRequest {
  query: ParsedQuery;
  kind: SearchKind | null;
  article: string | null;
  actor: string | null;
  /** One ranked slice, or the best `perKind` of every kind (the grouped overview). */
  window: { offset: number; limit: number } | { perKind: number };
}

export interface StoreHit {
  kind: SearchKind;
  key: string;
  label: string;
  issue: string | null;
  article: string | null;
  actor: string | null;
  paragraph: number | null;
  /** The indexed title with matches marked. */
  title: string;
  /** An actor's other names with matches marked. */
  aliases: string;
  /** The best stretch of the body with matches marked. */
  snippet: string;
}

export interface StoreResult {
  /** Matches of each kind, under the actor and article filters but not the kind filter. */
  counts: Record<SearchKind, number>;
  hits: StoreHit[];
}

export interface SearchStore {
  search(request: StoreRequest): Promise<StoreResult>;
}

/** Each kind's match count from the rows of a `GROUP BY` over the kind's index (`k`, `n`), zero for the rest. */
export function kindCounts(rows: { k: number | bigint; n: number | bigint }[]): Record<SearchKind, number> {
  const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
  for (const row of rows) {
    const kind = SEARCH_KINDS[Number(row.k)];
    if (kind) counts[kind] = Number(row.n);
  }
  return counts;
}

/** The ranked slices a request needs: its one window, or the best few of every kind that matched (the overview). */
export function rankedSlices(
  request: StoreRequest,
  counts: Record<SearchKind, number>,
): { kind: SearchKind | null; limit: number; offset: number }[] {
  const window = request.window;
  return "perKind" in window
    ? SEARCH_KINDS.filter((k) => counts[k] > 0).map((k) => ({ kind: k, limit: window.perKind, offset: 0 }))
    : [{ kind: request.kind, limit: window.limit, offset: window.offset }];
}
