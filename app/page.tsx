import Link from "next/link";
import { listArticles } from "@/lib/queries/articles";
import { NO_FILTERS } from "@/lib/event-filters";
import { listEvents } from "@/lib/queries/events";
import { listIssues } from "@/lib/queries/issues";
import { changesBetween, mostDivergent, snapshotCounts } from "@/lib/views/home";
import { snapshotLabel, titleMap } from "@/lib/site/labels";
import { samePublisher } from "@/lib/views/sources";
import { LevelCounts, ChangeList } from "@/components/home/snapshot-summary";
import { DateLabel } from "@/components/ui/date-label";
import { Perspective, SourceShift } from "@/components/ui/perspective";
import { LevelBadge } from "@/components/ui/level-badge";
import styles from "./home.module.css";

export default async function HomePage() {
  const [issues, articles, { events, total }] = await Promise.all([
    listIssues(),
    listArticles(),
    listEvents(NO_FILTERS),
  ]);
  const latest = articles.at(-1);
  const previous = articles.at(-2);
  const titles = titleMap(articles);
  const recent = [...events].reverse().slice(0, 6);
  const top = mostDivergent(issues);

  return (
    <>
      <header className={styles.intro}>
        <h1>Where the United States and Israel stand</h1>
        <p className="lede">
          {issues.length} policy issues across {articles.length} sources. Every position, event and rating
          links to the words it rests on.
        </p>
      </header>

      <div className={styles.grid}>
        {latest && (
          <section className={styles.panel} aria-labelledby="now-heading">
            <h2 id="now-heading">Latest snapshot</h2>
            <p className="ui muted">
              {snapshotLabel(latest)} ·{" "}
              <Link prefetch={false} href={`/articles/${latest.slug}`}>
                {latest.title}
              </Link>
            </p>
            <Perspective article={latest} className={styles.perspective} />
            <LevelCounts summary={snapshotCounts(issues, latest)} />
            <p>
              <Link prefetch={false} href="/matrix" className={styles.more}>
                All issues by snapshot in the matrix →
              </Link>
            </p>
          </section>
        )}

        <section className={styles.panel} aria-labelledby="apart-heading">
          <h2 id="apart-heading">Furthest apart</h2>
          <ol className={styles.ranked}>
            {top.map((issue) => {
              const rating = issue.divergence.at(-1)!;
              return (
                <li key={issue.slug}>
                  <Link prefetch={false} href={`/issues/${issue.slug}`}>
                    {issue.title}
                  </Link>
                  <span>
                    <LevelBadge level={rating.level} size="small" />{" "}
                    <span className="ui muted">{snapshotLabel(rating.article)}</span>
                  </span>
                </li>
              );
            })}
          </ol>
        </section>

        {latest && previous && (
          <section className={`${styles.panel} ${styles.wide}`} aria-labelledby="changed-heading">
            <h2 id="changed-heading">What changed since {snapshotLabel(previous)}</h2>
            {!samePublisher(previous, latest) && <SourceShift from={previous} to={latest} withPerspectives />}
            <ChangeList
              changes={changesBetween(issues, previous, latest)}
              previous={previous}
              latest={latest}
            />
          </section>
        )}

        <section className={styles.panel} aria-labelledby="events-heading">
          <h2 id="events-heading">Latest events</h2>
          <ol className={styles.events}>
            {recent.map((event) => (
              <li key={event.slug}>
                <DateLabel {...event.date} />
                <Link prefetch={false} href={`/issues/${event.issues[0]?.slug}#e-${event.slug}`}>
                  {event.title}
                </Link>
              </li>
            ))}
          </ol>
          <p>
            <Link prefetch={false} href="/timeline" className={styles.more}>
              All {total} events in the timeline →
            </Link>
          </p>
        </section>

        <section className={styles.panel} aria-labelledby="sources-heading">
          <h2 id="sources-heading">Sources loaded</h2>
          <ol className={styles.sources}>
            {articles.map((article) => (
              <li key={article.slug}>
                <span className="ui muted">{snapshotLabel(article)}</span>
                <Link prefetch={false} href={`/articles/${article.slug}`}>
                  {titles[article.slug]}
                </Link>
                <span className="ui muted">{article.publisher ?? "publisher not shown"}</span>
                <Perspective article={article} />
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
