import type { SearchHit } from "@/lib/search";
import { KIND_LABEL } from "@/lib/search/kinds";
import { DateLabel } from "@/components/ui/date-label";
import { Highlighted } from "./highlighted";
import styles from "./search-results.module.css";

export interface SearchResultProps {
  hit: SearchHit;
  /** Source titles and dates by slug, to say where a passage, position or rating comes from. */
  sources: Map<string, { title: string; date: string }>;
}

/** One result: what it is, its title with what matched marked, a snippet, and a plain link to where it is. */
export function SearchResult({ hit, sources }: SearchResultProps) {
  const source = hit.article ? sources.get(hit.article) : undefined;
  return (
    <li className={styles.result} data-kind={hit.kind}>
      <p className={styles.meta}>
        <span className={styles.kind}>{KIND_LABEL[hit.kind].one}</span>
        {hit.date && (
          <>
            {" · "}
            <DateLabel
              start={hit.date.start}
              end={hit.date.end}
              precision={hit.date.precision}
              circa={hit.date.circa}
            />
          </>
        )}
        {source && hit.kind !== "passage" && (
          <>
            {" · "}as of {source.date}
          </>
        )}
        {source && hit.kind === "passage" && <> · {source.date}</>}
      </p>
      <h3 className={styles.title}>
        {/* A plain link: a full load makes the anchor the :target, which is what highlights it. */}
        <a href={hit.url}>
          <Highlighted value={hit.heading} />
        </a>
      </h3>
      {hit.snippet.text && (
        <p className={styles.snippet}>
          <Highlighted value={hit.snippet} />
        </p>
      )}
    </li>
  );
}
