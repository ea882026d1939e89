import { mkdirSync, mkdtempSync } from "node:fs";
import path from "node:path";

/** Where tests write scratch files (git-ignored). Names under it are unique per run: see `scratchDir`. */
export const TMP_DIR = path.resolve("tests/.tmp");

/** A new, empty folder under tests/.tmp, unique to this run, so concurrent runs never share a file. */
export function scratchDir(prefix: string): string {
  mkdirSync(TMP_DIR, { recursive: true });
  return mkdtempSync(path.join(TMP_DIR, prefix));
}
