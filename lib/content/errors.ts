/**
 * One problem in the content, located to a line of a file (paths relative to the content folder's parent). A
 * "problem", never an "issue": issues are the policy issues the content is about.
 */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Sort problems by file, then line, so a run's report reads top to bottom. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Thrown where content is refused as a whole (lib/content/write.ts): carries every problem the pipeline found. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    super(
      `${problems.length} content error${problems.length === 1 ? "" : "s"}:\n${problems.map(formatProblem).join("\n")}`,
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}
