import { issuesResponse } from "@/lib/api/schemas";
import { divergenceToApi, json } from "@/lib/api/respond";
import { listIssues } from "@/lib/queries/issues";

export async function GET() {
  const issues = await listIssues();
  return json(issuesResponse, {
    issues: issues.map((i) => ({
      slug: i.slug,
      title: i.title,
      summary: i.summary,
      divergence: i.divergence.map(divergenceToApi),
    })),
  });
}
