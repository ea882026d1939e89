import type { EvidenceView } from "@/lib/queries/types";
import styles from "./evidence-list.module.css";

export interface EvidenceListProps {
  evidence: EvidenceView[];
  /** Article titles by slug, to name the source of each quote. */
  titles: Record<string, string>;
  /** Leave out the source title when every quote comes from the article the reader is already in. */
  compact?: boolean;
}

function quoteHref(item: EvidenceView): string {
  return `/articles/${item.article}#p-${item.paragraph}`;
}

/** Verbatim quotes, each linking to its paragraph in the article reader. */
export function EvidenceList({ evidence, titles, compact = false }: EvidenceListProps) {
  return (
    <ul className={styles.list}>
      {evidence.map((item, i) => (
        <li key={`${item.article}-${item.paragraph}-${i}`} className={styles.item}>
          <q className={styles.quote}>{item.quote}</q>{" "}
          {/* A plain link, not next/link: a full load makes the paragraph the :target, which highlights it. */}
          <a
            className={styles.source}
            href={quoteHref(item)}
            aria-label={`${sourceText(item, titles, compact)}: read in context (${titles[item.article] ?? item.article}, paragraph ${item.paragraph})`}
          >
            {sourceText(item, titles, compact)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function sourceText(item: EvidenceView, titles: Record<string, string>, compact: boolean): string {
  return compact
    ? `¶${item.paragraph} in context`
    : `${titles[item.article] ?? item.article}, ¶${item.paragraph}`;
}
