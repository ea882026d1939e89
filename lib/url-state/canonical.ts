import {
  DEFAULT_MATRIX,
  DEFAULT_PAGE_SIZE,
  EMPTY_TIMELINE,
  EVENT_FILTER_PARAMS,
  EVENTS_API_PARAMS,
  EVENTS_LIMIT,
  MATRIX_PARAMS,
  SEARCH_API_PARAMS,
  SEARCH_PARAMS,
  TIMELINE_PARAMS,
  TIMELINE_REPEATABLE,
} from "./hrefs";
import { API_DEFAULT_LIMIT } from "./search";

// The canonical form of a view's URL: what the response cache (lib/serve) keys on and what the server renders. Two
// URLs with the same canonical form get the same page, so the form may only normalise what the view itself ignores:
// the order of parameters and of repeated values, duplicates, blank values it reads as absent, values spelt as the
// default, the values (not the names) of unknown parameters, and the parameters a view never mentions. Slugs are not
// checked here (that needs the database): an unknown one stays in the URL, and the view notes or rejects it as before.

interface ViewParams {
  /** Parameter names in canonical order. */
  names: readonly string[];
  repeatable: readonly string[];
  /** A value equal to the default is the same as no value. */
  defaults: Readonly<Record<string, string>>;
  /** Single-valued parameters whose blank value (an empty form field) the view reads as no value. */
  blankIsAbsent: readonly string[];
  /** Unknown parameters: named in a note or a 400 ("name", kept without its value), or ignored ("drop"). */
  unknown: "name" | "drop";
}

const timelineFilters = {
  repeatable: TIMELINE_REPEATABLE,
  defaults: { [TIMELINE_PARAMS.mode]: "any" },
};

const VIEWS: Readonly<Record<string, ViewParams>> = {
  "/timeline": {
    ...timelineFilters,
    names: Object.values(TIMELINE_PARAMS),
    defaults: {
      ...timelineFilters.defaults,
      [TIMELINE_PARAMS.page]: String(EMPTY_TIMELINE.page),
      [TIMELINE_PARAMS.per]: String(DEFAULT_PAGE_SIZE),
    },
    blankIsAbsent: [TIMELINE_PARAMS.from, TIMELINE_PARAMS.to],
    unknown: "name",
  },
  // The API reads strictly: a blank value is a 400, not an absent one.
  "/api/v1/events": {
    ...timelineFilters,
    defaults: { ...timelineFilters.defaults, [EVENTS_API_PARAMS.limit]: String(EVENTS_LIMIT.default) },
    names: Object.values(EVENTS_API_PARAMS),
    blankIsAbsent: [],
    unknown: "name",
  },
  "/api/v1/events.csv": {
    ...timelineFilters,
    names: Object.values(EVENT_FILTER_PARAMS),
    blankIsAbsent: [],
    unknown: "name",
  },
  "/matrix": {
    names: Object.values(MATRIX_PARAMS),
    repeatable: [],
    defaults: { [MATRIX_PARAMS.sort]: DEFAULT_MATRIX.sort },
    blankIsAbsent: Object.values(MATRIX_PARAMS),
    unknown: "drop",
  },
  "/api/v1/matrix": {
    names: [MATRIX_PARAMS.a, MATRIX_PARAMS.b],
    repeatable: [],
    defaults: {},
    blankIsAbsent: [],
    unknown: "name",
  },
  // A blank query is the empty search page; paging only counts with a kind, but the page reads it either way.
  "/search": {
    names: Object.values(SEARCH_PARAMS),
    repeatable: [],
    defaults: { [SEARCH_PARAMS.page]: "1" },
    blankIsAbsent: Object.values(SEARCH_PARAMS),
    unknown: "name",
  },
  "/api/v1/search": {
    names: Object.values(SEARCH_API_PARAMS),
    repeatable: [],
    defaults: { [SEARCH_API_PARAMS.limit]: String(API_DEFAULT_LIMIT) },
    blankIsAbsent: [],
    unknown: "name",
  },
};

/** Keys that belong to the framework (`_rsc`) or to whoever shared the link (`utm_…`): no view reads them. */
const isForeign = (key: string) => key.startsWith("_") || key.startsWith("utm_");

/** The paths whose query string is canonicalised here (the views rendered per request). */
export const CANONICAL_VIEWS: readonly string[] = Object.keys(VIEWS);

/**
 * The canonical query string (without `?`, empty for none) of a request to one of CANONICAL_VIEWS, or null for any
 * other path.
 */
export function canonicalQuery(pathname: string, params: URLSearchParams): string | null {
  const view = VIEWS[pathname];
  if (!view) return null;
  const out = new URLSearchParams();
  for (const name of view.names) {
    const values = params.getAll(name);
    if (view.repeatable.includes(name)) {
      for (const value of [...new Set(values)].sort()) out.append(name, value);
      continue;
    }
    const last = values.at(-1);
    if (last === undefined || last === view.defaults[name]) continue;
    if (last === "" && view.blankIsAbsent.includes(name)) continue;
    out.set(name, last);
  }
  if (view.unknown === "name") {
    const unknown = [...new Set(params.keys())].filter((k) => !view.names.includes(k) && !isForeign(k));
    for (const key of unknown.sort()) out.append(key, "");
  }
  return out.toString();
}
