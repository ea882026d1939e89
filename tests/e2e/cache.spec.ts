import { readFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { toolEnv } from "../../lib/env";
import { startServer, type RunningServer } from "../../scripts/lib/server";

// The response cache (lib/serve) in front of the real app: every filtered view is rendered once per canonical URL and
// answered from memory after that. What is stored must be what a fresh render gives, for that URL and no other.

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The bytes as sent, not decoded (fetch would decode them); no compression unless the headers ask for it. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpGet(base + path, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
      );
      response.on("error", reject);
    }).on("error", reject);
  });
}

/** Where two texts first differ, with some context, or null: a whole page in a failure message says nothing. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i} of ${a.length}/${b.length}:\n  ${a.slice(i - 120, i + 120)}\n  ${b.slice(i - 120, i + 120)}`;
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const FLIGHT = /^self\.__next_f\.push\((\[[\s\S]*\])\)$/;

/**
 * A page as parts that must match exactly: its HTML with the inline scripts taken out, its other inline scripts, and
 * React's payload as a sorted list of rows without their numbers. React writes and numbers the payload's rows in the
 * order their data resolves, which differs from one render to the next with or without a cache; what each row says
 * does not.
 */
function pageParts(html: string) {
  const payload: string[] = [];
  const scripts: string[] = [];
  const markup = html.replace(INLINE_SCRIPT, (_whole, code: string) => {
    const flight = FLIGHT.exec(code);
    const chunk = flight ? (JSON.parse(flight[1]!) as unknown[])[1] : undefined;
    if (typeof chunk === "string") payload.push(chunk);
    else scripts.push(code);
    return "<script></script>";
  });
  // Rows are numbered, and refer to each other by number, in that order too: compare them without the numbers.
  const unnumbered = (row: string) =>
    row.replace(/^[0-9a-f]+:/, "").replace(/"\$([LQ@F]?)[0-9a-f]+"/g, '"$$$1#"');
  return { markup, scripts, rows: payload.join("").split("\n").map(unnumbered).sort() };
}

let baseURL: string;
let issue: string;
let article: string;

test.beforeAll(async ({ playwright }, info) => {
  baseURL = info.project.use.baseURL!;
  const request = await playwright.request.newContext({ baseURL });
  const issues = (await (await request.get("/api/v1/issues")).json()) as { issues: { slug: string }[] };
  const articles = (await (await request.get("/api/v1/articles")).json()) as { articles: { slug: string }[] };
  issue = issues.issues[0]!.slug;
  article = articles.articles[0]!.slug;
  await request.dispose();
});

test("a filtered view is rendered once, then answered from the cache with the same bytes", async () => {
  // A parameter name no other test asks for (the page notes it by name, so it is part of the key): other test files
  // may run at the same time against the same server, and must not have rendered this URL first.
  const path = `/timeline?actor=iran&issue=${issue}&once${Date.now()}=`;
  const first = await get(baseURL, path);
  const second = await get(baseURL, path);
  expect(first.status).toBe(200);
  expect([first.headers["x-cache"], second.headers["x-cache"]]).toEqual(["MISS", "HIT"]);
  expect(second.body.equals(first.body)).toBe(true);
});

test("two different URLs never share a body", async () => {
  const paths = [
    "/timeline?actor=us",
    "/timeline?actor=iran",
    "/timeline?actor=us&actor=iran",
    "/timeline?actor=us&actor=iran&mode=all",
    "/timeline?actor=us&per=10",
    "/timeline?actor=us&per=10&page=2",
    "/matrix?sort=latest",
    "/matrix?sort=change",
    "/api/v1/events?actor=us",
    "/api/v1/events?actor=iran",
  ];
  const bodies = new Map<string, string>();
  for (const round of [1, 2]) {
    for (const path of paths) {
      const { status, body } = await get(baseURL, path);
      expect(status, path).toBe(200);
      if (round === 1) bodies.set(path, body.toString());
      else expect(body.toString(), `${path} on a cache hit`).toBe(bodies.get(path));
    }
  }
  expect(new Set(bodies.values()).size).toBe(paths.length);
});

test("a shared link with its parameters in another order, repeated or tagged gets the canonical page", async () => {
  const canonical = await get(baseURL, `/timeline?actor=iran&actor=us&issue=${issue}`);
  for (const variant of [
    `/timeline?issue=${issue}&actor=us&actor=iran`,
    `/timeline?actor=us&issue=${issue}&actor=iran&actor=us&utm_source=newsletter`,
    `/timeline?actor=us&actor=iran&issue=${issue}&from=&to=&per=25&page=1&mode=any`,
  ]) {
    const answer = await get(baseURL, variant);
    expect(answer.status, variant).toBe(200);
    expect(answer.headers.etag, variant).toBe(canonical.headers.etag);
    expect(answer.body.toString(), variant).toBe(canonical.body.toString());
  }
  // The note for an unknown parameter names it, whatever its value.
  const noted = await get(baseURL, "/timeline?actor=us&colour=red");
  expect(noted.body.toString()).toContain("unknown parameter “colour”");
  expect((await get(baseURL, "/timeline?colour=blue&actor=us")).body.equals(noted.body)).toBe(true);
});

test("ETag, 304, Cache-Control and Vary; brotli and gzip when asked, the same bytes once decoded", async () => {
  for (const path of [
    `/timeline?actor=us`,
    `/matrix?sort=latest`,
    `/api/v1/events?actor=us`,
    `/issues/${issue}`,
  ]) {
    const plain = await get(baseURL, path);
    const etag = plain.headers.etag!;
    expect(etag, path).toMatch(/^W\/"[\w-]+"$/);
    expect(plain.headers["cache-control"], path).toBe("public, max-age=60, stale-while-revalidate=86400");
    expect(plain.headers.vary, path).toContain("Accept-Encoding");
    expect(plain.headers["content-encoding"], path).toBeUndefined();

    const notModified = await get(baseURL, path, { "If-None-Match": etag });
    expect(notModified.status, path).toBe(304);
    expect(notModified.body.length, path).toBe(0);
    expect(notModified.headers.etag, path).toBe(etag);
    expect((await get(baseURL, path, { "If-None-Match": 'W/"other"' })).status, path).toBe(200);

    const br = await get(baseURL, path, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"], path).toBe("br");
    expect(brotliDecompressSync(br.body).equals(plain.body), path).toBe(true);
    expect(br.body.length, path).toBeLessThan(plain.body.length / 3);
    const gzip = await get(baseURL, path, { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"], path).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(plain.body), path).toBe(true);
    expect(br.headers.etag, path).toBe(etag);
  }
});

test("the build's scripts and styles come from memory: brotli made at build time, the same bytes, immutable", async () => {
  const page = (await get(baseURL, "/timeline")).body.toString("utf8");
  // Stylesheets and the polyfill by attribute, the scripts in the list of the loader that starts them.
  const assets = [...page.matchAll(/"(\/_next\/static\/[^"?]+\.(?:js|css))"/g)].map((m) => m[1]!);
  expect(assets.length).toBeGreaterThan(4);
  for (const asset of new Set(assets)) {
    const plain = await get(baseURL, asset);
    expect(plain.status, asset).toBe(200);
    const onDisk = readFileSync(join(toolEnv().NEXT_DIST_DIR, asset.replace(/^\/_next\//, "")));
    expect(plain.body.equals(onDisk), asset).toBe(true);
    const br = await get(baseURL, asset, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["x-cache"], asset).toBe("HIT");
    expect(br.headers["cache-control"], asset).toBe("public, max-age=31536000, immutable");
    expect(br.headers["x-content-type-options"], asset).toBe("nosniff");
    if (onDisk.length < 256) continue;
    expect(br.headers["content-encoding"], asset).toBe("br");
    expect(brotliDecompressSync(br.body).equals(onDisk), asset).toBe(true);
    // The build's quality-11 form, not one made per request.
    const built = join(toolEnv().NEXT_DIST_DIR, asset.replace(/^\/_next\//, "") + ".br");
    expect(br.body.equals(readFileSync(built)), asset).toBe(true);
    const gzip = await get(baseURL, asset, { "Accept-Encoding": "gzip" });
    expect(gunzipSync(gzip.body).equals(onDisk), asset).toBe(true);
  }
  // Another spelling of an asset's path is Next's to answer, not a second entry.
  const asset = assets.find((a) => /\/[a-z0-9]/.test(a))!;
  const spelt = asset.replace(
    /\/([a-z0-9])([^/]*)$/,
    (_m, c: string, rest: string) => `/%${c.charCodeAt(0).toString(16)}${rest}`,
  );
  const other = await get(baseURL, spelt);
  expect(other.headers["x-cache"], spelt).toBeUndefined();
  // A range request is Next's to answer.
  const range = await get(baseURL, assets[0]!, { Range: "bytes=0-9" });
  expect(range.status).toBe(206);
  expect(range.body.length).toBe(10);
});

test("ETags differ between URLs and a 400 is never stored", async () => {
  const us = await get(baseURL, "/api/v1/events?actor=us");
  const iran = await get(baseURL, "/api/v1/events?actor=iran");
  expect(us.headers.etag).not.toBe(iran.headers.etag);
  for (const round of [1, 2]) {
    const bad = await get(baseURL, "/api/v1/events?actor=us&colour=red");
    expect(bad.status, `round ${round}`).toBe(400);
    expect(bad.headers["x-cache"]).toBe("BYPASS");
    expect(bad.headers.etag).toBeUndefined();
    expect(bad.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(bad.body.toString())).toMatchObject({ issues: [{ path: ["colour"] }] });
  }
});

test("a cached page hydrates under a strict policy with no nonce, and its filters still work", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const path = `/timeline?actor=us&article=${article}`;
  await get(baseURL, path);
  const response = await page.goto(path);
  expect(response!.headers()["x-cache"]).toBe("HIT");
  const csp = response!.headers()["content-security-policy"]!;
  const scripts = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scripts).toMatch(/^ ?script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  expect(await response!.text()).not.toMatch(/ nonce="[^"]/);
  await page.waitForLoadState("load");
  await expect.poll(() => page.evaluate(() => "next" in window)).toBe(true);
  // Client-side navigation (React's payload, not stored here) still works from a cached page.
  await page
    .getByRole("link", { name: /Clear every filter|Clear all/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/timeline$/, { timeout: 20_000 });
  expect(violations).toEqual([]);
});

test.describe("against other servers over the same build", () => {
  test.describe.configure({ timeout: 180_000 });
  let fresh: RunningServer | undefined;
  let small: RunningServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    [fresh, small] = await Promise.all([
      startServer({ env: { RESPONSE_CACHE_MB: "0" } }),
      startServer({ env: { RESPONSE_CACHE_MB: "2" } }),
    ]);
  });

  test.afterAll(async () => {
    await Promise.all([fresh?.stop(), small?.stop()]);
  });

  test("a cached answer equals a fresh render for a set of filter URLs", async () => {
    for (const path of [
      "/timeline",
      "/timeline?actor=us",
      `/timeline?actor=iran&actor=us&mode=all&issue=${issue}`,
      `/timeline?article=${article}&per=10&page=2`,
      "/timeline?actor=nobody&from=2025-13-01",
      "/matrix?sort=latest",
      `/matrix?a=iran&b=israel`,
      "/api/v1/events?actor=us&limit=3",
      "/api/v1/events.csv?actor=iran",
      "/api/v1/matrix?a=us&b=iran",
      `/issues/${issue}`,
      "/search?q=iran",
      "/search?q=sanction*&kind=event&page=1",
      "/api/v1/search?q=%22air+defence%22+OR+talks&limit=5",
    ]) {
      await get(baseURL, path);
      const cached = await get(baseURL, path);
      const rendered = await get(fresh!.base, path);
      expect(cached.headers["x-cache"], path).toBe("HIT");
      expect(rendered.headers["x-cache"], path).toBe("BYPASS");
      expect(rendered.status, path).toBe(200);
      const [a, b] = [cached.body.toString(), rendered.body.toString()];
      expect(a.length, path).toBe(b.length);
      if (!cached.headers["content-type"]!.startsWith("text/html")) {
        expect(firstDifference(a, b), path).toBeNull();
        continue;
      }
      const [partsA, partsB] = [pageParts(a), pageParts(b)];
      expect(firstDifference(partsA.markup, partsB.markup), path).toBeNull();
      expect(partsA.scripts, path).toEqual(partsB.scripts);
      expect(partsA.rows, path).toEqual(partsB.rows);
      // The same policy but for the hashes of the payload's scripts, which follow the order of its rows.
      const withoutHashes = (csp: string) => csp.replace(/ 'sha256-[^']+'/g, "");
      expect(withoutHashes(cached.headers["content-security-policy"]!), path).toBe(
        withoutHashes(rendered.headers["content-security-policy"]!),
      );
      expect(cached.headers.etag, path).toBe(rendered.headers.etag);
    }
  });

  test("the cache keeps to its byte bound: older entries are evicted, not kept", async () => {
    // Unknown parameters are keyed by name (the page notes each name): each of these is a distinct page.
    const first = "/timeline?actor=us&evict0=";
    expect((await get(small!.base, first)).headers["x-cache"]).toBe("MISS");
    expect((await get(small!.base, first)).headers["x-cache"]).toBe("HIT");
    // Distinct pages, each stored with its compressed forms, until more than the 2 MB bound has gone through.
    let pages = 0;
    for (let sent = 0; sent <= 2 * 1024 * 1024;) {
      sent += (await get(small!.base, `/timeline?actor=us&evict${++pages}=`)).body.length;
    }
    expect((await get(small!.base, first)).headers["x-cache"]).toBe("MISS");
    // The same run on the default bound keeps it.
    expect((await get(baseURL, first)).headers["x-cache"]).toMatch(/HIT|MISS/);
    for (let i = 1; i <= pages; i++) await get(baseURL, `/timeline?actor=us&evict${i}=`);
    expect((await get(baseURL, first)).headers["x-cache"]).toBe("HIT");
  });
});
