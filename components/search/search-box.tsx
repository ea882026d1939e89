"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { KIND_LABEL, type SearchKind } from "@/lib/search/kinds";
import { SEARCH_PARAMS, searchApiHref, searchHref } from "@/lib/url-state/hrefs";
import { Highlighted } from "./highlighted";
import styles from "./search-box.module.css";

/** What /api/v1/search returns per result (lib/api/schemas.ts `searchResponse`). */
interface Suggestion {
  kind: SearchKind;
  slug: string;
  title: string;
  snippet: string;
  highlights: [number, number][];
  url: string;
}

const MIN_CHARS = 2;
const DELAY_MS = 150;
const LIMIT = 8;

const noSubscription = () => () => {};

/** A long snippet started shortly before its first highlight, so the two lines shown include it. */
function lead(text: string, marks: [number, number][]): { text: string; marks: [number, number][] } {
  const first = marks[0]?.[0] ?? 0;
  if (first <= 60) return { text, marks };
  const space = text.lastIndexOf(" ", first - 30);
  const cut = space > 0 ? space + 1 : first - 30;
  return { text: `…${text.slice(cut)}`, marks: marks.map(([s, e]) => [s - cut + 1, e - cut + 1]) };
}

/**
 * The search box in the header. Without JavaScript it is a plain GET form to /search. With it, typing two characters
 * or more lists suggestions from /api/v1/search as an ARIA combobox: arrows move through them, Enter opens one (or,
 * with none chosen, submits the search), Escape closes the list, and a live region says how many there are.
 */
export function SearchBox() {
  const id = useId();
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [text, setText] = useState("");
  const [found, setFound] = useState<{ q: string; items: Suggestion[]; total: number } | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<number | undefined>(undefined);
  const request = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // On a phone the scripts start with the first use (lib/serve/hydrate.ts), often the tap into this box: what was
    // typed before they ran is in the field, not in the state, and the state would write over it.
    const typed = input.current?.value ?? "";
    if (typed) change(typed);
    return () => {
      window.clearTimeout(timer.current);
      request.current?.abort();
    };
    // Once, on hydration: `change` only sets state and starts a request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const optionId = (i: number) => `${id}-option-${i}`;
  const items = found?.items ?? [];
  // The last option is always “all results”: the search page for what was typed.
  const allHref = searchHref({ q: text.trim() });
  const count = items.length + 1;

  async function suggest(q: string) {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    try {
      const response = await fetch(searchApiHref({ q, limit: LIMIT }), {
        signal: controller.signal,
        headers: { accept: "application/json" },
      });
      if (!response.ok) return;
      const body = (await response.json()) as { results: Suggestion[]; total: number };
      setFound({ q, items: body.results, total: body.total });
      setActive(-1);
      setOpen(true);
    } catch {
      // Aborted by newer typing, or offline: the form still submits.
    }
  }

  function change(value: string) {
    setText(value);
    window.clearTimeout(timer.current);
    if (value.trim().length < MIN_CHARS) {
      request.current?.abort();
      setFound(null);
      setOpen(false);
      return;
    }
    timer.current = window.setTimeout(() => void suggest(value.trim()), DELAY_MS);
  }

  function go(url: string) {
    // A full load, so the target paragraph or event is the :target that highlights it.
    window.location.assign(url);
  }

  function keyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!found) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (!open) {
        setOpen(true);
        setActive(step === 1 ? 0 : count - 1);
      } else setActive((i) => (step === 1 ? (i + 1) % count : i <= 0 ? count - 1 : i - 1));
    } else if (event.key === "Enter" && open && active >= 0 && active < count) {
      event.preventDefault();
      go(active < items.length ? items[active]!.url : allHref);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        event.preventDefault();
        change("");
      }
    }
  }

  const status =
    !open || !found
      ? ""
      : found.items.length === 0
        ? "No suggestions. Press Enter to search."
        : `${found.items.length} suggestion${found.items.length === 1 ? "" : "s"}${found.total > found.items.length ? ` of ${found.total} results` : ""}. Up and down arrows choose one.`;

  return (
    <form role="search" aria-label="Site search" action={searchHref({})} method="get" className={styles.form}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search
      </label>
      <div className={styles.field}>
        <input
          ref={input}
          id={`${id}-input`}
          className={styles.input}
          type="search"
          name={SEARCH_PARAMS.q}
          placeholder="Search"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={text}
          onChange={(event) => change(event.target.value)}
          onKeyDown={keyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => found && setOpen(true)}
          {...(enhanced
            ? {
                role: "combobox",
                "aria-autocomplete": "list" as const,
                "aria-expanded": open,
                "aria-controls": `${id}-list`,
                "aria-activedescendant": open && active >= 0 ? optionId(active) : undefined,
              }
            : {})}
        />
        {enhanced && (
          <ul
            id={`${id}-list`}
            role="listbox"
            aria-label="Suggestions"
            className={styles.list}
            hidden={!open}
            // What the suggestions were found for: typing may be ahead of them.
            data-for={found?.q}
          >
            {items.map((item, i) => (
              <li
                key={`${item.kind}:${item.slug}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={styles.option}
                // Keep focus in the box: a click would otherwise blur it and close the list first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(item.url)}
              >
                <span className={styles.kind}>{KIND_LABEL[item.kind].one}</span>
                <span className={styles.title}>{item.title}</span>
                {item.snippet && (
                  <span className={styles.snippet}>
                    <Highlighted value={lead(item.snippet, item.highlights)} />
                  </span>
                )}
              </li>
            ))}
            <li
              id={optionId(items.length)}
              role="option"
              aria-selected={active === items.length}
              className={`${styles.option} ${styles.all}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(allHref)}
            >
              {found && found.total > 0
                ? `All ${found.total} results for “${text.trim()}”`
                : `Search for “${text.trim()}”`}
            </li>
          </ul>
        )}
      </div>
      <button type="submit" className={styles.button}>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.75" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="visually-hidden">Search</span>
      </button>
      {enhanced && (
        <p role="status" className="visually-hidden">
          {status}
        </p>
      )}
    </form>
  );
}
