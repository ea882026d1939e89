import type { Metadata } from "next";
import Link from "next/link";
import { listArticles } from "@/lib/queries/articles";
import {
  countEvents,
  listEventFacets,
  listEventSpans,
  listEvents,
  type EventFacets,
} from "@/lib/queries/events";
import { getKnownSlugs } from "@/lib/queries/known";
import { eventsPerPeriod } from "@/lib/series/events-per-period";
import { titleMap } from "@/lib/site/labels";
import { toEventRows, toEventSummary } from "@/lib/views/events";
import {
  clearedState,
  describeFilters,
  eventCount,
  filterChips,
  groupByYearMonth,
  offeredActors,
  pageInfo,
  resultSummary,
  type FilterNames,
} from "@/lib/views/timeline";
import { eventFiltersOf, eventsApiHref, timelineHref } from "@/lib/url-state/hrefs";
import type { SearchParamsInput } from "@/lib/url-state/shared";
import { parseTimelineParams } from "@/lib/url-state/timeline";
import { EventsPerPeriodPanel } from "@/components/timeline/events-per-period";
import { FilterChips } from "@/components/timeline/filter-chips";
import { Pagination } from "@/components/timeline/pagination";
import { TimelineFilters } from "@/components/timeline/timeline-filters";
import { TimelineList } from "@/components/timeline/timeline-list";
import styles from "./timeline.module.css";

// The one page rendered per request: everything it shows follows from the query string.

function namesOf(facets: EventFacets): FilterNames {
  const map = (options: { slug: string; name: string }[]) => new Map(options.map((o) => [o.slug, o.name]));
  return { actors: map(facets.actors), issues: map(facets.issues), articles: map(facets.articles) };
}

async function readState(searchParams: Promise<SearchParamsInput>) {
  const [params, known, facets] = await Promise.all([searchParams, getKnownSlugs(), listEventFacets()]);
  return { ...parseTimelineParams(params, known), facets, names: namesOf(facets) };
}

export async function generateMetadata({ searchParams }: PageProps<"/timeline">): Promise<Metadata> {
  const { state, names } = await readState(searchParams);
  const filtered = describeFilters(state, names);
  const total = await countEvents(eventFiltersOf(state));
  const title = filtered ? `Timeline: events ${filtered}` : "Timeline";
  const description = `${eventCount(total)}${filtered ? ` ${filtered}` : ""}, in date order, each dated only as precisely as its source allows and linked to the words it rests on.`;
  const canonical = timelineHref(state);
  return {
    title,
    description,
    alternates: { canonical },
    openGraph: { title, description, url: canonical },
    twitter: { card: "summary", title, description },
  };
}

export default async function TimelinePage({ searchParams }: PageProps<"/timeline">) {
  const { state, dropped, facets, names } = await readState(searchParams);
  const filters = eventFiltersOf(state);
  const slice = { offset: (state.page - 1) * state.perPage, limit: state.perPage };
  const [{ events, total }, spans, articles] = await Promise.all([
    listEvents(filters, slice),
    listEventSpans(filters),
    listArticles(),
  ]);
  const listed = toEventRows(events.map(toEventSummary), titleMap(articles));
  const info = pageInfo(total, state.page, state.perPage);
  const chips = filterChips(state, names);
  const clearHref = timelineHref(clearedState(state));
  const widen =
    total === 0 && chips.length > 0
      ? await Promise.all(
          chips.map(async (chip) => ({ chip, total: await countEvents(eventFiltersOf(chip.without)) })),
        )
      : [];

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <p className="eyebrow">Events</p>
        <h1>Timeline</h1>
        <p className="lede">
          Every dated event in the sources, in date order, each dated only as precisely as its source allows.
        </p>
        <p className={styles.key}>
          <span className={styles.marker} aria-hidden="true">
            ≈
          </span>{" "}
          known to the week, month or year ·{" "}
          <span className={styles.marker} aria-hidden="true">
            ↔
          </span>{" "}
          somewhere in a range. An event dated only to a span is listed under the month the span begins.
        </p>
      </header>

      {dropped.length > 0 && (
        <div className={styles.notice} role="note" aria-labelledby="dropped-heading">
          <h2 id="dropped-heading" className={styles.noticeHeading}>
            Part of this link was not understood and was left out
          </h2>
          <ul>
            {dropped.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
          <p>
            Showing the rest. <Link href={timelineHref(state)}>Use the corrected link</Link>.
          </p>
        </div>
      )}

      <div className={styles.layout}>
        {/* Not an <aside>: inside <main> it would be a nested landmark; the form is the search landmark. */}
        <div className={styles.filters}>
          <TimelineFilters
            state={state}
            actors={offeredActors(facets.actors, state.actors)}
            actorTotal={facets.actors.length}
            issues={facets.issues}
            articles={facets.articles}
            active={chips.length}
          />
        </div>

        <div className={styles.results}>
          <p className={styles.count} role="status" id="result-count">
            {resultSummary(info)}
            {chips.length > 0 && total > 0 && (
              <span className={styles.countNote}> matching these filters</span>
            )}
          </p>
          <FilterChips chips={chips} clearHref={clearHref} />

          {total > 0 && <EventsPerPeriodPanel series={eventsPerPeriod(spans)} state={state} />}

          {total > 0 && (
            <p className={styles.export}>
              Download {total === 1 ? "this event" : `these ${eventCount(total)}`}:{" "}
              <a href={eventsApiHref(state, "csv")} download>
                CSV
              </a>{" "}
              · <a href={eventsApiHref(state, "json")}>JSON</a>
            </p>
          )}

          {total === 0 && chips.length === 0 ? (
            <p className={styles.empty}>There are no events yet: add annotations and rebuild the database.</p>
          ) : total === 0 ? (
            <div className={styles.empty}>
              <p>
                Nothing in the timeline matches all of these filters. Widen the search by removing one of
                them:
              </p>
              <ul>
                {widen.map(({ chip, total: wider }) => (
                  <li key={chip.key}>
                    <Link href={timelineHref(chip.without)}>
                      {chip.key === "mode"
                        ? "Match any of the actors instead of all"
                        : `Remove ${chip.kind.toLowerCase()} “${chip.label}”`}
                    </Link>{" "}
                    <span className="muted">({eventCount(wider)})</span>
                  </li>
                ))}
                <li>
                  <Link href={clearHref}>Clear every filter</Link>
                </li>
              </ul>
            </div>
          ) : info.beyond ? (
            <div className={styles.empty}>
              <p>This page is past the end of the list.</p>
              <ul>
                <li>
                  <Link href={timelineHref({ ...state, page: info.pageCount })}>
                    Go to the last page (page {info.pageCount})
                  </Link>
                </li>
                <li>
                  <Link href={timelineHref({ ...state, page: 1 })}>Back to the first page</Link>
                </li>
              </ul>
            </div>
          ) : (
            <TimelineList years={groupByYearMonth(listed.rows)} names={listed.names} />
          )}

          {total > 0 && <Pagination info={info} state={state} />}
        </div>
      </div>
    </div>
  );
}
