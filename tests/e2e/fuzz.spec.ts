import http from "node:http";
import { expect, test } from "@playwright/test";
import { toolEnv } from "@/lib/env";
import { seededRandom } from "@/lib/random";
import { API_ROUTES, CRAWLER_FILES, INDEX_PAGES } from "@/lib/site/routes";

// A bounded fuzz run against the real server, loopback only: random and hostile paths and query strings on every
// page and API route. No answer may be a 5xx, and none may leak a stack trace or an internal path.

const { FUZZ_REQUESTS: REQUESTS, FUZZ_SEED: SEED } = toolEnv();

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
    `/issues/${issues[0]}`,
    `/issues/${issues[0]}/opengraph-image`,
    `/actors/${actors[0]}`,
    `/articles/${articles[0]}`,
    `/api/v1/issues/${issues[0]}`,
  ];
  return { pages, slugs: [...issues.slice(0, 3), ...actors.slice(0, 3), ...articles] };
}

let base: URL;

function fetchRaw(path: string): Promise<{ status: number; body: string }> {
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
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
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
    let result: { status: number; body: string };
    try {
      result = await fetchRaw(url);
    } catch (error) {
      failures.push(`${url.slice(0, 200)} → ${(error as Error).message}`);
      continue;
    }
    statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    if (result.status >= 500) failures.push(`${result.status} ${url.slice(0, 200)}`);
    const leak = LEAKS.find((pattern) => pattern.test(result.body));
    if (leak || result.body.includes(cwd)) failures.push(`leak ${leak ?? cwd} in ${url.slice(0, 200)}`);
  }
  console.log(
    `fuzz: ${REQUESTS} requests, seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  expect(failures.slice(0, 20)).toEqual([]);
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
});
