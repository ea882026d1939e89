// The one way new content files are written: checked with the whole content pipeline first (the new files
// together with everything already there), then each written to a temporary file and linked into place, which
// fails rather than replaces if the name was taken meanwhile. Either every file is written or none is. The studio
// replaces files through `replaceContentFiles`, with the same check and a version per file.
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

/** A file's version as the studio sends it back with an edit: a hash of its bytes, or "none" when it is missing. */
export function contentVersion(text: string | null): string {
  return text === null ? "none" : createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The file changed since the version the edit was based on: nothing was written. */
export class StaleVersion extends WriteRefused {
  constructor(message: string) {
    super(message);
    this.name = "StaleVersion";
  }
}

export interface FileReplacement {
  /** Relative to the content folder. */
  path: string;
  /** null deletes the file (undoing the change that created it). */
  text: string | null;
  /** `contentVersion` of the file the new text was made from ("none": the file must not exist yet). */
  version: string;
}

/**
 * Replaces, creates or deletes files under `contentDir`: every path must stay inside it, every file must still be the
 * version the change was made from, and the content with every replacement must pass the whole pipeline. Then each
 * file is written to a temporary file and renamed into place; if one fails, those already replaced get their old
 * bytes back. Returns the pipeline's result and, per file, the first line that changed.
 */
export async function replaceContentFiles(
  contentDir: string,
  files: FileReplacement[],
): Promise<{ result: Extract<PipelineResult, { ok: true }>; changed: { file: string; line: number }[] }> {
  const root = path.resolve(contentDir);
  const targets = files.map((f) => {
    const target = path.resolve(root, f.path);
    if (!target.startsWith(root + path.sep) || !/\.(md|ya?ml)$/.test(target))
      throw new WriteRefused(`${f.path} is not a content file under ${contentDir}: nothing was written`);
    return { ...f, target, rel: path.relative(process.cwd(), target) || target };
  });
  const readCurrent = (target: string) => (existsSync(target) ? readFileSync(target, "utf8") : null);
  const checkVersions = () =>
    targets.map((f) => {
      const current = readCurrent(f.target);
      if (contentVersion(current) !== f.version)
        throw new StaleVersion(
          `${f.rel} changed since this page was loaded (in another tab or an editor): nothing was written; reload to see the current file`,
        );
      return current;
    });
  checkVersions();

  const current = await readContentDir(contentDir);
  const replaced = new Map(targets.map((f) => [f.target, f.text]));
  const next: ContentFile[] = current.flatMap((f) => {
    const text = replaced.has(path.resolve(f.path)) ? replaced.get(path.resolve(f.path)) : f.text;
    return text === null || text === undefined ? [] : [{ ...f, text }];
  });
  for (const f of targets)
    if (f.text !== null && !current.some((c) => path.resolve(c.path) === f.target))
      next.push({ path: f.rel, text: f.text });
  const result = runPipeline(next);
  if (!result.ok) throw new ContentError(result.problems);

  // From here to the last rename nothing awaits, so no other request of this process can write in between.
  const before = checkVersions();
  const done: number[] = [];
  try {
    targets.forEach((f, i) => {
      done.push(i);
      if (f.text === null) return rmSync(f.target, { force: true });
      mkdirSync(path.dirname(f.target), { recursive: true });
      const temp = path.join(path.dirname(f.target), `.${path.basename(f.target)}.${process.pid}.tmp`);
      writeFileSync(temp, f.text, { flag: "wx" });
      renameSync(temp, f.target);
    });
  } catch (error) {
    for (const i of done) {
      const old = before[i];
      if (old === null || old === undefined) rmSync(targets[i]!.target, { force: true });
      else writeFileSync(targets[i]!.target, old);
    }
    throw error;
  }
  const changed = targets.map((f, i) => ({
    file: f.rel,
    line: firstChangedLine(before[i] ?? "", f.text ?? ""),
  }));
  return { result, changed };
}

function firstChangedLine(a: string, b: string): number {
  const x = a.split("\n");
  const y = b.split("\n");
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}
