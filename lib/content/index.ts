import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isSlug } from "@/lib/domain";
import { sortProblems, type ContentProblem } from "./errors";
import { parseArticle, parseYaml, type LocatedYaml, type ParsedArticle } from "./parse";
import { resolveContent, type ValidatedContent } from "./resolve";
import { reviewContent, type DraftFile } from "./review";
import { actorsSchema, frontmatterSchema, issuesSchema } from "./schema";
import type { ResolvedContent, ReviewState } from "./types";
import { validate, validateAnnotation, validateDraft } from "./validate";

export { ContentError, formatProblem, type ContentProblem } from "./errors";
export type * from "./types";

/** A content file: its path as reported in errors (`content/actors.yaml`) and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

export type PipelineResult =
  { ok: true; content: ResolvedContent; review: ReviewState } | { ok: false; problems: ContentProblem[] };

/** Reads every content file under `dir`; paths are reported relative to the working directory. */
export async function readContentDir(dir: string): Promise<ContentFile[]> {
  const files: ContentFile[] = [];
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const read = async (p: string) => files.push({ path: rel(p), text: await readFile(p, "utf8") });
  for (const name of ["actors.yaml", "issues.yaml"]) {
    await read(path.join(dir, name)).catch(() =>
      files.push({ path: rel(path.join(dir, name)), text: MISSING }),
    );
  }
  for (const sub of ["articles", "annotations", "drafts"]) {
    const names = await readdir(path.join(dir, sub)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (/\.(md|ya?ml)$/.test(name)) await read(path.join(dir, sub, name));
    }
  }
  return files;
}

/** Marks a required file that does not exist, so the pipeline can say so with the others' errors. */
const MISSING = "\u0000missing";

/** parse → validate → resolve → review, on in-memory files. Every problem of the run is reported together. */
export function runPipeline(files: ContentFile[]): PipelineResult {
  const problems: ContentProblem[] = [];
  const take = <T>(result: { ok: true; value: T } | { ok: false; problems: ContentProblem[] }): T | null => {
    if (result.ok) return result.value;
    problems.push(...result.problems);
    return null;
  };

  const single = (suffix: string) => {
    const file = files.find(
      (f) => f.path.endsWith(suffix) && !/\/(articles|annotations|drafts)\//.test(f.path),
    );
    if (!file || file.text === MISSING) {
      problems.push({ file: file?.path ?? `content/${suffix}`, line: 1, message: "file is missing" });
      return null;
    }
    return take(parseYaml(file.path, file.text));
  };
  const actorsLoc = single("actors.yaml");
  const issuesLoc = single("issues.yaml");
  const actors = actorsLoc && take(validate(actorsLoc, actorsSchema));
  const issueList = issuesLoc && take(validate(issuesLoc, issuesSchema));

  const articles: ValidatedContent["articles"] = [];
  const annotations: ValidatedContent["annotations"] = [];
  const drafts: DraftFile[] = [];
  const failed = { articles: new Set<string>(), events: new Set<string>() };
  for (const file of files) {
    const article = /\/articles\/([^/]+)\.md$/.exec(file.path);
    const entries = /\/(annotations|drafts)\/([^/]+)\.ya?ml$/.exec(file.path);
    if (article) {
      const slug = article[1]!;
      if (!checkSlug(file.path, slug, problems)) continue;
      const parsed: ParsedArticle | null = take(parseArticle(file.path, slug, file.text));
      const frontmatter = parsed && take(validate(parsed.frontmatter, frontmatterSchema));
      if (parsed && frontmatter)
        articles.push({ slug, frontmatter, loc: parsed.frontmatter, blocks: parsed.blocks });
      else failed.articles.add(slug);
    } else if (entries) {
      const slug = entries[2]!;
      if (!checkSlug(file.path, slug, problems)) continue;
      const loc: LocatedYaml | null = take(parseYaml(file.path, file.text));
      if (!loc) continue;
      if (entries[1] === "annotations") {
        const validated = validateAnnotation(loc);
        problems.push(...validated.problems);
        for (const event of validated.failedEvents) failed.events.add(event);
        if (validated.value) annotations.push({ slug, loc, ...validated.value });
      } else {
        // A draft's broken event is not one a reviewed file may rely on: it stays out of `failed`.
        const validated = validateDraft(loc);
        problems.push(...validated.problems);
        if (validated.value) drafts.push({ slug, loc, ...validated.value });
      }
    }
  }

  if (!actors || !issueList || !actorsLoc || !issuesLoc)
    return { ok: false, problems: sortProblems(problems) };
  const validated: ValidatedContent = {
    articles,
    annotations,
    actors: { value: actors, loc: actorsLoc },
    issues: { value: issueList, loc: issuesLoc },
    failed,
  };
  const resolved = resolveContent(validated);
  problems.push(...resolved.problems);
  const reviewed = reviewContent({ validated, drafts, content: resolved.content });
  problems.push(...reviewed.problems);
  return problems.length > 0
    ? { ok: false, problems: sortProblems(problems) }
    : { ok: true, content: reviewed.content, review: reviewed.review };
}

function checkSlug(file: string, slug: string, problems: ContentProblem[]): boolean {
  if (isSlug(slug)) return true;
  problems.push({
    file,
    line: 1,
    message: `file name "${slug}" is not a slug (lowercase words joined by hyphens)`,
  });
  return false;
}

export async function checkContentDir(dir: string): Promise<PipelineResult> {
  return runPipeline(await readContentDir(dir));
}
