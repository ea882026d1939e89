"use client";

import Link from "next/link";
import type { ActorKind } from "@/lib/domain";
import type { RatedPair } from "@/lib/queries/matrix";
import type { ActorRef } from "@/lib/queries/types";
import { ACTOR_KIND_PLURAL } from "@/lib/site/labels";
import { MATRIX_PARAMS, matrixHref, type MatrixSort, type MatrixState } from "@/lib/url-state/hrefs";
import type { MatrixColumn } from "@/lib/views/matrix";
import styles from "./matrix-controls.module.css";

export interface MatrixControlsProps {
  state: MatrixState;
  /** The actors both lists offer, as refs only: props are sent to the browser, descriptions and aliases with them. */
  actors: ActorRef[];
  ratedPairs: RatedPair[];
  /** The snapshots, as the table's columns. */
  columns: MatrixColumn[];
  /** Issues each snapshot covers, by article slug. */
  coverage: Record<string, number>;
  issueCount: number;
}

const SORT_LABEL: Record<MatrixSort, string> = {
  issue: "Issue",
  latest: "Latest level",
  change: "Change",
};

const SORT_TITLE: Record<MatrixSort, string> = {
  issue: "In the order of the issue list",
  latest: "Furthest apart in the most recent rating first",
  change: "Moved further apart first, then closer, then unchanged",
};

/**
 * The view's settings as plain links and a GET form: every state is a URL, with or without JavaScript. A client
 * component for the table's reason (matrix-table.tsx): rendered on the server, its element tree went out beside the
 * HTML, and with it each actor twice (both lists) and each snapshot's links; as props the actors go once.
 */
export function MatrixControls({
  state,
  actors,
  ratedPairs,
  columns,
  coverage,
  issueCount,
}: MatrixControlsProps) {
  const groups = new Map<ActorKind, ActorRef[]>();
  for (const actor of actors) groups.set(actor.kind, [...(groups.get(actor.kind) ?? []), actor]);
  // Changing the pair keeps the sort and filter, and closes the cell: it belonged to the other pair.
  const view = { ...state, cell: null };
  const isCurrent = (p: RatedPair) =>
    (p.a.slug === state.a && p.b.slug === state.b) || (p.a.slug === state.b && p.b.slug === state.a);

  return (
    <div className={styles.controls}>
      <form method="get" action="/matrix" className={styles.pair}>
        <fieldset>
          <legend>Compare two actors</legend>
          <div className={styles.fields}>
            {(["a", "b"] as const).map((side) => (
              <label key={side} className={styles.field}>
                <span>{side === "a" ? "First" : "Second"}</span>
                <select name={MATRIX_PARAMS[side]} defaultValue={state[side]}>
                  {[...groups].map(([kind, members]) => (
                    <optgroup key={kind} label={ACTOR_KIND_PLURAL[kind]}>
                      {members.map((actor) => (
                        <option key={actor.slug} value={actor.slug}>
                          {actor.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </label>
            ))}
            {state.sort !== "issue" && <input type="hidden" name={MATRIX_PARAMS.sort} value={state.sort} />}
            {state.snapshot && <input type="hidden" name={MATRIX_PARAMS.snapshot} value={state.snapshot} />}
            <button type="submit" className={styles.button}>
              Show
            </button>
          </div>
        </fieldset>
        <p className={styles.rated}>
          Rated pairs:{" "}
          {ratedPairs.length === 0
            ? "none yet."
            : ratedPairs.map((p, i) => (
                <span key={`${p.a.slug}-${p.b.slug}`}>
                  {i > 0 && ", "}
                  <Link
                    href={matrixHref({ ...view, a: p.a.slug, b: p.b.slug }, "#view")}
                    aria-current={isCurrent(p) ? "true" : undefined}
                    prefetch={false}
                  >
                    {p.a.name} and {p.b.name}
                  </Link>{" "}
                  ({p.count} {p.count === 1 ? "rating" : "ratings"})
                </span>
              ))}
        </p>
      </form>

      <div className={styles.views}>
        <div className={styles.group}>
          <span className={styles.label} id="sort-label">
            Sort by
          </span>
          <ul className={styles.options} aria-labelledby="sort-label">
            {(Object.keys(SORT_LABEL) as MatrixSort[]).map((sort) => (
              <li key={sort}>
                <Link
                  href={matrixHref({ ...state, sort }, "#view")}
                  aria-current={state.sort === sort ? "true" : undefined}
                  title={SORT_TITLE[sort]}
                  scroll={false}
                  prefetch={false}
                >
                  {SORT_LABEL[sort]}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div className={styles.group}>
          <span className={styles.label} id="filter-label">
            Show issues
          </span>
          <ul className={styles.options} aria-labelledby="filter-label">
            <li>
              <Link
                href={matrixHref({ ...state, snapshot: null }, "#view")}
                aria-current={state.snapshot === null ? "true" : undefined}
                scroll={false}
                prefetch={false}
              >
                All <Count n={issueCount} />
              </Link>
            </li>
            {columns.map((column) => (
              <li key={column.slug}>
                <Link
                  href={matrixHref({ ...state, snapshot: column.slug }, "#view")}
                  aria-current={state.snapshot === column.slug ? "true" : undefined}
                  title={`Only the issues ${column.title} covers`}
                  scroll={false}
                  prefetch={false}
                >
                  <span className="visually-hidden">Covered by </span>
                  {column.label} <Count n={coverage[column.slug] ?? 0} />
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function Count({ n }: { n: number }) {
  return (
    <span className={styles.count}>
      <span className="visually-hidden">, </span>
      {n}
      <span className="visually-hidden"> {n === 1 ? "issue" : "issues"}</span>
    </span>
  );
}
