import Link from "next/link";
import { pageWindow, type PageInfo } from "@/lib/views/timeline";
import { PAGE_SIZES, timelineHref, type TimelineState } from "@/lib/url-state/hrefs";
import styles from "./pagination.module.css";

export interface PaginationProps {
  info: PageInfo;
  state: TimelineState;
}

/** Previous, numbered and next page links, and the page size; every one a plain link. */
export function Pagination({ info, state }: PaginationProps) {
  const href = (page: number) => timelineHref({ ...state, page });
  return (
    <div className={styles.bar}>
      {info.pageCount > 1 && (
        <nav aria-label="Pages of events" className={styles.pages}>
          <ul>
            <li>
              {info.page > 1 && !info.beyond ? (
                <Link href={href(info.page - 1)} rel="prev" className={styles.step}>
                  ← Previous
                </Link>
              ) : (
                <span className={styles.disabled} aria-hidden="true">
                  ← Previous
                </span>
              )}
            </li>
            {pageWindow(Math.min(info.page, info.pageCount), info.pageCount).map((page, i) =>
              page === "gap" ? (
                <li key={`gap-${i}`} className={styles.gap} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={page}>
                  {page === info.page ? (
                    <span aria-current="page" className={styles.current}>
                      <span className="visually-hidden">Page </span>
                      {page}
                    </span>
                  ) : (
                    <Link href={href(page)} className={styles.number}>
                      <span className="visually-hidden">Page </span>
                      {page}
                    </Link>
                  )}
                </li>
              ),
            )}
            <li>
              {info.page < info.pageCount ? (
                <Link href={href(info.page + 1)} rel="next" className={styles.step}>
                  Next →
                </Link>
              ) : (
                <span className={styles.disabled} aria-hidden="true">
                  Next →
                </span>
              )}
            </li>
          </ul>
        </nav>
      )}
      {info.total > PAGE_SIZES[0] && (
        <p className={styles.sizes}>
          Per page:{" "}
          {PAGE_SIZES.map((size, i) => (
            <span key={size}>
              {i > 0 && " · "}
              {size === state.perPage ? (
                <strong aria-current="true">{size}</strong>
              ) : (
                <Link href={timelineHref({ ...state, perPage: size, page: 1 })}>{size}</Link>
              )}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
