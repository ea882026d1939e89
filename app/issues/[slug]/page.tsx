import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DEFAULT_PAIR, inPair } from "@/lib/domain";
import { listArticles } from "@/lib/queries/articles";
import { getIssueBySlug, listIssues, listIssueSlugs } from "@/lib/queries/issues";
import { LEVEL_LABEL, snapshotLabel, titleMap } from "@/lib/site/labels";
import { publisherChanges } from "@/lib/views/sources";
import { SourceShift } from "@/components/ui/perspective";
import { timelineHref } from "@/lib/url-state/hrefs";
import { EventList } from "@/components/event/event-list";
import { PositionCard } from "@/components/issue/position-card";
import { describeChange, RatingTrail } from "@/components/issue/rating-trail";
import { SnapshotPanel } from "@/components/issue/snapshot-panel";
import { CopyLink } from "@/components/ui/copy-link";
import { LevelBadge } from "@/components/ui/level-badge";
import { Section } from "@/components/ui/section";
import styles from "./issue.module.css";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listIssueSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: PageProps<"/issues/[slug]">): Promise<Metadata> {
  const issue = await getIssueBySlug((await params).slug);
  if (!issue) return {};
  const latest = issue.divergence.at(-1);
  const description = `${latest ? `US–Israel: ${LEVEL_LABEL[latest.level].toLowerCase()} (${snapshotLabel(latest.article)}). ` : ""}${issue.summary}`;
  return {
    title: issue.title,
    description,
    alternates: { canonical: `/issues/${issue.slug}` },
    openGraph: { title: issue.title, description, type: "article", url: `/issues/${issue.slug}` },
    twitter: { card: "summary_large_image", title: issue.title, description },
  };
}

export default async function IssuePage({ params }: PageProps<"/issues/[slug]">) {
  const { slug } = await params;
  const [issue, articles, allIssues] = await Promise.all([
    getIssueBySlug(slug),
    listArticles(),
    listIssues(),
  ]);
  if (!issue) notFound();
  const titles = titleMap(articles);
  const latestLevels = new Map(allIssues.map((i) => [i.slug, i.divergence.at(-1)?.level ?? null]));
  const snapshots = articles.filter(
    (article) =>
      issue.divergence.some((d) => d.article.slug === article.slug) ||
      issue.positions.some((p) => p.article.slug === article.slug && inPair(DEFAULT_PAIR, p.actor.slug)),
  );
  const others = issue.positions.filter((p) => !inPair(DEFAULT_PAIR, p.actor.slug));
  const positionOf = (article: string, actor: string) =>
    issue.positions.find((p) => p.article.slug === article && p.actor.slug === actor) ?? null;
  const latest = issue.divergence.at(-1) ?? null;
  const change = describeChange(issue.divergence);

  return (
    <article className={styles.page}>
      <header className={styles.header}>
        <p className="eyebrow">
          <Link prefetch={false} href="/issues">
            Policy issue
          </Link>
        </p>
        <h1>
          {issue.title}
          <CopyLink href={`/issues/${issue.slug}`} label="Copy a link to this issue" />
        </h1>
        <div className={styles.standing}>
          <p className={styles.now}>
            <span className="ui muted">US–Israel, latest:</span>{" "}
            <LevelBadge level={latest?.level ?? null} size="large" describe />
            {latest && <span className="ui muted"> as of {snapshotLabel(latest.article)}</span>}
          </p>
          {issue.divergence.length > 1 && (
            <div className={styles.change}>
              <RatingTrail ratings={issue.divergence} />
              {change && <p className="visually-hidden">{change}</p>}
              {publisherChanges(issue.divergence.map((d) => d.article)).map(([from, to]) => (
                <SourceShift key={to.slug} from={from} to={to} />
              ))}
            </div>
          )}
        </div>
        <p className="lede">{issue.summary}</p>
        <nav aria-label="On this page" className={styles.toc}>
          <ul>
            <li>
              <a href="#positions">US and Israeli positions</a>
            </li>
            {others.length > 0 && (
              <li>
                <a href="#others">Other actors</a>
              </li>
            )}
            <li>
              <a href="#timeline">Events ({issue.events.length})</a>
            </li>
            {issue.related.length > 0 && (
              <li>
                <a href="#related">Related issues</a>
              </li>
            )}
          </ul>
        </nav>
      </header>

      <Section
        id="positions"
        title="US and Israeli positions"
        intro="Each source is a snapshot at its publication date. The rating says who made it: the source itself, or Faultlines reading the positions the source reports."
      >
        {snapshots.map((article) => (
          <SnapshotPanel
            key={article.slug}
            article={article}
            rating={issue.divergence.find((d) => d.article.slug === article.slug) ?? null}
            us={positionOf(article.slug, DEFAULT_PAIR[0])}
            israel={positionOf(article.slug, DEFAULT_PAIR[1])}
            titles={titles}
          />
        ))}
      </Section>

      {others.length > 0 && (
        <Section id="others" title="Other actors">
          <div className={styles.others}>
            {others.map((position) => (
              <PositionCard
                key={`${position.article.slug}-${position.actor.slug}`}
                position={position}
                titles={titles}
                heading="actor"
              />
            ))}
          </div>
        </Section>
      )}

      <Section
        id="timeline"
        title="Events"
        intro={
          <>
            In date order, each dated only as precisely as its source allows.{" "}
            <Link prefetch={false} href={timelineHref({ issues: [issue.slug] })}>
              Open these events in the timeline
            </Link>
            .
          </>
        }
      >
        {issue.events.length === 0 ? (
          <p>No dated events are recorded for this issue.</p>
        ) : (
          <EventList events={issue.events} titles={titles} />
        )}
      </Section>

      {issue.related.length > 0 && (
        <Section id="related" title="Related issues">
          <ul className={styles.related}>
            {issue.related.map((related) => (
              <li key={related.slug}>
                <Link prefetch={false} href={`/issues/${related.slug}`}>
                  {related.title}
                </Link>{" "}
                <LevelBadge level={latestLevels.get(related.slug) ?? null} size="small" />
              </li>
            ))}
          </ul>
        </Section>
      )}
    </article>
  );
}
