import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Applied } from "./operations";

// What each write replaced, newest last, per article, for undo. Kept in `<content>/.studio/undo.json` so a restart
// of the studio does not lose it; the folder ignores itself for git and the content pipeline never reads it. An
// entry only undoes while the files are still as that write left them (its versions are checked like any write).
type Journal = Record<string, Applied["undo"][]>;
const DEPTH = 50;

const file = (contentDir: string) => path.join(contentDir, ".studio", "undo.json");

function load(contentDir: string): Journal {
  try {
    const data = JSON.parse(readFileSync(file(contentDir), "utf8")) as unknown;
    return data && typeof data === "object" && !Array.isArray(data) ? (data as Journal) : {};
  } catch {
    // No journal yet, or an unreadable one: nothing to undo.
    return {};
  }
}

function save(contentDir: string, journal: Journal) {
  const target = file(contentDir);
  mkdirSync(path.dirname(target), { recursive: true });
  const ignore = path.join(path.dirname(target), ".gitignore");
  if (!existsSync(ignore)) writeFileSync(ignore, "*\n");
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(journal));
  renameSync(temp, target);
}

export function remember(contentDir: string, slug: string, undo: Applied["undo"]) {
  const journal = load(contentDir);
  journal[slug] = [...(journal[slug] ?? []), undo].slice(-DEPTH);
  save(contentDir, journal);
}

export function lastChange(contentDir: string, slug: string): Applied["undo"] | null {
  return load(contentDir)[slug]?.at(-1) ?? null;
}

export function forgetLast(contentDir: string, slug: string) {
  const journal = load(contentDir);
  if (!journal[slug]?.length) return;
  journal[slug].pop();
  save(contentDir, journal);
}

export function undoCount(contentDir: string, slug: string): number {
  return load(contentDir)[slug]?.length ?? 0;
}
