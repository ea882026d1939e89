import Link from "next/link";
import type { FilterChip } from "@/lib/views/timeline";
import { timelineHref } from "@/lib/url-state/hrefs";
import styles from "./filter-chips.module.css";

export interface FilterChipsProps {
  chips: FilterChip[];
  /** The URL with every filter removed. */
  clearHref: string;
}

/** The active filters, each a plain link to the same view without it. */
export function FilterChips({ chips, clearHref }: FilterChipsProps) {
  if (chips.length === 0) return null;
  return (
    <ul className={styles.chips} aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key}>
          <Link href={timelineHref(chip.without)} scroll={false} className={styles.chip}>
            <span className="visually-hidden">Remove filter: </span>
            <span className={styles.kind}>{chip.kind}</span> {chip.label}
            <span aria-hidden="true" className={styles.x}>
              ×
            </span>
          </Link>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <Link href={clearHref} scroll={false} className={styles.clear}>
            Clear all
          </Link>
        </li>
      )}
    </ul>
  );
}
