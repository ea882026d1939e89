import type { NextRequest } from "next/server";
import { EVENT_CSV_HEADER, eventRowsToCsv } from "@/lib/api/events-csv";
import { jsonError } from "@/lib/api/respond";
import { listEventsPage } from "@/lib/queries/events";
import { getKnownSlugs } from "@/lib/queries/known";
import { EVENTS_LIMIT } from "@/lib/url-state/hrefs";
import { parseEventsQuery } from "@/lib/url-state/timeline";

// The same filters, events and order as /api/v1/events, every page of it, as a spreadsheet download. Written a page of
// events at a time, so the whole export is never one string in memory.
export async function GET(request: NextRequest) {
  const parsed = parseEventsQuery(request.nextUrl.searchParams, await getKnownSlugs());
  if (!parsed.ok) return jsonError(400, "invalid query", parsed.problems);
  const filters = parsed.value;
  const filtered = request.nextUrl.searchParams.size > 0;
  const encoder = new TextEncoder();
  let after: Parameters<typeof listEventsPage>[1] = null;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The byte-order mark makes spreadsheet programs read the file as UTF-8 (curly quotes, dashes, names).
        controller.enqueue(encoder.encode(`\uFEFF${EVENT_CSV_HEADER}`));
      }
      const page = await listEventsPage(filters, after, EVENTS_LIMIT.max);
      if (page.events.length > 0) controller.enqueue(encoder.encode(eventRowsToCsv(page.events)));
      if (page.last) after = page.last;
      else controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="faultlines-events${filtered ? "-filtered" : ""}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
