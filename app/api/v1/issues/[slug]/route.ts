import { issueResponse } from "@/lib/api/schemas";
import { divergenceToApi, eventToApi, json, jsonError, positionToApi } from "@/lib/api/respond";
import { getIssueBySlug } from "@/lib/queries/issues";

export async function GET(_request: Request, { params }: RouteContext<"/api/v1/issues/[slug]">) {
  const { slug } = await params;
  const issue = await getIssueBySlug(slug);
  if (!issue) return jsonError(404, `no issue "${slug}"`);
  return json(issueResponse, {
    issue: {
      slug: issue.slug,
      title: issue.title,
      summary: issue.summary,
      divergence: issue.divergence.map(divergenceToApi),
    },
    positions: issue.positions.map(positionToApi),
    events: issue.events.map(eventToApi),
  });
}
