import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readContentDir, type ContentFile } from "@/lib/content";
import { scratchDir } from "./scratch";

export const FIXTURE_DIR = "tests/fixtures/content";

/** The valid fixture content, as files in memory. */
export async function fixtureFiles(): Promise<ContentFile[]> {
  return readContentDir(FIXTURE_DIR);
}

/** Replaces one exact text in one fixture file; fails loudly if the text is not there exactly once. */
export function edit(files: ContentFile[], suffix: string, from: string, to: string): ContentFile[] {
  return files.map((file) => {
    if (!file.path.endsWith(suffix)) return file;
    const count = file.text.split(from).length - 1;
    if (count !== 1) throw new Error(`fixture edit: "${from}" occurs ${count} times in ${file.path}`);
    return { ...file, text: file.text.replace(from, to) };
  });
}

/** A copy of the fixture content in a new folder under tests/.tmp, with an edit applied. */
export function brokenCopy(suffix: string, from: string, to: string): string {
  const dir = scratchDir("content-");
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  const file = path.join(dir, suffix);
  const text = readFileSync(file, "utf8");
  if (text.split(from).length !== 2)
    throw new Error(`fixture edit: "${from}" is not in ${suffix} exactly once`);
  writeFileSync(file, text.replace(from, to));
  return dir;
}

/** The 1-based line of the first line containing `needle` in a fixture file. */
export function lineOf(suffix: string, needle: string): number {
  const [first] = linesOf(suffix, needle);
  if (first === undefined) throw new Error(`"${needle}" not in ${suffix}`);
  return first;
}

/** The 1-based lines of every line containing `needle` in a fixture file. */
export function linesOf(suffix: string, needle: string): number[] {
  return readFileSync(path.join(FIXTURE_DIR, suffix), "utf8")
    .split("\n")
    .flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
}
