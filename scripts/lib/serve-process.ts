// How the production server's process is started, wherever it is: `npm start` (scripts/start.ts), the benchmark and
// the scripts and tests that start a server of their own (./server.ts), the end-to-end tests (playwright.config.ts),
// and `npm run serve`, whose line in package.json says the same (tests/unit/serve-process.test.ts holds it to this).
//
// Two of these settings bound the server's memory (README, "Serving and caching"). Measured with the benchmark's
// fill (3,000 distinct filter URLs through a 16 MB response cache, real content), RSS growth at peak: 215 MB with
// neither, 158 MB with the allocator's, 102 MB with the heap cap's, 55 MB with both.
//
// - A V8 heap cap. Node sizes the heap from the machine's memory (4 GB here), and under so large a limit V8 lets the
//   old space grow to up to 4× what is live before it collects; under 512 MB its largest factor is 1.4 (V8's heap
//   controller scales it from 1.3 to 4 with the limit). The server's live heap is about 110 MB; 100 connections of
//   renders the cache does not answer, on the 5,000-event corpus, took the heap to 230 MB at most.
// - glibc's allocator held to two arenas. It gives each thread that allocates its own (up to eight per core) and
//   keeps what is freed there for that thread; zlib's compression in Node's thread pool and V8's background threads
//   allocate in theirs.

/** Node's arguments before the script. */
export const SERVE_NODE_ARGS = ["--max-old-space-size=512", "--import", "tsx"];

/** The server itself, relative to the project folder. */
export const SERVE_SCRIPT = "scripts/serve.ts";

/** Set in the server's environment, over anything inherited. */
export const SERVE_ENV = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  MALLOC_ARENA_MAX: "2",
} as const;
