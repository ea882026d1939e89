"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useState, useSyncExternalStore, useTransition } from "react";
import type { FacetOption } from "@/lib/queries/events";
import { WIDE_SCREEN } from "@/lib/site/screens";
import { DEFAULT_PAGE_SIZE, TIMELINE_PARAMS, timelineHref, type TimelineState } from "@/lib/url-state/hrefs";
import styles from "./timeline-filters.module.css";

export interface TimelineFiltersProps {
  state: TimelineState;
  /** The actors offered as checkboxes: those with the most events, and every one chosen. */
  actors: FacetOption[];
  /** How many actors have events in all; beyond those offered, the find field looks them up. */
  actorTotal: number;
  issues: FacetOption[];
  articles: FacetOption[];
  /** How many filter values are active, for the panel's label. */
  active: number;
}

/** How long a typed date waits before it is applied, so typing a year digit by digit is one change. */
const DATE_DELAY_MS = 900;
const FIND_FROM = 12;

/** An actor as /api/v1/actors lists it. */
interface ListedActor {
  slug: string;
  name: string;
  aliases: string[];
}

/**
 * The filter form. Without JavaScript it is a plain GET form that the server reads. With it, every change
 * replaces the URL (one history entry each) with the canonical query and the server renders the new list.
 */
export function TimelineFilters({
  state,
  actors,
  actorTotal,
  issues,
  articles,
  active,
}: TimelineFiltersProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(state);
  const panel = useRef<HTMLDetailsElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // True once hydrated: controls that need JavaScript are not shown without it.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [find, setFind] = useState("");
  // Every actor, fetched the first time the find field is used when some are not offered as checkboxes.
  const [everyone, setEveryone] = useState<ListedActor[] | null>(null);
  const fetching = useRef(false);
  const partial = actorTotal > actors.length;

  // Dates are typed, so they are held locally and applied after a pause, on leaving the field or on submit;
  // when the URL changes (Back, a chip, a chart bar) they follow it.
  const [from, setFrom] = useState(state.from ?? "");
  const [to, setTo] = useState(state.to ?? "");
  const [urlDates, setUrlDates] = useState({ from: state.from, to: state.to });
  if (urlDates.from !== state.from || urlDates.to !== state.to) {
    setUrlDates({ from: state.from, to: state.to });
    setFrom(state.from ?? "");
    setTo(state.to ?? "");
  }
  const dateTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    // The panel starts closed (right for phones, and without JavaScript); on a wide screen it opens as a sidebar.
    if (panel.current && window.matchMedia(WIDE_SCREEN).matches) panel.current.open = true;
    return () => window.clearTimeout(dateTimer.current);
  }, []);

  useEffect(() => {
    // On a phone the scripts start with the first use (lib/serve/hydrate.ts), often the tap that opened this panel:
    // what was ticked or typed before they ran is in the form, not in the state, which would write over it. Only the
    // controls the reader changed (their state differs from the one the server drew) are applied, as those changes
    // would have been: a filter the form does not show (an actor with no events) stays as the URL has it.
    if (!form.current) return;
    let next = state;
    let changed = false;
    const lists = {
      [TIMELINE_PARAMS.actor]: "actors",
      [TIMELINE_PARAMS.issue]: "issues",
      [TIMELINE_PARAMS.article]: "articles",
    } as const;
    for (const control of form.current.elements) {
      if (!(control instanceof HTMLInputElement) || !control.name) continue;
      const { name, type, value } = control;
      if (type === "checkbox" || type === "radio") {
        if (control.checked === control.defaultChecked) continue;
        const list = lists[name as keyof typeof lists];
        if (list) {
          const rest = next[list].filter((slug) => slug !== value);
          next = { ...next, [list]: control.checked ? [...rest, value] : rest };
        } else if (name === TIMELINE_PARAMS.mode && control.checked) {
          next = { ...next, actorMode: value === "all" ? "all" : "any" };
        } else continue;
      } else if (name === TIMELINE_PARAMS.from || name === TIMELINE_PARAMS.to) {
        if (value === control.defaultValue) continue;
        const date = /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value) ? value : null;
        next = { ...next, [name]: date };
      } else continue;
      changed = true;
    }
    if (!changed) return;
    setFrom(next.from ?? "");
    setTo(next.to ?? "");
    apply(next);
    // Once, on hydration: later changes go through the controls' own handlers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function apply(next: TimelineState) {
    window.clearTimeout(dateTimer.current);
    const target = { ...next, page: 1 };
    // Leaving a date field unchanged, for one, is not a change.
    if (timelineHref(target) === timelineHref({ ...shown, page: 1 })) return;
    startTransition(() => {
      setShown(target);
      router.push(timelineHref(target), { scroll: false });
    });
  }

  const toggle = (list: string[], slug: string) =>
    list.includes(slug) ? list.filter((s) => s !== slug) : [...list, slug];

  function withDates(fromValue: string, toValue: string): TimelineState {
    const valid = (v: string) => /^[1-9]\d{3}-\d{2}-\d{2}$/.test(v);
    return {
      ...shown,
      from: valid(fromValue) ? fromValue : fromValue === "" ? null : shown.from,
      to: valid(toValue) ? toValue : toValue === "" ? null : shown.to,
    };
  }

  function applyDates(fromValue: string, toValue: string) {
    const next = withDates(fromValue, toValue);
    // A range that ends before it starts is being typed, not meant: wait for the other end.
    if (next.from && next.to && next.from > next.to) return;
    apply(next);
  }

  function dateTyped(fromValue: string, toValue: string) {
    window.clearTimeout(dateTimer.current);
    dateTimer.current = window.setTimeout(() => applyDates(fromValue, toValue), DATE_DELAY_MS);
  }

  function lookUp(text: string) {
    setFind(text);
    if (!partial || everyone || fetching.current) return;
    fetching.current = true;
    // Should the list not come, the find field keeps to the offered actors.
    const offeredOnly = () => actors.map(({ slug, name }) => ({ slug, name, aliases: [] }));
    fetch("/api/v1/actors")
      .then((response) => (response.ok ? (response.json() as Promise<{ actors: ListedActor[] }>) : null))
      .then((body) => setEveryone(body?.actors ?? offeredOnly()))
      .catch(() => setEveryone(offeredOnly()))
      .finally(() => {
        fetching.current = false;
      });
  }

  const needle = find.trim().toLowerCase();
  const offered = new Map(actors.map((a) => [a.slug, a]));
  // While looking one up, the candidates are every actor (once fetched): an offered one keeps its count.
  const pool: (FacetOption | (ListedActor & { count: null }))[] =
    needle && everyone ? everyone.map((a) => offered.get(a.slug) ?? { ...a, count: null }) : actors;
  const matches = (a: { name: string; aliases?: string[] }) =>
    [a.name, ...(a.aliases ?? [])].some((name) => name.toLowerCase().includes(needle));
  const visibleActors = needle ? pool.filter(matches) : pool;

  return (
    <details ref={panel} className={styles.panel}>
      <summary className={styles.summary}>
        <span className={styles.summaryTitle}>Filters</span>
        {active > 0 && <span className={styles.badge}>{active} active</span>}
      </summary>
      <form
        ref={form}
        method="get"
        autoComplete="off"
        action="/timeline"
        role="search"
        aria-label="Filter events"
        className={styles.form}
        aria-busy={pending}
        onSubmit={(event) => {
          event.preventDefault();
          applyDates(from, to);
        }}
      >
        <fieldset className={styles.group} hidden={actors.length === 0}>
          <legend>
            Actors<span className="visually-hidden">, each with its number of events</span>
          </legend>
          {(actors.length > FIND_FROM || partial) && (
            // Drawn before the scripts run too, disabled, so the actors below do not move when it becomes usable.
            <label className={styles.find}>
              <span className="visually-hidden">Find an actor</span>
              <input
                type="search"
                placeholder="Find an actor"
                disabled={!enhanced}
                value={find}
                onChange={(event) => lookUp(event.target.value)}
              />
            </label>
          )}
          <ul className={styles.options} data-scroll={actors.length > FIND_FROM ? "" : undefined}>
            {pool.map((actor) => (
              <li key={actor.slug} hidden={!visibleActors.includes(actor)}>
                <Option
                  name={TIMELINE_PARAMS.actor}
                  option={actor}
                  checked={shown.actors.includes(actor.slug)}
                  onChange={() => apply({ ...shown, actors: toggle(shown.actors, actor.slug) })}
                />
              </li>
            ))}
          </ul>
          {needle && visibleActors.length === 0 && (
            <p className={styles.hint}>{partial && !everyone ? "Looking…" : "No actor matches."}</p>
          )}
          {partial && !needle && (
            <p className={styles.hint}>
              The {actors.length} with the most events
              {enhanced ? (
                <>; find any of the {actorTotal} above.</>
              ) : (
                <>
                  ; every one of the {actorTotal} is on <Link href="/actors">the actors page</Link>.
                </>
              )}
            </p>
          )}
          <fieldset className={styles.mode}>
            <legend>Show events with</legend>
            {(["any", "all"] as const).map((mode) => (
              <label key={mode}>
                <input
                  type="radio"
                  name={TIMELINE_PARAMS.mode}
                  value={mode}
                  checked={shown.actorMode === mode}
                  onChange={() => apply({ ...shown, actorMode: mode })}
                />{" "}
                {mode === "any" ? "any of these actors" : "all of these actors"}
              </label>
            ))}
          </fieldset>
        </fieldset>

        <OptionGroup
          legend="Issues"
          name={TIMELINE_PARAMS.issue}
          options={issues}
          selected={shown.issues}
          onToggle={(slug) => apply({ ...shown, issues: toggle(shown.issues, slug) })}
        />

        <fieldset className={styles.group}>
          <legend>Dates</legend>
          <div className={styles.dates}>
            <label>
              From
              <input
                type="date"
                name={TIMELINE_PARAMS.from}
                value={from}
                max={to || undefined}
                onChange={(event) => {
                  setFrom(event.target.value);
                  dateTyped(event.target.value, to);
                }}
                onBlur={() => applyDates(from, to)}
              />
            </label>
            <label>
              To
              <input
                type="date"
                name={TIMELINE_PARAMS.to}
                value={to}
                min={from || undefined}
                onChange={(event) => {
                  setTo(event.target.value);
                  dateTyped(from, event.target.value);
                }}
                onBlur={() => applyDates(from, to)}
              />
            </label>
          </div>
          <p className={styles.hint}>An event is included when its date can fall in the range.</p>
        </fieldset>

        <OptionGroup
          legend="Sources"
          name={TIMELINE_PARAMS.article}
          options={articles}
          selected={shown.articles}
          onToggle={(slug) => apply({ ...shown, articles: toggle(shown.articles, slug) })}
        />

        {state.perPage !== DEFAULT_PAGE_SIZE && (
          <input type="hidden" name={TIMELINE_PARAMS.per} value={state.perPage} />
        )}
        <div className={styles.actions}>
          <button type="submit" className={styles.apply}>
            Apply filters
          </button>
          <Link href={timelineHref({ perPage: state.perPage })} className={styles.clear}>
            Clear all
          </Link>
          <span className={styles.status} role="status">
            {pending ? "Updating…" : ""}
          </span>
        </div>
      </form>
    </details>
  );
}

function noSubscription() {
  return () => {};
}

/** A list of checkboxes, one per option, each with its number of events. */
function OptionGroup({
  legend,
  name,
  options,
  selected,
  onToggle,
}: {
  legend: string;
  name: string;
  options: FacetOption[];
  selected: string[];
  onToggle: (slug: string) => void;
}) {
  return (
    <fieldset className={styles.group} hidden={options.length === 0}>
      <legend>
        {legend}
        <span className="visually-hidden">, each with its number of events</span>
      </legend>
      <ul className={styles.options} data-scroll={options.length > FIND_FROM ? "" : undefined}>
        {options.map((option) => (
          <li key={option.slug}>
            <Option
              name={name}
              option={option}
              checked={selected.includes(option.slug)}
              onChange={() => onToggle(option.slug)}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function Option({
  name,
  option,
  checked,
  onChange,
}: {
  name: string;
  /** Its number of events, when known. */
  option: { slug: string; name: string; count: number | null };
  checked: boolean;
  onChange: () => void;
}) {
  // Kept small: a corpus with hundreds of actors renders hundreds of these. The legend says what the number is.
  return (
    <label>
      <input type="checkbox" name={name} value={option.slug} checked={checked} onChange={onChange} />
      {option.name}
      {option.count !== null && <span>{option.count}</span>}
    </label>
  );
}
