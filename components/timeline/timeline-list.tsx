"use client";

import { fromEventRow, type EventRow, type ListNames } from "@/lib/views/events";
import type { YearGroup } from "@/lib/views/timeline";
import { timelineHref } from "@/lib/url-state/hrefs";
import { EventItem, evidenceLabel } from "@/components/event/event-item";
import styles from "./timeline-list.module.css";

export interface TimelineListProps {
  years: YearGroup<EventRow>[];
  /** The names of the actors, issues and articles the listed events refer to. */
  names: ListNames;
}

const actorHref = (slug: string) => timelineHref({ actors: [slug] });

/**
 * A page of events under year and month headings; each month is an ordered list, each event links to its page with
 * the evidence. A client component though nothing here reacts to input, because of what React sends: markup a server
 * component renders goes out twice, as HTML and again as the element tree that hydrates it (about twice the HTML),
 * while a client component's markup goes out once, as HTML, beside its props. Here the props are a few hundred bytes
 * of data per event (EventRow; each name once per page) against about 3 KB of element tree for the same markup.
 */
export function TimelineList({ years, names }: TimelineListProps) {
  return (
    <div className={styles.list}>
      {years.map((year) => (
        <section key={year.year} aria-labelledby={`y-${year.year}`} className={styles.year}>
          <h2 id={`y-${year.year}`} className={styles.yearHeading}>
            {Number(year.year)}
          </h2>
          {year.months.map((month) => (
            <section key={month.key} aria-labelledby={`m-${month.key}`} className={styles.month}>
              <h3 id={`m-${month.key}`} className={styles.monthHeading}>
                {month.label}
              </h3>
              <ol className={styles.events}>
                {month.events.map((row) => (
                  <li key={row.slug}>
                    <EventItem
                      event={fromEventRow(row, names)}
                      titles={names.articles}
                      headingLevel={4}
                      actorHref={actorHref}
                      named={false}
                    >
                      <p className={styles.more}>
                        <a href={`/events/${row.slug}`}>{evidenceLabel(row.quotes)}</a>
                      </p>
                    </EventItem>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
