import { Fragment, type ReactNode } from "react";
import type { EventSummary } from "@/lib/queries/types";
import { DateLabel } from "@/components/ui/date-label";
import styles from "./event-item.module.css";

export interface EventItemProps {
  event: EventSummary;
  titles: Record<string, string>;
  headingLevel?: 3 | 4;
  /** Link actor names to the timeline filtered by them (on the timeline) instead of to actor pages. */
  actorHref?: (slug: string) => string;
  /** After the facts: the evidence itself (EventEvidence), or a link to the event's page where it is. */
  children?: ReactNode;
  /**
   * Name the article by its heading (aria-labelledby). The timeline leaves it off: its events are found by their
   * headings, and the two attributes are a twentieth of what each listed event weighs.
   */
  named?: boolean;
}

/**
 * One event: its honest date, what happened, and who and what it concerns. Rendered on the server on issue and actor
 * pages and inside the timeline's client list, so it imports nothing server-only. Its links are plain links: a list
 * of events holds hundreds, and next/link would prefetch every one in view.
 */
export function EventItem({
  event,
  titles,
  headingLevel = 3,
  actorHref,
  children,
  named = true,
}: EventItemProps) {
  const Heading = `h${headingLevel}` as const;
  const toActor = actorHref ?? ((slug: string) => `/actors/${slug}`);
  return (
    <article
      id={`e-${event.slug}`}
      className={styles.event}
      aria-labelledby={named ? `e-${event.slug}-title` : undefined}
    >
      <p className={styles.date}>
        <DateLabel {...event.date} />
        <span className={styles.stated}>
          {" · stated as "}
          <q>{event.date.stated}</q>
        </span>
      </p>
      <Heading id={named ? `e-${event.slug}-title` : undefined} className={styles.title}>
        {event.title}
      </Heading>
      <p className={styles.summary}>{event.summary}</p>
      <dl className={styles.facts}>
        <div>
          <dt>Actors</dt>
          <dd>
            <Joined>
              {event.actors.map((actor) => (
                <a key={actor.slug} href={toActor(actor.slug)}>
                  {actor.name}
                </a>
              ))}
            </Joined>
          </dd>
        </div>
        <div>
          <dt>Issues</dt>
          <dd>
            <Joined>
              {event.issues.map((issue) => (
                <a key={issue.slug} href={`/issues/${issue.slug}`}>
                  {issue.title}
                </a>
              ))}
            </Joined>
          </dd>
        </div>
        <div>
          <dt>{event.articles.length > 1 ? "Sources" : "Source"}</dt>
          <dd>
            <Joined>
              {event.articles.map((slug) => (
                <a key={slug} href={`/articles/${slug}`}>
                  {titles[slug] ?? slug}
                </a>
              ))}
            </Joined>
          </dd>
        </div>
      </dl>
      {children}
    </article>
  );
}

/** Links separated by “ · ”: lighter than a list, in a page that may hold a hundred events. */
function Joined({ children }: { children: ReactNode[] }) {
  return children.map((child, i) => (
    <Fragment key={i}>
      {i > 0 && " · "}
      {child}
    </Fragment>
  ));
}

/** “Evidence (2 quotes) and dating”: the words for a link to, or a disclosure of, an event's evidence. */
export function evidenceLabel(quotes: number): string {
  return `Evidence (${quotes} quote${quotes === 1 ? "" : "s"}) and dating`;
}
