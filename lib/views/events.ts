import type { EventSummary, EventView } from "@/lib/queries/types";

/** What a list shows of an event (EventSummary): its evidence and dating basis left for the event's page. */
export function toEventSummary(event: EventView): EventSummary {
  const { stated, start, end, precision, circa } = event.date;
  return {
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    date: { stated, start, end, precision, circa },
    actors: event.actors.map(({ slug, name }) => ({ slug, name })),
    issues: event.issues,
    articles: event.articles,
    quotes: event.evidence.length,
  };
}

/** The titles of just the articles these events cite: what a list of them needs to name its sources. */
export function titlesFor(
  events: readonly EventSummary[],
  titles: Record<string, string>,
): Record<string, string> {
  const used: Record<string, string> = {};
  for (const event of events) {
    for (const slug of event.articles) if (titles[slug]) used[slug] = titles[slug];
  }
  return used;
}

/**
 * An EventSummary with its actors and issues by slug: a page of them names each actor and issue once (ListNames).
 * `circa` is left out where false, as most dates are (16 bytes a row in the page's payload).
 */
export interface EventRow extends Omit<EventSummary, "actors" | "issues" | "date"> {
  date: Omit<EventSummary["date"], "circa"> & { circa?: true };
  actors: string[];
  issues: string[];
}

/** The names behind a page of EventRows: actors' names, issues' and articles' titles, by slug. */
export interface ListNames {
  actors: Record<string, string>;
  issues: Record<string, string>;
  articles: Record<string, string>;
}

/** Events as rows and the names they use: what the timeline sends its list, each name once. */
export function toEventRows(
  events: readonly EventSummary[],
  titles: Record<string, string>,
): { rows: EventRow[]; names: ListNames } {
  const names: ListNames = { actors: {}, issues: {}, articles: titlesFor(events, titles) };
  const rows = events.map((event) => {
    for (const actor of event.actors) names.actors[actor.slug] = actor.name;
    for (const issue of event.issues) names.issues[issue.slug] = issue.title;
    const { circa, ...date } = event.date;
    return {
      ...event,
      date: circa ? { ...date, circa } : date,
      actors: event.actors.map((a) => a.slug),
      issues: event.issues.map((i) => i.slug),
    };
  });
  return { rows, names };
}

/** A row back to the EventSummary it was made from. */
export function fromEventRow(row: EventRow, names: ListNames): EventSummary {
  return {
    ...row,
    date: { ...row.date, circa: row.date.circa ?? false },
    actors: row.actors.map((slug) => ({ slug, name: names.actors[slug] ?? slug })),
    issues: row.issues.map((slug) => ({ slug, title: names.issues[slug] ?? slug })),
  };
}
