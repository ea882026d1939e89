import type { EventView } from "@/lib/queries/types";
import { groupByYearMonth } from "@/lib/views/timeline";
import { timelineHref } from "@/lib/url-state/hrefs";
import { EventItem } from "@/components/event/event-item";
import styles from "./timeline-list.module.css";

export interface TimelineListProps {
  events: EventView[];
  titles: Record<string, string>;
}

const actorHref = (slug: string) => timelineHref({ actors: [slug] });

/** A page of events under year and month headings; each month is an ordered list. */
export function TimelineList({ events, titles }: TimelineListProps) {
  return (
    <div className={styles.list}>
      {groupByYearMonth(events).map((year) => (
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
                {month.events.map((event) => (
                  <li key={event.slug}>
                    <EventItem event={event} titles={titles} headingLevel={4} actorHref={actorHref} />
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
