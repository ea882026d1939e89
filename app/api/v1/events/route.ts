import type { NextRequest } from "next/server";
import { eventsResponse } from "@/lib/api/schemas";
import { eventToApi, json, jsonError } from "@/lib/api/respond";
import { listEventsPage } from "@/lib/queries/events";
import { getKnownSlugs } from "@/lib/queries/known";
import { eventsApiPageHref } from "@/lib/url-state/hrefs";
import { encodeCursor, parseEventsApiQuery } from "@/lib/url-state/timeline";

export async function GET(request: NextRequest) {
  const parsed = parseEventsApiQuery(request.nextUrl.searchParams, await getKnownSlugs());
  if (!parsed.ok) return jsonError(400, "invalid query", parsed.problems);
  const { filters, limit, after } = parsed.value;
  const { events, total, last } = await listEventsPage(filters, after, limit);
  return json(eventsResponse, {
    events: events.map(eventToApi),
    total,
    limit,
    next: last && eventsApiPageHref(filters, limit, encodeCursor(last)),
  });
}
