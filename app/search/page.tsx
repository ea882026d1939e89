import type { Metadata } from "next";
import Link from "next/link";
import { listActors } from "@/lib/queries/actors";
import { listArticles } from "@/lib/queries/articles";
import { getKnownSlugs } from "@/lib/queries/known";
import { search, SEARCH_PAGE_SIZE, type SearchResults } from "@/lib/search";
import { KIND_LABEL, SEARCH_KINDS, type SearchKind } from "@/lib/search/kinds";
import { isSearchable } from "@/lib/search/query";
import { snapshotLabel } from "@/lib/site/labels";
import { searchHref, type SearchState } from "@/lib/url-state/hrefs";
import { OVERVIEW_PER_KIND, parseSearchParams } from "@/lib/url-state/search";
import type { SearchParamsInput } from "@/lib/url-state/shared";
import { SearchForm } from "@/components/search/search-form";
import { SearchResult } from "@/components/search/search-result";
import styles from "./search.module.css";

// Rendered per request: everything it shows follows from the query string.

async function readState(searchParams: Promise<SearchParamsInput>) {
  const [params, known] = await Promise.all([searchParams, getKnownSlugs()]);
  return parseSearchParams(params, known);
}

function runSearch(state: SearchState): Promise<SearchResults> {
  const base = { text: state.q, article: state.article, actor: state.actor };
  return state.kind
    ? search({
        ...base,
        kind: state.kind,
        offset: (state.page - 1) * SEARCH_PAGE_SIZE,
        limit: SEARCH_PAGE_SIZE,
      })
    : search({ ...base, perKind: OVERVIEW_PER_KIND });
}

const count = (n: number, kind?: SearchKind) =>
  `${n.toLocaleString("en")} ${kind ? (n === 1 ? KIND_LABEL[kind].one : KIND_LABEL[kind].many).toLowerCase() : n === 1 ? "result" : "results"}`;

export async function generateMetadata({ searchParams }: PageProps<"/search">): Promise<Metadata> {
  const { state } = await readState(searchParams);
  const title = state.q.trim() ? `Search: ${state.q.trim()}` : "Search";
  return {
    title,
    description: "Search every issue, actor, event, position, divergence rating and source passage.",
    alternates: { canonical: searchHref({ ...state, page: state.page }) },
    // Results pages are for readers, not for search engines.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const [{ state, dropped }, articles, actors] = await Promise.all([
    readState(searchParams),
    listArticles(),
    listActors(),
  ]);
  const results = state.q.trim() ? await runSearch(state) : null;
  const sources = new Map(articles.map((a) => [a.slug, { title: a.title, date: snapshotLabel(a) }]));
  const articleTitle = state.article ? sources.get(state.article)?.title : undefined;
  const actorName = state.actor ? actors.find((a) => a.slug === state.actor)?.name : undefined;
  // What narrows the search, in words; the count line names the kind itself.
  const filters = [actorName && `involving ${actorName}`, articleTitle && `from “${articleTitle}”`]
    .filter(Boolean)
    .join(" ");
  const scope = [state.kind && `among ${KIND_LABEL[state.kind].many.toLowerCase()}`, filters]
    .filter(Boolean)
    .join(" ");

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <p className="eyebrow">Search</p>
        <h1>{results ? <>Results for “{results.query.text || state.q.trim()}”</> : "Search"}</h1>
      </header>

      <SearchForm
        state={state}
        articles={articles.map((a) => ({ slug: a.slug, title: a.title }))}
        actors={actors.map((a) => ({ slug: a.slug, name: a.name }))}
      />

      {(dropped.length > 0 || (results?.query.notes.length ?? 0) > 0) && (
        <div className={styles.notice} role="note" aria-labelledby="notes-heading">
          <h2 id="notes-heading" className={styles.noticeHeading}>
            About this search
          </h2>
          <ul>
            {dropped.map((note, i) => (
              <li key={`d${i}`}>Left out: {note}.</li>
            ))}
            {results?.query.notes.map((note, i) => (
              <li key={`n${i}`}>{note}</li>
            ))}
          </ul>
          {dropped.length > 0 && (
            <p>
              <Link prefetch={false} href={searchHref(state)}>
                Use the corrected link
              </Link>
              .
            </p>
          )}
        </div>
      )}

      {results && (
        <Results state={state} results={results} scope={scope} filters={filters} sources={sources} />
      )}
    </div>
  );
}

async function Results({
  state,
  results,
  scope,
  filters,
  sources,
}: {
  state: SearchState;
  results: SearchResults;
  scope: string;
  filters: string;
  sources: Map<string, { title: string; date: string }>;
}) {
  const searched = results.query.text || state.q.trim();
  const all = SEARCH_KINDS.reduce((n, k) => n + results.counts[k], 0);
  const pageCount = Math.max(1, Math.ceil(results.total / SEARCH_PAGE_SIZE));
  const beyond = state.kind !== null && state.page > pageCount && results.total > 0;

  return (
    <div className={styles.results}>
      <p className={styles.count} role="status" id="result-count">
        {isSearchable(results.query)
          ? `${count(results.total, state.kind ?? undefined)} for “${searched}”${filters ? ` ${filters}` : ""}`
          : "Nothing to search for: type a word, a phrase in quotes or the start of a word followed by *."}
        {state.kind && results.total > SEARCH_PAGE_SIZE && !beyond && (
          <span className={styles.countNote}>
            {" "}
            · page {state.page} of {pageCount}
          </span>
        )}
      </p>

      {all > 0 && (
        <nav aria-label="Kinds of result" className={styles.kinds}>
          <ul>
            <li>
              <KindLink href={searchHref({ ...state, kind: null, page: 1 })} current={state.kind === null}>
                Everything <span className={styles.n}>{all}</span>
              </KindLink>
            </li>
            {SEARCH_KINDS.filter((k) => results.counts[k] > 0).map((kind) => (
              <li key={kind}>
                <KindLink href={searchHref({ ...state, kind, page: 1 })} current={state.kind === kind}>
                  {KIND_LABEL[kind].many} <span className={styles.n}>{results.counts[kind]}</span>
                </KindLink>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {results.total === 0 && isSearchable(results.query) ? (
        <Empty state={state} results={results} searched={searched} scope={scope} />
      ) : beyond ? (
        <div className={styles.empty}>
          <p>This page is past the end of the results.</p>
          <p>
            <Link prefetch={false} href={searchHref({ ...state, page: pageCount })}>
              Go to the last page (page {pageCount})
            </Link>
          </p>
        </div>
      ) : state.kind ? (
        <section aria-labelledby={`group-${state.kind}`} className={styles.group}>
          <h2 id={`group-${state.kind}`} className={styles.groupHeading}>
            {KIND_LABEL[state.kind].many} <span className={styles.n}>{results.total}</span>
          </h2>
          <ol className={styles.list} start={(state.page - 1) * SEARCH_PAGE_SIZE + 1}>
            {results.hits.map((hit) => (
              <SearchResult key={hit.slug} hit={hit} sources={sources} />
            ))}
          </ol>
          {pageCount > 1 && <Pages state={state} pageCount={pageCount} />}
        </section>
      ) : (
        SEARCH_KINDS.filter((k) => results.counts[k] > 0).map((kind) => {
          const hits = results.hits.filter((h) => h.kind === kind);
          return (
            <section key={kind} aria-labelledby={`group-${kind}`} className={styles.group}>
              <h2 id={`group-${kind}`} className={styles.groupHeading}>
                {KIND_LABEL[kind].many} <span className={styles.n}>{results.counts[kind]}</span>
              </h2>
              <ol className={styles.list}>
                {hits.map((hit) => (
                  <SearchResult key={hit.slug} hit={hit} sources={sources} />
                ))}
              </ol>
              {results.counts[kind] > hits.length && (
                <p className={styles.more}>
                  <Link prefetch={false} href={searchHref({ ...state, kind, page: 1 })}>
                    All {count(results.counts[kind], kind)} <span aria-hidden="true">→</span>
                  </Link>
                </p>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}

function KindLink({
  href,
  current,
  children,
}: {
  href: string;
  current: boolean;
  children: React.ReactNode;
}) {
  return current ? (
    <span aria-current="page" className={styles.currentKind}>
      {children}
    </span>
  ) : (
    <Link prefetch={false} href={href}>
      {children}
    </Link>
  );
}

function Pages({ state, pageCount }: { state: SearchState; pageCount: number }) {
  return (
    <nav aria-label="Pages of results" className={styles.pages}>
      {state.page > 1 ? (
        <Link prefetch={false} href={searchHref({ ...state, page: state.page - 1 })} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true" className={styles.disabled}>
          ← Previous
        </span>
      )}
      <span>
        Page {state.page} of {pageCount}
      </span>
      {state.page < pageCount ? (
        <Link prefetch={false} href={searchHref({ ...state, page: state.page + 1 })} rel="next">
          Next →
        </Link>
      ) : (
        <span aria-hidden="true" className={styles.disabled}>
          Next →
        </span>
      )}
    </nav>
  );
}

/** No results: say what was searched, and offer the same search with one filter fewer, with its count. */
async function Empty({
  state,
  results,
  searched,
  scope,
}: {
  state: SearchState;
  results: SearchResults;
  searched: string;
  scope: string;
}) {
  const wider: { label: string; href: string; total: number }[] = [];
  const everything = SEARCH_KINDS.reduce((n, k) => n + results.counts[k], 0);
  if (state.kind)
    wider.push({
      label: "Search every kind of result",
      href: searchHref({ ...state, kind: null, page: 1 }),
      total: everything,
    });
  for (const [key, label] of [
    ["actor", "Drop the actor filter"],
    ["article", "Drop the source filter"],
  ] as const) {
    if (!state[key]) continue;
    const without = { ...state, [key]: null, page: 1 };
    const total = (
      await search({
        text: without.q,
        kind: without.kind,
        article: without.article,
        actor: without.actor,
        limit: 1,
      })
    ).total;
    wider.push({ label, href: searchHref(without), total });
  }
  const useful = wider.filter((w) => w.total > 0);
  return (
    <div className={styles.empty}>
      <p>
        Nothing matches <strong>“{searched}”</strong>
        {scope ? ` ${scope}` : ""}.
      </p>
      {useful.length > 0 && (
        <ul>
          {useful.map((w) => (
            <li key={w.label}>
              <Link prefetch={false} href={w.href}>
                {w.label}
              </Link>{" "}
              <span className="muted">({count(w.total)})</span>
            </li>
          ))}
        </ul>
      )}
      <p className={styles.tips}>
        Try fewer words, another spelling or a name the sources use, or end a word with * to match its
        beginnings.
      </p>
    </div>
  );
}
