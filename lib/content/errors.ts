/** One problem in the content, located to a line of a file (paths relative to the content folder's parent). */
export interface ContentIssue {
  file: string;
  line: number;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** Thrown by a pipeline run that found problems; carries all of them. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    super(
      `${issues.length} content error${issues.length === 1 ? "" : "s"}:\n${issues.map(formatIssue).join("\n")}`,
    );
    this.name = "ContentError";
    this.issues = issues;
  }
}

/** Sort issues by file, then line, so a run's report reads top to bottom. */
export function sortIssues(issues: ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
