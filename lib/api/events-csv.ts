import { toCsv } from "@/lib/csv";
import type { EventView } from "@/lib/queries/types";
import { SITE_URL } from "@/lib/site/config";

// The events export (`/api/v1/events.csv`): one row per event, the same events in the same order as the JSON API.
// Lists are joined with "; " and evidence quotes with line breaks, each followed by its source paragraph.

export const EVENT_CSV_COLUMNS = [
  "slug",
  "title",
  "summary",
  "date_start",
  "date_end",
  "date_precision",
  "date_circa",
  "date_stated",
  "claim",
  "actors",
  "actor_names",
  "issues",
  "articles",
  "evidence",
  "url",
] as const;

export function eventsToCsv(events: readonly EventView[]): string {
  return EVENT_CSV_HEADER + eventRowsToCsv(events);
}

/** Rows without the header line: the export is written a batch of events at a time. */
export function eventRowsToCsv(events: readonly EventView[]): string {
  if (events.length === 0) return "";
  return toCsv(
    events.map((event) => [
      event.slug,
      event.title,
      event.summary,
      event.date.start,
      event.date.end,
      event.date.precision,
      event.date.circa ? "yes" : "no",
      event.date.stated,
      event.claim,
      event.actors.map((a) => a.slug).join("; "),
      event.actors.map((a) => a.name).join("; "),
      event.issues.map((i) => i.slug).join("; "),
      event.articles.join("; "),
      event.evidence.map((e) => `“${e.quote}” (${e.article} ¶${e.paragraph})`).join("\n"),
      `${SITE_URL}${event.issues[0] ? `/issues/${event.issues[0].slug}` : "/timeline"}#e-${event.slug}`,
    ]),
  );
}

/** The header line of the export. */
export const EVENT_CSV_HEADER = toCsv([EVENT_CSV_COLUMNS]);
