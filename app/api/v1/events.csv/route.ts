import type { NextRequest } from "next/server";
import { eventsToCsv } from "@/lib/api/events-csv";
import { jsonError } from "@/lib/api/respond";
import { listEvents } from "@/lib/queries/events";
import { getKnownSlugs } from "@/lib/queries/known";
import { parseEventsQuery } from "@/lib/url-state/timeline";

// The same filters, events and order as /api/v1/events, as a spreadsheet download.
export async function GET(request: NextRequest) {
  const parsed = parseEventsQuery(request.nextUrl.searchParams, await getKnownSlugs());
  if (!parsed.ok) return jsonError(400, "invalid query", parsed.problems);
  const { events } = await listEvents(parsed.value);
  const filtered = request.nextUrl.searchParams.size > 0;
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (curly quotes, dashes, names).
  return new Response(`\uFEFF${eventsToCsv(events)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="faultlines-events${filtered ? "-filtered" : ""}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
