import Link from "next/link";
import type { EventView } from "@/lib/queries/types";
import { timelineHref } from "@/lib/url-state/hrefs";
import { ClaimTag } from "@/components/ui/claim-tag";
import { DateLabel } from "@/components/ui/date-label";
import { EvidenceList } from "@/components/ui/evidence-list";
import styles from "./event-item.module.css";

export interface EventItemProps {
  event: EventView;
  titles: Record<string, string>;
  headingLevel?: 3 | 4;
  /** Link actor names to the timeline filtered by them (on the timeline) instead of to actor pages. */
  actorHref?: (slug: string) => string;
}

/** One event: its honest date, what happened, who and what it concerns, and its evidence on demand. */
export function EventItem({ event, titles, headingLevel = 3, actorHref }: EventItemProps) {
  const Heading = `h${headingLevel}` as const;
  const toActor = actorHref ?? ((slug: string) => `/actors/${slug}`);
  return (
    <article id={`e-${event.slug}`} className={styles.event} aria-labelledby={`e-${event.slug}-title`}>
      <p className={styles.date}>
        <DateLabel {...event.date} />
        <span className={styles.stated}>
          {" "}
          · stated as <q>{event.date.stated}</q>
        </span>
      </p>
      <Heading id={`e-${event.slug}-title`} className={styles.title}>
        {event.title}
      </Heading>
      <p className={styles.summary}>{event.summary}</p>
      <dl className={styles.facts}>
        <div>
          <dt>Actors</dt>
          <dd>
            <ul className={styles.inline}>
              {event.actors.map((actor) => (
                <li key={actor.slug}>
                  <Link href={toActor(actor.slug)}>{actor.name}</Link>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Issues</dt>
          <dd>
            <ul className={styles.inline}>
              {event.issues.map((issue) => (
                <li key={issue.slug}>
                  <Link href={`/issues/${issue.slug}`}>{issue.title}</Link>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Source{event.articles.length > 1 ? "s" : ""}</dt>
          <dd>
            <ul className={styles.inline}>
              {event.articles.map((slug) => (
                <li key={slug}>
                  <Link href={`/articles/${slug}`}>{titles[slug] ?? slug}</Link>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <details className={styles.details}>
        <summary>
          Evidence ({event.evidence.length} quote{event.evidence.length === 1 ? "" : "s"}) and dating
        </summary>
        <p className={styles.claim}>
          <ClaimTag claim={event.claim} via={event.via} />
        </p>
        <p className={styles.basis}>
          <strong>Dating:</strong> {event.date.basis}{" "}
          <Link href={timelineHref({ from: event.date.start, to: event.date.end })}>
            Events in this period
          </Link>
        </p>
        <EvidenceList evidence={event.evidence} titles={titles} />
      </details>
    </article>
  );
}
