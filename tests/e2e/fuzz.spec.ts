import http from "node:http";
import { expect, test } from "@playwright/test";
import { toolEnv } from "@/lib/env";
import { seededRandom } from "@/lib/random";
import { API_ROUTES, CRAWLER_FILES, INDEX_PAGES } from "@/lib/site/routes";

// A bounded fuzz run against the real server, loopback only: random and hostile paths and query strings on every
// page and API route. No answer may be a 5xx, and none may leak a stack trace or an internal path.

const env = toolEnv();
const REQUESTS = env.FUZZ_REQUESTS;
// A new seed each run, so runs together cover more; a failure prints it, and FUZZ_SEED replays that run.
const SEED = env.FUZZ_SEED ?? 1 + Math.floor(Math.random() * 2 ** 31);
const REPLAY = `seed ${SEED}: replay with FUZZ_SEED=${SEED} FUZZ_REQUESTS=${REQUESTS}`;

const HOSTILE = [
  "../../../../etc/passwd",
  "..%2f..%2f..%2fpackage.json",
  "%2e%2e/%2e%2e/.env",
  "....//....//",
  "%00",
  "%E0%A4%A",
  "%C0%AE%C0%AE%2F",
  "%ff%fe",
  "' OR 1=1 --",
  "1; DROP TABLE Event; --",
  '" UNION SELECT * FROM Actor --',
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "__proto__",
  "constructor",
  "prototype",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "\ud83d\udca5\ud83d\udca5",
  "\u0000",
  "ü",
  "Türkiye",
  "a".repeat(3000),
  "-1",
  "0",
  "1e309",
  "999999999999",
  "NaN",
  "2026-02-30",
  "9999-99-99",
  "2026-13-01",
  "0000-00-00",
  "us,israel",
  "us:israel:x",
  "[]",
  "null",
  "undefined",
  "%",
  "%%",
  "+",
  "&",
  "#",
];

const PARAMS = [
  "actor",
  "issue",
  "article",
  "from",
  "to",
  "mode",
  "page",
  "per",
  "a",
  "b",
  "cell",
  "sort",
  "snapshot",
  "q",
  "x",
  "actor[]",
  "_rsc",
];

async function seedPaths(): Promise<{ pages: string[]; slugs: string[] }> {
  const get = (url: string) => fetchRaw(url).then((r) => JSON.parse(r.body));
  const issues = (await get("/api/v1/issues")).issues.map((i: { slug: string }) => i.slug);
  const actors = (await get("/api/v1/actors")).actors.map((a: { slug: string }) => a.slug);
  const articles = (await get("/api/v1/articles")).articles.map((a: { slug: string }) => a.slug);
  const pages = [
    ...INDEX_PAGES,
    ...CRAWLER_FILES,
    ...API_ROUTES,
    // Not an index page (search results stay out of the sitemap), but every hostile q reaches it.
    "/search",
    `/issues/${issues[0]}`,
    `/issues/${issues[0]}/opengraph-image`,
    `/actors/${actors[0]}`,
    `/articles/${articles[0]}`,
    `/api/v1/issues/${issues[0]}`,
  ];
  return { pages, slugs: [...issues.slice(0, 3), ...actors.slice(0, 3), ...articles] };
}

let base: URL;

function fetchRaw(path: string): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: "GET",
        headers: { accept: "text/html,application/json,*/*" },
        // Redirects echo the (long) request URL in Location; browsers accept larger headers than Node does.
        maxHeaderSize: 256 * 1024,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            location: response.headers.location,
          }),
        );
      },
    );
    request.setTimeout(15_000, () => request.destroy(new Error(`timeout: ${path}`)));
    request.on("error", reject);
    request.end();
  });
}

/** Makes a request target from raw pieces, percent-encoding what the HTTP parser would refuse outright. */
function target(path: string, query: [string, string][]): string {
  const safe = (s: string) =>
    Array.from(s, (c) => {
      if (c === "#") return "%23";
      if (/[\x21-\x7e]/.test(c)) return c;
      try {
        return encodeURIComponent(c);
      } catch {
        return "%EF%BF%BD"; // a lone surrogate
      }
    }).join("");
  const q = query.map(([k, v]) => `${safe(k)}=${safe(v)}`).join("&");
  return safe(path) + (q ? `?${q}` : "");
}

/** Whether the path, as the server's URL parser normalises it, decodes as UTF-8 (the README's 400 rule). */
function isDecodable(target: string): boolean {
  try {
    // Concatenated, not resolved: a target starting with // is a path, not a host.
    decodeURIComponent(new URL(`http://fuzz.invalid${target}`).pathname);
    return true;
  } catch {
    return false;
  }
}

const LEAKS = [
  /\n\s+at [\w.<>]+ \(/,
  /node_modules/,
  /webpack-internal/,
  /\.tsx?:\d+:\d+/,
  /PrismaClient/,
  /SQLITE_/,
];

test("thousands of hostile requests: no 5xx, no leaked internals", async ({ baseURL }) => {
  test.setTimeout(300_000);
  base = new URL(baseURL!);
  const cwd = process.cwd();
  const random = seededRandom(SEED);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const { pages, slugs } = await seedPaths();
  const failures: string[] = [];
  const statuses = new Map<number, number>();

  for (let i = 0; i < REQUESTS; i++) {
    const page = pick(pages);
    let path = page;
    const mode = random();
    if (mode < 0.25) path = `${page.replace(/\/[^/]*$/, "")}/${pick(HOSTILE)}`;
    else if (mode < 0.35) path = `${page}/${pick(HOSTILE)}/${pick(HOSTILE)}`;
    else if (mode < 0.4) path = `/${pick(HOSTILE)}${page}`;
    const query: [string, string][] = [];
    const count = random() < 0.1 ? 200 + Math.floor(random() * 300) : Math.floor(random() * 5);
    for (let j = 0; j < count; j++) query.push([pick(PARAMS), random() < 0.5 ? pick(HOSTILE) : pick(slugs)]);
    const url = target(path, query).slice(0, 12_000);
    let result: Awaited<ReturnType<typeof fetchRaw>>;
    try {
      result = await fetchRaw(url);
    } catch (error) {
      failures.push(`${url.slice(0, 200)} → ${(error as Error).message}`);
      continue;
    }
    statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    if (result.status >= 500) failures.push(`${result.status} ${url.slice(0, 200)}`);
    if (!isDecodable(url)) {
      // Next.js answers a trailing or doubled slash with a redirect before the proxy sees the path; where that
      // leads must be the 400.
      let final = result;
      for (let hop = 0; hop < 3 && final.location && final.status >= 300 && final.status < 400; hop++) {
        const next = new URL(final.location, base);
        final = await fetchRaw(next.pathname + next.search);
      }
      if (final.status !== 400)
        failures.push(`${final.status}, not 400, for a path that is not valid UTF-8: ${url.slice(0, 200)}`);
    }
    const leak = LEAKS.find((pattern) => pattern.test(result.body));
    if (leak || result.body.includes(cwd)) failures.push(`leak ${leak ?? cwd} in ${url.slice(0, 200)}`);
  }
  console.log(
    `fuzz: ${REQUESTS} requests, ${REPLAY}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  expect(failures.slice(0, 20), REPLAY).toEqual([]);
  expect(
    [...statuses.values()].reduce((a, b) => a + b, 0),
    REPLAY,
  ).toBe(REQUESTS);
  // Malformed paths are drawn often enough that every run meets the 400 several times.
  expect(statuses.get(400) ?? 0, REPLAY).toBeGreaterThan(0);
});

test("a path that is not valid percent-encoded UTF-8 is a 400 on every kind of route", async ({
  baseURL,
}) => {
  base = new URL(baseURL!);
  for (const path of [
    "/%E0%A4%A",
    "/%ff",
    "/issues/%C0%AE",
    "/articles/%E2%82",
    "/actors/%",
    "/timeline/%zz",
    "/matrix/%ED%A0%80",
    "/api/v1/issues/%ff%fe",
    "/api/v1/events.csv/%E0",
  ]) {
    const result = await fetchRaw(`${path}?actor=us`);
    expect(result.status, path).toBe(400);
    expect(result.body, path).toBe("Bad request: the address is not valid percent-encoded UTF-8.\n");
  }
});
