import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listArticles } from "@/lib/queries/articles";
import { getEventBySlug, getTimelineIndex, listEventSlugs } from "@/lib/queries/events";
import { titleMap } from "@/lib/site/labels";
import { eventOnTimelineHref, timelineHref } from "@/lib/url-state/hrefs";
import { ClaimTag } from "@/components/ui/claim-tag";
import { CopyLink } from "@/components/ui/copy-link";
import { DateLabel } from "@/components/ui/date-label";
import { EvidenceList } from "@/components/ui/evidence-list";
import { Section } from "@/components/ui/section";
import head from "@/components/ui/page-head.module.css";
import styles from "./event.module.css";

// An event's own page: the timeline lists events without their evidence and links here for it.

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listEventSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: PageProps<"/events/[slug]">): Promise<Metadata> {
  const event = await getEventBySlug((await params).slug);
  if (!event) return {};
  const url = `/events/${event.slug}`;
  return {
    title: event.title,
    description: event.summary,
    alternates: { canonical: url },
    openGraph: { title: event.title, description: event.summary, url },
    twitter: { card: "summary", title: event.title, description: event.summary },
  };
}

export default async function EventPage({ params }: PageProps<"/events/[slug]">) {
  const [event, articles, index] = await Promise.all([
    getEventBySlug((await params).slug),
    listArticles(),
    getTimelineIndex(),
  ]);
  if (!event) notFound();
  const titles = titleMap(articles);
  const onTimeline = eventOnTimelineHref(event.slug, index.get(event.slug) ?? 0);
  return (
    <article>
      <header className={head.header}>
        <p className="eyebrow">
          <a href={onTimeline}>Timeline</a> · Event
        </p>
        <h1>
          {event.title}
          <CopyLink href={`/events/${event.slug}`} label="Copy a link to this event" />
        </h1>
        <p className="lede">{event.summary}</p>
        <dl className={head.meta}>
          <div>
            <dt>Date</dt>
            <dd>
              <DateLabel {...event.date} />, stated as <q>{event.date.stated}</q>
            </dd>
          </div>
          <div>
            <dt>Dating</dt>
            <dd>
              {event.date.basis}{" "}
              <a href={timelineHref({ from: event.date.start, to: event.date.end })}>Events in this period</a>
            </dd>
          </div>
          <div>
            <dt>Who says so</dt>
            <dd>
              <ClaimTag claim={event.claim} via={event.via} />
            </dd>
          </div>
          <div>
            <dt>Actors</dt>
            <dd>
              <ul className={styles.inline}>
                {event.actors.map((actor) => (
                  <li key={actor.slug}>
                    <a href={`/actors/${actor.slug}`}>{actor.name}</a> (
                    <a href={timelineHref({ actors: [actor.slug] })}>
                      events<span className="visually-hidden"> of {actor.name}</span>
                    </a>
                    )
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
                    <a href={`/issues/${issue.slug}`}>{issue.title}</a>
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
                    <a href={`/articles/${slug}`}>{titles[slug] ?? slug}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        <p>
          <a href={onTimeline} className={head.cta}>
            See it on the timeline →
          </a>
        </p>
      </header>

      <Section
        id="evidence"
        title="Evidence"
        intro="The words it rests on, verbatim; each opens its paragraph in the article."
      >
        <EvidenceList evidence={event.evidence} titles={titles} />
      </Section>
    </article>
  );
}
