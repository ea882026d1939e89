import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";

/** A fresh copy of the module, and of the memo it keeps on globalThis. */
async function loadMemo(env: string) {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("faultlines.memo")];
  vi.stubEnv("NODE_ENV", env);
  return import("@/lib/queries/memo");
}

afterEach(() => vi.unstubAllEnvs());

/** A full garbage collection, from inside the test (V8's flag, then the function it exposes). */
function collectGarbage() {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("memoize", () => {
  it("answers repeated arguments from memory in production, callers at the same time sharing one read", async () => {
    const { memoize } = await loadMemo("production");
    const calls: string[] = [];
    const read = memoize(async (slug: string) => (calls.push(slug), slug.toUpperCase()));
    expect(await Promise.all([read("a"), read("a")])).toEqual(["A", "A"]);
    expect(await read("a")).toBe("A");
    await read("b");
    expect(calls).toEqual(["a", "b"]);
  });

  it("keeps within MEMO_BYTES by estimated size, most recently used kept", async () => {
    const { memoize, approximateBytes, MEMO_BYTES, MEMO_ENTRY_BYTES } = await loadMemo("production");
    const calls: string[] = [];
    // Answers of nearly the largest size remembered: eight fit, a ninth evicts the least recently used.
    const big = "x".repeat(Math.floor((MEMO_ENTRY_BYTES - 1024) / 2));
    const read = memoize(async (slug: string) => (calls.push(slug), `${slug}${big}`));
    expect(8 * approximateBytes(`a${big}`)).toBeLessThan(MEMO_BYTES);
    const slugs = ["a", "b", "c", "d", "e", "f", "g", "h"];
    for (const slug of slugs) await read(slug);
    await read("a"); // a is now the most recent
    await read("i"); // evicts b
    await read("a");
    await read("b");
    expect(calls).toEqual([...slugs, "i", "b"]);
  });

  it("keeps one bound for every copy of the module the build makes", async () => {
    const { memoize, MEMO_ENTRY_BYTES } = await loadMemo("production");
    vi.resetModules();
    const copy = (await import("@/lib/queries/memo")).memoize;
    const big = "x".repeat(Math.floor((MEMO_ENTRY_BYTES - 1024) / 2));
    const calls: string[] = [];
    const read = memoize(async (slug: string) => (calls.push(slug), `${slug}${big}`));
    const readInCopy = copy(async (slug: string) => (calls.push(`copy ${slug}`), `${slug}${big}`));
    for (const slug of ["a", "b", "c", "d", "e", "f", "g", "h"]) await read(slug);
    await readInCopy("a"); // evicts a
    await read("b");
    await read("a");
    expect(calls.slice(8)).toEqual(["copy a", "a"]);
  });

  it("does not remember an answer larger than MEMO_ENTRY_BYTES", async () => {
    const { memoize, MEMO_ENTRY_BYTES } = await loadMemo("production");
    let calls = 0;
    const read = memoize(async () => (calls++, "x".repeat(MEMO_ENTRY_BYTES / 2 + 1)));
    await read();
    await read();
    expect(calls).toBe(2);
  });

  it("keeps the answer, not the promise, so the caller's async context is not kept alive", async () => {
    const { memoize } = await loadMemo("production");
    const read = memoize(async (slug: string) => slug.toUpperCase());
    // What a request's AsyncLocalStorage store is to Next: every promise made during the request carries it.
    const requests = new AsyncLocalStorage<object>();
    let store: WeakRef<object> | undefined;
    await (async () => {
      const request = { state: new Array(1000).fill("request") };
      store = new WeakRef(request);
      await requests.run(request, () => read("a"));
    })();
    await nextTurn();
    collectGarbage();
    await nextTurn();
    expect(store!.deref()).toBeUndefined();
    expect(await read("a")).toBe("A");
  });

  it("does not remember a failure", async () => {
    const { memoize } = await loadMemo("production");
    let attempt = 0;
    const read = memoize(async () => {
      if (++attempt === 1) throw new Error("database not ready");
      return "ok";
    });
    await expect(read()).rejects.toThrow("database not ready");
    expect(await read()).toBe("ok");
  });

  it("is off outside production, where the database may be rebuilt under a dev server", async () => {
    const { memoize } = await loadMemo("development");
    let calls = 0;
    const read = memoize(async () => ++calls);
    await read();
    await read();
    expect(calls).toBe(2);
  });
});

describe("the memo's bound", () => {
  it("is the one the benchmark's memory bound counts", async () => {
    const { MEMO_BYTES } = await loadMemo("production");
    const { MEMO_MB } = await import("@/scripts/bench/cache");
    expect(MEMO_BYTES).toBe(MEMO_MB * 1024 * 1024);
  });
});

describe("approximateBytes", () => {
  it("counts strings, objects, arrays, Maps and Sets, a shared object once", async () => {
    const { approximateBytes } = await loadMemo("production");
    expect(approximateBytes("abcd")).toBe(16 + 8);
    const row = { slug: "abcd", n: 1 };
    expect(approximateBytes(row)).toBe(32 + (8 + 24) + (8 + 16));
    expect(approximateBytes([row, row])).toBe(32 + 8 + approximateBytes(row) + 8 + 8);
    expect(approximateBytes(new Map([["abcd", 1]]))).toBe(32 + 24 + 24 + 16);
    expect(approximateBytes(new Set(["abcd"]))).toBe(32 + 24 + 24);
  });
});
