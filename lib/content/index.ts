import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sortIssues, type ContentIssue } from "./errors";
import { parseArticle, parseYaml, type LocatedYaml, type ParsedArticle } from "./parse";
import { resolveContent, type ValidatedContent } from "./resolve";
import { reviewContent, type ValidatedDraft } from "./review";
import { actorsSchema, annotationSchema, draftSchema, frontmatterSchema, issuesSchema } from "./schema";
import type { ResolvedContent, ReviewState } from "./types";
import { validate } from "./validate";

export { formatIssue, ContentError, type ContentIssue } from "./errors";
export type * from "./types";

/** A content file: its path as reported in errors (`content/actors.yaml`) and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

export type PipelineResult =
  { ok: true; content: ResolvedContent; review: ReviewState } | { ok: false; issues: ContentIssue[] };

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

/** parse → validate → resolve, on in-memory files. Every problem of the run is reported together. */
export function runPipeline(files: ContentFile[]): PipelineResult {
  const issues: ContentIssue[] = [];
  const take = <T>(result: { ok: true; value: T } | { ok: false; issues: ContentIssue[] }): T | null => {
    if (result.ok) return result.value;
    issues.push(...result.issues);
    return null;
  };

  const single = (suffix: string) => {
    const file = files.find(
      (f) => f.path.endsWith(suffix) && !/\/(articles|annotations|drafts)\//.test(f.path),
    );
    if (!file || file.text === MISSING) {
      issues.push({ file: file?.path ?? `content/${suffix}`, line: 1, message: "file is missing" });
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
  const drafts: ValidatedDraft[] = [];
  for (const file of files) {
    const article = /\/articles\/([^/]+)\.md$/.exec(file.path);
    const annotation = /\/annotations\/([^/]+)\.ya?ml$/.exec(file.path);
    const draft = /\/drafts\/([^/]+)\.ya?ml$/.exec(file.path);
    if (article) {
      const slug = article[1]!;
      if (!checkSlug(file.path, slug, issues)) continue;
      const parsed: ParsedArticle | null = take(parseArticle(file.path, slug, file.text));
      const frontmatter = parsed && take(validate(parsed.frontmatter, frontmatterSchema));
      if (parsed && frontmatter)
        articles.push({ slug, frontmatter, loc: parsed.frontmatter, blocks: parsed.blocks });
    } else if (annotation) {
      const slug = annotation[1]!;
      if (!checkSlug(file.path, slug, issues)) continue;
      const loc: LocatedYaml | null = take(parseYaml(file.path, file.text));
      const value = loc && take(validate(loc, annotationSchema));
      if (loc && value) annotations.push({ slug, value, loc });
    } else if (draft) {
      const slug = draft[1]!;
      if (!checkSlug(file.path, slug, issues)) continue;
      const loc: LocatedYaml | null = take(parseYaml(file.path, file.text));
      const value = loc && take(validate(loc, draftSchema));
      if (loc && value) drafts.push({ slug, value, loc });
    }
  }

  if (!actors || !issueList || !actorsLoc || !issuesLoc) return { ok: false, issues: sortIssues(issues) };
  const validated: ValidatedContent = {
    articles,
    annotations,
    actors: { value: actors, loc: actorsLoc },
    issues: { value: issueList, loc: issuesLoc },
  };
  const resolved = resolveContent(validated);
  issues.push(...resolved.issues);
  const reviewed = reviewContent({ validated, drafts, content: resolved.content });
  issues.push(...reviewed.issues);
  return issues.length > 0
    ? { ok: false, issues: sortIssues(issues) }
    : { ok: true, content: reviewed.content, review: reviewed.review };
}

function checkSlug(file: string, slug: string, issues: ContentIssue[]): boolean {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return true;
  issues.push({
    file,
    line: 1,
    message: `file name "${slug}" is not a slug (lowercase words joined by hyphens)`,
  });
  return false;
}

export async function checkContentDir(dir: string): Promise<PipelineResult> {
  return runPipeline(await readContentDir(dir));
}
