import "server-only";
import { LRUCache } from "lru-cache";

// The production server reads a read-only snapshot of the database that never changes while it runs (lib/db.ts),
// so a query's answer for the same arguments never changes either: it is kept, up to a bound, for the life of the
// process. Off outside production, where db:build may replace the file under a running dev server.
const ENABLED = process.env.NODE_ENV === "production";

/**
 * What all remembered answers may take together, by approximateBytes: one bound for every memoized read, most
 * recently used kept. Filter queries have endless distinct arguments (a date, a set of actors), so a bound by count
 * would let their size follow the corpus; the response cache (lib/serve) keeps each rendered page anyway.
 */
export const MEMO_BYTES = 8 * 1024 * 1024;
/** An answer larger than this is not remembered, so one large read cannot empty the memo. */
export const MEMO_ENTRY_BYTES = MEMO_BYTES / 8;

/**
 * The answers themselves, never the promises that carried them: on Node's AsyncLocalStorage a promise keeps the
 * async context it was made in, which during a render is that request's whole state (Next's request store, the
 * request and response objects, React's caches), about 80 KB a request; remembered promises kept one request
 * alive each. Reads under way are shared by callers at the same time and dropped as soon as they settle.
 *
 * Held on globalThis: the build bundles this module into the pages' and the route handlers' chunks, and each copy
 * would otherwise have a bound of its own.
 */
interface MemoState {
  answers: LRUCache<string, { value: unknown }>;
  pending: Map<string, Promise<unknown>>;
  /** Memoized reads made so far, for each one's key prefix. */
  reads: number;
}
const STATE = Symbol.for("faultlines.memo");
const shared = globalThis as { [STATE]?: MemoState };
const state = (shared[STATE] ??= {
  answers: new LRUCache<string, { value: unknown }>({
    maxSize: MEMO_BYTES,
    maxEntrySize: MEMO_ENTRY_BYTES,
    sizeCalculation: (entry, key) => approximateBytes(key) + approximateBytes(entry.value),
  }),
  pending: new Map(),
  reads: 0,
});

/** Remembers the answers of an async read by its arguments (JSON), within the one bound of MEMO_BYTES. */
export function memoize<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  if (!ENABLED) return fn;
  const id = state.reads++;
  const { answers, pending } = state;
  return (...args: A) => {
    const key = `${id}:${JSON.stringify(args)}`;
    const hit = answers.get(key);
    if (hit) return Promise.resolve(hit.value as R);
    const running = pending.get(key);
    if (running) return running as Promise<R>;
    // A failed read is not remembered: the next call tries again.
    const result = fn(...args).then((value) => {
      answers.set(key, { value });
      return value;
    });
    pending.set(key, result);
    const settled = () => pending.delete(key);
    result.then(settled, settled);
    return result;
  };
}

/**
 * Roughly what a query's answer takes on V8's heap, in bytes: plain data (objects, arrays, Maps, Sets, strings,
 * numbers) walked once when it is stored. Constants from V8 on 64-bit without pointer compression (Node's build): an
 * object or array header 32 bytes and a slot 8, a Map or Set entry 24; strings counted at two bytes a character, so
 * the estimate errs high.
 */
export function approximateBytes(value: unknown, seen = new Set<object>()): number {
  switch (typeof value) {
    case "string":
      return 16 + 2 * value.length;
    case "number":
    case "bigint":
      return 16;
    case "object":
      break;
    default:
      return 8;
  }
  if (value === null || seen.has(value)) return 8;
  seen.add(value);
  let bytes = 32;
  if (value instanceof Map) {
    for (const [k, v] of value) bytes += 24 + approximateBytes(k, seen) + approximateBytes(v, seen);
  } else if (value instanceof Set) {
    for (const v of value) bytes += 24 + approximateBytes(v, seen);
  } else if (Array.isArray(value)) {
    for (const v of value) bytes += 8 + approximateBytes(v, seen);
  } else if (!(value instanceof Date)) {
    for (const v of Object.values(value)) bytes += 8 + approximateBytes(v, seen);
  }
  return bytes;
}
