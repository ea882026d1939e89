// The one way new content files are written: checked with the whole content pipeline first (the new files
// together with everything already there), then each written to a temporary file and linked into place, which
// fails rather than replaces if the name was taken meanwhile. Either every file is written or none is.
import { existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ContentError } from "./errors";
import { readContentDir, runPipeline, type ContentFile, type PipelineResult } from "./index";

export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteRefused";
  }
}

/** Writes files that must not exist yet under `contentDir` (paths relative to it). Returns the pipeline's result. */
export async function writeNewContentFiles(
  contentDir: string,
  files: { path: string; text: string }[],
): Promise<Extract<PipelineResult, { ok: true }>> {
  const targets = files.map((f) => ({ ...f, target: path.join(contentDir, f.path) }));
  for (const f of targets) {
    if (existsSync(f.target)) throw new WriteRefused(`${f.target} already exists: nothing was written`);
  }
  const current = await readContentDir(contentDir);
  const added: ContentFile[] = targets.map((f) => ({
    path: path.relative(process.cwd(), f.target) || f.target,
    text: f.text,
  }));
  const result = runPipeline([...current, ...added]);
  if (!result.ok) throw new ContentError(result.problems);

  const written: string[] = [];
  try {
    for (const f of targets) {
      mkdirSync(path.dirname(f.target), { recursive: true });
      const temp = path.join(path.dirname(f.target), `.${path.basename(f.target)}.${process.pid}.tmp`);
      writeFileSync(temp, f.text, { flag: "wx" });
      try {
        linkSync(temp, f.target);
        written.push(f.target);
      } finally {
        rmSync(temp, { force: true });
      }
    }
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    throw error;
  }
  return result;
}
