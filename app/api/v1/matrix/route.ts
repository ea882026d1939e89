import type { NextRequest } from "next/server";
import { matrixResponse } from "@/lib/api/schemas";
import { json, jsonError } from "@/lib/api/respond";
import { getKnownSlugs } from "@/lib/queries/known";
import { getMatrix } from "@/lib/queries/matrix";
import { parsePairQuery } from "@/lib/url-state/matrix";

export async function GET(request: NextRequest) {
  const parsed = parsePairQuery(request.nextUrl.searchParams, await getKnownSlugs());
  if (!parsed.ok) return jsonError(400, "invalid query", parsed.problems);
  const matrix = await getMatrix(parsed.value);
  if (!matrix) return jsonError(404, "no such actors");
  return json(matrixResponse, {
    a: matrix.a.slug,
    b: matrix.b.slug,
    rows: matrix.rows.map((row) => ({
      issue: row.issue.slug,
      cells: row.cells.flatMap((cell) =>
        cell.divergence
          ? [
              {
                article: cell.article.slug,
                asOf: cell.article.published.start,
                level: cell.divergence.level,
                a: cell.a && { stance: cell.a.stance, summary: cell.a.summary },
                b: cell.b && { stance: cell.b.stance, summary: cell.b.summary },
              },
            ]
          : [],
      ),
    })),
  });
}
