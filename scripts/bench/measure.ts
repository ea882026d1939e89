import { readFileSync } from "node:fs";
import { get } from "node:http";
import { gzipSync } from "node:zlib";

/** Sequential requests after a warm-up: the server time as the client sees it over loopback, body read. */
export async function time(url: string, warmup: number, runs: number) {
  let body = "";
  const fetchOnce = async () => {
    const started = performance.now();
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    body = text;
    return ms;
  };
  for (let i = 0; i < warmup; i++) await fetchOnce();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fetchOnce());
  times.sort((a, b) => a - b);
  const quantile = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const bytes = Buffer.byteLength(body);
  return { median: quantile(0.5), p95: quantile(0.95), bytes, gzipBytes: gzipSync(body).length, body };
}

/** Resident memory of a process, from /proc (Linux), in MB; NaN elsewhere. */
export function rssMegabytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** A body's size as the server sends it when asked for one coding (not decoded), the coding it used, and headers. */
export function sentBytes(url: string, acceptEncoding: string) {
  return new Promise<{ bytes: number; encoding: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      get(url, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("error", reject);
        response.on("end", () => {
          if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
          const encoding = response.headers["content-encoding"] ?? "identity";
          resolve({ bytes, encoding, headers: response.headers });
        });
      }).on("error", reject);
    },
  );
}

/** The whole machine's CPU time so far, busy and idle, from /proc/stat (Linux); undefined elsewhere. */
function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const fields = readFileSync("/proc/stat", "utf8")
      .split("\n", 1)[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are the time nothing ran.
    return { idle: fields[3]! + fields[4]!, total: fields.reduce((sum, n) => sum + n, 0) };
  } catch {
    return undefined;
  }
}

/**
 * Waits until the machine is quiet: less than `busy` of its CPU time used over a `window` ms, checked window by
 * window, for at most `limit` ms. Returns the wait in ms (NaN where /proc/stat cannot be read, after waiting `limit`).
 */
export async function quietCpu(busy = 0.1, window = 100, limit = 3000): Promise<number> {
  const started = performance.now();
  let before = cpuTimes();
  if (!before) {
    await new Promise((resolve) => setTimeout(resolve, limit));
    return Number.NaN;
  }
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, window));
    const now = cpuTimes()!;
    const used = 1 - (now.idle - before.idle) / Math.max(1, now.total - before.total);
    before = now;
    const waited = performance.now() - started;
    if (used < busy || waited >= limit) return waited;
  }
}
