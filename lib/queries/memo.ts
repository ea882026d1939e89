import "server-only";

// The production server reads a read-only snapshot of the database that never changes while it runs (lib/db.ts),
// so a query's answer for the same arguments never changes either: it is kept, up to a bound, for the life of the
// process. Off outside production, where db:build may replace the file under a running dev server.
const ENABLED = process.env.NODE_ENV === "production";

/** Remembers the last `max` answers of an async read by its arguments (JSON), most recently used kept. */
export function memoize<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  max = 1,
): (...args: A) => Promise<R> {
  if (!ENABLED) return fn;
  const cache = new Map<string, Promise<R>>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const result = fn(...args);
    cache.set(key, result);
    // A failed read is not remembered: the next call tries again.
    result.catch(() => cache.delete(key));
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return result;
  };
}
