import { SEARCH_KINDS, KIND_LABEL } from "@/lib/search/kinds";
import { SEARCH_PARAMS, type SearchState } from "@/lib/url-state/hrefs";
import styles from "./search-form.module.css";

export interface SearchFormProps {
  state: SearchState;
  articles: { slug: string; title: string }[];
  actors: { slug: string; name: string }[];
}

/** The search and its filters, a plain GET form: the results page is rendered from what it sends. */
export function SearchForm({ state, articles, actors }: SearchFormProps) {
  return (
    <form role="search" aria-label="Search and filters" action="/search" method="get" className={styles.form}>
      <div className={styles.query}>
        <label htmlFor="search-q">Search for</label>
        <div className={styles.row}>
          <input
            id="search-q"
            type="search"
            name={SEARCH_PARAMS.q}
            defaultValue={state.q}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit">Search</button>
        </div>
      </div>
      <div className={styles.filters}>
        <div>
          <label htmlFor="search-kind">Kind</label>
          <select id="search-kind" name={SEARCH_PARAMS.kind} defaultValue={state.kind ?? ""}>
            <option value="">Everything</option>
            {SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind].many}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-article">Source</label>
          <select id="search-article" name={SEARCH_PARAMS.article} defaultValue={state.article ?? ""}>
            <option value="">Any source</option>
            {articles.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-actor">Actor</label>
          <select id="search-actor" name={SEARCH_PARAMS.actor} defaultValue={state.actor ?? ""}>
            <option value="">Any actor</option>
            {actors.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <details className={styles.help}>
        <summary>How to search</summary>
        <ul>
          <li>
            Every word must match, in any form: <code>strikes</code> finds “strike”. Accents and case do not
            matter.
          </li>
          <li>
            <code>&quot;board of peace&quot;</code> finds the words together, in that order.
          </li>
          <li>
            <code>hez*</code> finds words that begin with “hez”.
          </li>
          <li>
            <code>-nuclear</code> leaves out what mentions “nuclear”; <code>talks OR negotiations</code> finds
            either.
          </li>
          <li>
            An actor is found by any of its names: a capital city finds its state where the sources use it so.
          </li>
        </ul>
      </details>
    </form>
  );
}
