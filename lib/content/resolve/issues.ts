import type { LocatedYaml } from "../parse";
import type { IssuesFile } from "../schema";
import type { ResolvedIssue } from "../types";
import { firstBySlug, suggest, unique, type Report } from "./context";

/** Policy issues, each related issue known and not the issue itself. */
export function resolveIssues(
  source: { value: IssuesFile; loc: LocatedYaml },
  report: Report,
): ResolvedIssue[] {
  const { value, loc } = source;
  const known = new Set(firstBySlug(value, "issue", loc, report).keys());
  return value.map((issue, i) => ({
    slug: issue.slug,
    title: issue.title,
    summary: issue.summary,
    related: unique(
      issue.related.filter((ref, j) => {
        if (ref === issue.slug)
          return (report(loc, [i, "related", j], "an issue cannot be related to itself"), false);
        if (!known.has(ref))
          return (report(loc, [i, "related", j], `unknown issue "${ref}"${suggest(ref, known)}`), false);
        return true;
      }),
    ),
  }));
}
