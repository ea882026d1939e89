import type { NextRequest } from "next/server";
import { searchResponse } from "@/lib/api/schemas";
import { json, jsonError } from "@/lib/api/respond";
import { getKnownSlugs } from "@/lib/queries/known";
import { search, searchAvailable } from "@/lib/search";
import { parseSearchApiQuery } from "@/lib/url-state/search";

export async function GET(request: NextRequest) {
  if (!searchAvailable()) return jsonError(503, "search is not available on this store yet (PostgreSQL)");
  const parsed = parseSearchApiQuery(request.nextUrl.searchParams, await getKnownSlugs());
  if (!parsed.ok) return jsonError(400, "invalid query", parsed.problems);
  const { q, kind, article, actor, limit } = parsed.value;
  const results = await search({ text: q, kind, article, actor, offset: 0, limit });
  return json(searchResponse, {
    query: results.query.text,
    notes: results.query.notes,
    results: results.hits.map((hit) => ({
      kind: hit.kind,
      slug: hit.slug,
      title: hit.title,
      snippet: hit.snippet.text,
      highlights: hit.snippet.marks,
      url: hit.url,
    })),
    total: results.total,
  });
}
