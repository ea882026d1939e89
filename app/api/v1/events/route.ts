import type { NextRequest } from "next/server";
import { eventsResponse } from "@/lib/api/schemas";
import { eventToApi, json, jsonError } from "@/lib/api/respond";
import { listEvents } from "@/lib/queries/events";
import { getKnownSlugs } from "@/lib/queries/known";
import { parseEventsQuery } from "@/lib/url-state/timeline";

export async function GET(request: NextRequest) {
  const parsed = parseEventsQuery(request.nextUrl.searchParams, await getKnownSlugs());
  if (!parsed.ok) return jsonError(400, "invalid query", parsed.problems);
  const { events, total } = await listEvents(parsed.value);
  return json(eventsResponse, { events: events.map(eventToApi), total });
}
