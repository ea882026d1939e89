import type { SearchKind } from "./kinds";

// The search page's URL: parameter names and the canonical query string. Zod-free, for links anywhere.

export const SEARCH_PARAMS = {
  q: "q",
  kind: "kind",
  article: "article",
  actor: "actor",
  page: "page",
} as const;

export interface SearchState {
  /** What was typed (cut to the longest query searched). */
  q: string;
  /** One kind of result, paginated; null for the overview of every kind. */
  kind: SearchKind | null;
  /** Only what involves this source article (slug). */
  article: string | null;
  /** Only what involves this actor (slug). */
  actor: string | null;
  page: number;
}

export const EMPTY_SEARCH: SearchState = { q: "", kind: null, article: null, actor: null, page: 1 };

/** The canonical query string for a search state, in one order; defaults are left out. */
export function toSearchParams(state: Partial<SearchState>): URLSearchParams {
  const out = new URLSearchParams();
  if (state.q) out.set(SEARCH_PARAMS.q, state.q);
  if (state.kind) out.set(SEARCH_PARAMS.kind, state.kind);
  if (state.article) out.set(SEARCH_PARAMS.article, state.article);
  if (state.actor) out.set(SEARCH_PARAMS.actor, state.actor);
  if (state.kind && state.page && state.page > 1) out.set(SEARCH_PARAMS.page, String(state.page));
  return out;
}

/** `/search?…` for a state. */
export function searchHref(state: Partial<SearchState>): string {
  const query = toSearchParams(state).toString();
  return `/search${query ? `?${query}` : ""}`;
}
