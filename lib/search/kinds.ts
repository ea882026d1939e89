// What search finds, in the order the results page lists them. Zod-free and server-free: the header's client island
// imports it.

export const SEARCH_KINDS = ["issue", "actor", "event", "position", "rating", "passage"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const KIND_LABEL: Record<SearchKind, { one: string; many: string }> = {
  issue: { one: "Issue", many: "Issues" },
  actor: { one: "Actor", many: "Actors" },
  event: { one: "Event", many: "Events" },
  position: { one: "Position", many: "Positions" },
  rating: { one: "Divergence rating", many: "Divergence ratings" },
  passage: { one: "Passage", many: "Article passages" },
};

export function isSearchKind(value: string): value is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(value);
}
