import type { SearchKind } from "./kinds";
import type { ParsedQuery } from "./query";

// What a search store (SQLite FTS5 today, PostgreSQL later) is asked and answers. The query arrives parsed; the
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
