import type { Applied } from "./operations";

// What each write replaced, newest last, per article, for undo. Kept in the studio process only: a restart
// forgets it (the files themselves are the record, and git has their history). Held on globalThis so the page
// and the route handler, bundled apart, share one journal.
const KEY = Symbol.for("faultlines.studio.journal");
type Journal = Map<string, Applied["undo"][]>;
const journal = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Journal;

export function remember(slug: string, undo: Applied["undo"]) {
  const stack = journal.get(slug) ?? [];
  stack.push(undo);
  journal.set(slug, stack.slice(-50));
}

export function lastChange(slug: string): Applied["undo"] | null {
  return journal.get(slug)?.at(-1) ?? null;
}

export function forgetLast(slug: string) {
  journal.get(slug)?.pop();
}

export function undoCount(slug: string): number {
  return journal.get(slug)?.length ?? 0;
}
