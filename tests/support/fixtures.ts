import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readContentDir, type ContentFile } from "@/lib/content";

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

/** A copy of the fixture content in a temporary folder, with an edit applied. */
export function brokenCopy(suffix: string, from: string, to: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "faultlines-content-"));
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
  const lines = readFileSync(path.join(FIXTURE_DIR, suffix), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in ${suffix}`);
  return index + 1;
}
