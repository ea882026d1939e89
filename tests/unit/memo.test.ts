import { afterEach, describe, expect, it, vi } from "vitest";

async function loadMemoize(env: string) {
  vi.resetModules();
  vi.stubEnv("NODE_ENV", env);
  return (await import("@/lib/queries/memo")).memoize;
}

afterEach(() => vi.unstubAllEnvs());

describe("memoize", () => {
  it("answers repeated arguments from memory in production, most recently used kept", async () => {
    const memoize = await loadMemoize("production");
    const calls: string[] = [];
    const read = memoize(async (slug: string) => (calls.push(slug), slug.toUpperCase()), 2);
    expect(await read("a")).toBe("A");
    expect(await read("a")).toBe("A");
    await read("b");
    await read("a"); // a is now the most recent
    await read("c"); // evicts b
    await read("a");
    await read("b");
    expect(calls).toEqual(["a", "b", "c", "b"]);
  });

  it("does not remember a failure", async () => {
    const memoize = await loadMemoize("production");
    let attempt = 0;
    const read = memoize(async () => {
      if (++attempt === 1) throw new Error("database not ready");
      return "ok";
    });
    await expect(read()).rejects.toThrow("database not ready");
    expect(await read()).toBe("ok");
  });

  it("is off outside production, where the database may be rebuilt under a dev server", async () => {
    const memoize = await loadMemoize("development");
    let calls = 0;
    const read = memoize(async () => ++calls);
    await read();
    await read();
    expect(calls).toBe(2);
  });
});
