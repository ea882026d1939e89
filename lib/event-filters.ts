// What the event list can be filtered by. Shared by the query layer, the URL state and the client islands, so it
// lives apart from both (the query layer is server-only).

export interface EventFilters {
  /** Actor slugs; events involving any of them (or all, with `actorMode: "all"`). */
  actors: string[];
  actorMode: "any" | "all";
  issues: string[];
  /** Inclusive ISO dates; an event matches when its date span overlaps [from, to]. */
  from: string | null;
  to: string | null;
  articles: string[];
}

export const NO_FILTERS: EventFilters = {
  actors: [],
  actorMode: "any",
  issues: [],
  from: null,
  to: null,
  articles: [],
};
