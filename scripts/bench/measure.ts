import { readFileSync } from "node:fs";
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
