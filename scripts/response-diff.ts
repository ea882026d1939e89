// npm run diff:responses -- --a http://127.0.0.1:3201 --b http://127.0.0.1:3202 [--urls list.txt] [--out dir]
//                            [--exclude /path ...]
//
// Fetches the same URLs from two running servers and compares what each answers: status, content type, the
// redirect target and caching headers, and the body. A restructuring, a cache in front of the app or a second database must leave this
// empty. Without --urls the list is built from server a's own API (every issue, actor and article page; filtered
// timeline and matrix views; the JSON and CSV API with good and bad parameters; 404s), the same list every run.
//
// Only what legitimately differs between two builds is normalised, in `normalise` below: the per-request CSP nonce,
// the build id, the hashed names under /_next/static/ and the source hash on Open Graph image URLs; and, unless
// --keep-bundling, how the bundler split the client JavaScript: which script files a page loads, and in the React
// Server Components payload the module ids, chunk lists and row numbers, and the order in which rows arrive (the
// payload is compared as the tree it describes). Binary bodies (images) are compared byte for byte. Every URL is
// fetched once from both servers before the comparison: the order in which a dynamic page streams its parts depends
// on which of its queries are already cached.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { seededRandom } from "../lib/random";
import { API_ROUTES, CRAWLER_FILES, INDEX_PAGES } from "../lib/site/routes";

const { values } = parseArgs({
  options: {
    a: { type: "string" },
    b: { type: "string" },
    urls: { type: "string" },
    "write-urls": { type: "string" },
    out: { type: "string", default: "tests/.tmp/response-diff" },
    concurrency: { type: "string", default: "4" },
    "keep-bundling": { type: "boolean", default: false },
    cold: { type: "boolean", default: false },
    show: { type: "string", default: "20" },
    /** Leaves out URLs whose path starts with this (repeatable): what the two servers are known to answer apart. */
    exclude: { type: "string", multiple: true, default: [] },
  },
});
if (!values.a || !values.b) {
  console.error(
    "usage: npm run diff:responses -- --a <origin> --b <origin> [--urls file] [--write-urls file]",
  );
  process.exit(2);
}
const A = values.a.replace(/\/+$/, "");
const B = values.b.replace(/\/+$/, "");

/** Headers compared besides the content type; the security headers carry per-request nonces and are tested apart. */
const HEADERS = ["location", "cache-control", "content-disposition", "vary"] as const;

interface Answer {
  status: number;
  type: string;
  headers: string;
  body: string;
  binary: boolean;
}

async function fetchAnswer(origin: string, url: string): Promise<Answer> {
  const response = await fetch(origin + url, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
  const type = response.headers.get("content-type") ?? "";
  const bytes = Buffer.from(await response.arrayBuffer());
  const binary = !/^(text\/|application\/(json|xml|javascript))|\+xml|x-component/.test(type);
  return {
    status: response.status,
    type,
    headers: HEADERS.map((h) => `${h}: ${(response.headers.get(h) ?? "").replace(origin, "<origin>")}`).join(
      "\n",
    ),
    body: binary
      ? `sha256:${createHash("sha256").update(bytes).digest("hex")}`
      : normalise(bytes.toString("utf8")),
    binary,
  };
}

/** What two builds of the same code may legitimately answer differently; each rule says why. */
function normalise(body: string): string {
  const flightless =
    values["keep-bundling"] || !body.includes("self.__next_f") ? body : withCanonicalFlight(body);
  // Next puts its font size-adjust marker in the head before or after the page's title and description, depending on
  // whether the metadata resolved before the shell was sent (a faster store resolves it sooner): compare how many
  // there are, not where.
  let sizeAdjust = 0;
  const text = flightless.replace(/<meta name="next-size-adjust" content=""\/>/g, () => {
    sizeAdjust++;
    return "";
  });
  return (
    `${text}${sizeAdjust > 0 ? `\n<!-- next-size-adjust ×${sizeAdjust} -->` : ""}`
      // A fresh nonce per request, by design (proxy.ts).
      .replace(/(nonce=\\?"|\\?"nonce\\?":\s?\\?")[A-Za-z0-9+/]{22}==/g, "$1<nonce>")
      // The build id, in the RSC payload (`"b":"…"`, escaped inside the inline scripts).
      .replace(/(\\?"b\\?":\s?\\?")[A-Za-z0-9_-]{10,}(\\?")/g, "$1<build-id>$2")
      // The version Next appends to a metadata image's URL: a hash of the image route's source file.
      .replace(/(\/(?:opengraph|twitter)-image)\?[0-9a-f]{16}/g, "$1?<version>")
      // Content-hashed asset names (the extension kept: a CSS file is not a script).
      .replace(
        /\/_next\/static\/(chunks|media|css)\/[^"'\s)\\]+?(\.\w+)?(?=["'\s)\\])/g,
        "/_next/static/$1/<asset>$2",
      )
  );
}

/**
 * The page without its script tags for client chunks, followed by its React Server Components payload (gathered from
 * the inline `self.__next_f.push` scripts) as one tree resolved from its root row. Rows are streamed in whatever order
 * their data arrives, and numbered and split into chunks by the bundler, so the tree is what is compared: row
 * references are replaced by what they point to, a client component by its export name, and a segment's script
 * elements by one placeholder.
 */
function withCanonicalFlight(html: string): string {
  let flight = "";
  const page = html
    .replace(/<script[^>]*>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g, (script, json: string) => {
      try {
        const [kind, data] = JSON.parse(json) as [number, unknown];
        if (kind === 1 && typeof data === "string") flight += data;
        return "";
      } catch {
        return script;
      }
    })
    .replace(/<script src="\/_next\/static\/chunks\/[^"]+\.js"[^>]*><\/script>/g, "")
    .replace(/<link rel="preload" as="script"[^>]*\/?>/g, "");
  const rows = new Map<string, string[]>();
  const hints: string[] = [];
  for (const line of flight.split("\n")) {
    const row = /^([0-9a-f]+):([\s\S]*)$/.exec(line);
    if (row) rows.set(row[1]!, [...(rows.get(row[1]!) ?? []), row[2]!]);
    else if (line) hints.push(line);
  }
  const resolving = new Set<string>();
  const resolveRow = (id: string): unknown => {
    const payloads = rows.get(id);
    if (!payloads) return `<missing row>`;
    if (resolving.has(id)) return "<cycle>";
    resolving.add(id);
    const values = payloads.map((payload) => {
      if (/^"\/_next\/static\/chunks\/[^"]+\.js"$/.test(payload)) return "<chunk>";
      const client = /^I(\[[\s\S]*\])$/.exec(payload);
      if (client) {
        const [, , name, ...rest] = JSON.parse(client[1]!) as unknown[];
        return { client: resolve(name), ...(rest.length ? { rest } : {}) };
      }
      try {
        return resolve(JSON.parse(payload));
      } catch {
        return payload;
      }
    });
    resolving.delete(id);
    return values.length === 1 ? values[0] : values;
  };
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      if (value[0] === "$" && value[1] === "script" && isChunkScript(value[3])) return "<script>";
      return value.map(resolve).filter((v, i, all) => !(v === "<script>" && all[i - 1] === "<script>"));
    }
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    const ref = typeof value === "string" ? /^\$([A-Z@]?)([0-9a-f]+)(:.*)?$/.exec(value) : null;
    if (!ref || !rows.has(ref[2]!)) return value;
    // An element is inlined when it is ready and referenced ("$L", lazy) when it is not: the same element either way.
    const resolved = resolveRow(ref[2]!);
    return (ref[1] === "" || ref[1] === "L") && !ref[3]
      ? resolved
      : { [`$${ref[1]}${ref[3] ?? ""}`]: resolved };
  };
  const tree = JSON.stringify(resolveRow("0"), null, 1);
  return `${page}\n<!-- React Server Components payload, resolved -->\n${tree}\n${hints.join("\n")}`;
}

function isChunkScript(props: unknown): boolean {
  const src = (props as { src?: unknown } | undefined)?.src;
  return typeof src === "string" && /^\/_next\/static\/chunks\/[^"]+\.js$/.test(src);
}

/** Every URL worth comparing, from the content server a serves; the same list for the same content. */
async function defaultUrls(origin: string): Promise<string[]> {
  const slugs = async (list: "actors" | "issues" | "articles") =>
    ((await (await fetch(`${origin}/api/v1/${list}`)).json()) as Record<string, { slug: string }[]>)[
      list
    ]!.map((item) => item.slug);
  const [actors, issues, articles] = await Promise.all([slugs("actors"), slugs("issues"), slugs("articles")]);
  const random = seededRandom(10);
  const pick = <T>(list: T[], n: number) => {
    const pool = [...list];
    return Array.from(
      { length: Math.min(n, pool.length) },
      () => pool.splice(Math.floor(random() * pool.length), 1)[0]!,
    );
  };
  const query = (pairs: [string, string][]) =>
    pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  const withQuery = (path: string, q: string) => (q ? `${path}?${q}` : path);

  const urls = new Set<string>([
    ...INDEX_PAGES,
    ...CRAWLER_FILES,
    ...API_ROUTES,
    "/icon.svg",
    // Not found, and not decodable.
    "/no-such-page",
    "/issues/no-such-issue",
    "/actors/no-such-actor",
    "/articles/no-such-article",
    "/issues/Not-A-Slug",
    "/api/v1/issues/no-such-issue",
    "/api/v1/no-such-endpoint",
    "/issues/%E0%A4%A",
    "/timeline/%ZZ",
    "/issues/?x=1",
  ]);
  for (const slug of issues) {
    urls.add(`/issues/${slug}`);
    urls.add(`/api/v1/issues/${slug}`);
  }
  for (const slug of issues.slice(0, 3)) urls.add(`/issues/${slug}/opengraph-image`);
  for (const slug of actors) urls.add(`/actors/${slug}`);
  for (const slug of articles) urls.add(`/articles/${slug}`);

  // The timeline and the events API share their filters: each filter set is asked of both, and of the CSV.
  const filters = [
    ...actors.map((a) => `actor=${a}`),
    ...issues.map((i) => `issue=${i}`),
    ...articles.map((a) => `article=${a}`),
    "from=2025-06-01",
    "to=2025-12-31",
    "from=2025-06-01&to=2025-06-30",
    "from=2026-01-01&to=2026-03-31",
    "from=1970-01-01&to=1990-12-31",
    "from=2030-01-01",
    "actor=us&actor=us",
    "actor=us&actor=iran&mode=all",
    "actor=us&actor=iran&mode=any",
    "actor=us&mode=all",
  ];
  for (let i = 0; i < 40; i++) {
    const set: [string, string][] = [];
    for (const a of pick(actors, Math.floor(random() * 4))) set.push(["actor", a]);
    if (random() < 0.4) set.push(["mode", random() < 0.5 ? "all" : "any"]);
    for (const s of pick(issues, Math.floor(random() * 3))) set.push(["issue", s]);
    if (random() < 0.3) set.push(["article", pick(articles, 1)[0]!]);
    if (random() < 0.4)
      set.push(["from", `202${Math.floor(random() * 7)}-0${1 + Math.floor(random() * 9)}-01`]);
    if (random() < 0.4) set.push(["to", `202${Math.floor(random() * 7)}-1${Math.floor(random() * 3)}-28`]);
    filters.push(query(set));
  }
  // Bad values: the API answers 400, the page drops them with a note (several at once, to fix their order).
  const bad = [
    "actor=mars",
    "actor=",
    "actor=us&actor=mars&actor=us",
    "issue=nowhere",
    "article=autumn-brief",
    "mode=sometimes",
    "mode=",
    "from=yesterday",
    "from=2025-02-30",
    "from=&to=",
    "from=2026-01-01&to=2025-01-01",
    query([["actor", "x".repeat(300)]]),
    query([["actor", "<script>alert(1)</script>"]]),
    query([["actor", "Türkiye ✓"]]),
    "issue=gaza-war&colour=red&colour=blue&utm_source=mail&_ga=1",
    Array.from({ length: 51 }, () => "actor=us").join("&"),
    [...Array.from({ length: 50 }, (_, i) => `actor=nobody-${i}`), "actor=us"].join("&"),
    "article=zzz&issue=nowhere&colour=red&per=3&page=x&to=2020-01-01&from=2021-01-01&mode=x&actor=mars",
  ];
  for (const q of [...filters, ...bad]) {
    urls.add(withQuery("/timeline", q));
    urls.add(withQuery("/api/v1/events", q));
  }
  for (const q of [...filters.slice(0, 12), ...bad.slice(0, 8)]) urls.add(withQuery("/api/v1/events.csv", q));
  const paging = ["page=2", "page=3&per=10", "page=99", "per=10", "per=50", "per=100", "page=2&per=100"];
  const badPaging = ["page=0", "page=-3", "page=1234567", "page=", "per=7", "per=", "actor=us&page=2&per=10"];
  for (const q of [...paging, ...badPaging]) urls.add(withQuery("/timeline", q));

  // The matrix: pairs, sorts, snapshots, open cells, and what the page falls back from.
  const pairs = [
    "a=us&b=israel",
    "a=israel&b=us",
    "a=us&b=iran",
    "a=iran&b=qatar",
    ...pick(actors, 8).flatMap((a, i, list) => (list[i + 1] ? [`a=${a}&b=${list[i + 1]}`] : [])),
  ];
  const views = [
    ...pairs,
    "a=israel",
    "b=us",
    "a=iran",
    "a=iran&b=iran",
    "a=atlantis",
    "a=iran&b=atlantis",
    "a=&b=",
    `a=${"x".repeat(80)}`,
    ...["issue", "latest", "change", "loudest", ""].map((s) => `sort=${s}`),
    ...[...articles, "autumn-brief", ""].map((s) => `snapshot=${s}`),
    ...issues.flatMap((i) => articles.map((a) => `cell=${encodeURIComponent(`${i}:${a}`)}`)),
    "cell=iran-talks%3Asummer-brief",
    query([["cell", "<script>"]]),
    "cell=",
    "cell=a%3Ab%3Ac",
    "a=atlantis&sort=loudest&snapshot=autumn-brief&cell=x%3Ay&b=atlantis",
    `a=us&b=iran&sort=change&snapshot=${articles[0]}&cell=${encodeURIComponent(`${issues[0]}:${articles[0]}`)}`,
  ];
  for (const q of views) urls.add(withQuery("/matrix", q));
  for (const q of views.slice(0, pairs.length + 9)) urls.add(withQuery("/api/v1/matrix", q));
  return [...urls];
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 80));
  return `at character ${i}:\n      a: ${around(a)}\n      b: ${around(b)}`;
}

async function main() {
  const urls = values.urls
    ? readFileSync(values.urls, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#"))
    : await defaultUrls(A);
  const excluded = (url: string) =>
    values.exclude.some(
      (prefix) => url === prefix || url.startsWith(`${prefix}?`) || url.startsWith(`${prefix}/`),
    );
  urls.splice(0, urls.length, ...urls.filter((url) => !excluded(url)));
  if (values["write-urls"]) writeFileSync(values["write-urls"], `${urls.join("\n")}\n`);
  const differences: { url: string; what: string }[] = [];
  const counts = new Map<number, number>();
  const eachUrl = async (work: (url: string) => Promise<void>) => {
    let next = 0;
    const worker = async () => {
      while (next < urls.length) await work(urls[next++]!);
    };
    await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
  };
  if (!values.cold)
    await eachUrl((url) => Promise.all([fetchAnswer(A, url), fetchAnswer(B, url)]).then(() => {}));
  await eachUrl(async (url) => {
    const [a, b] = await Promise.all([fetchAnswer(A, url), fetchAnswer(B, url)]);
    counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
    const what: string[] = [];
    if (a.status !== b.status) what.push(`status ${a.status} ≠ ${b.status}`);
    if (a.type !== b.type) what.push(`content-type ${a.type} ≠ ${b.type}`);
    if (a.headers !== b.headers) what.push(`headers\n      a: ${a.headers}\n      b: ${b.headers}`);
    if (a.body !== b.body) {
      what.push(a.binary ? "body (binary) differs" : `body differs ${firstDifference(a.body, b.body)}`);
      const dir = path.join(values.out!, String(differences.length + 1));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "url.txt"), `${url}\n`);
      writeFileSync(path.join(dir, "a.txt"), a.body);
      writeFileSync(path.join(dir, "b.txt"), b.body);
    }
    if (what.length > 0) differences.push({ url, what: what.join("; ") });
  });
  const statuses = [...counts].sort(([x], [y]) => x - y).map(([s, n]) => `${n}× ${s}`);
  console.log(`${urls.length} URLs compared (${statuses.join(", ")}); ${differences.length} differ.`);
  for (const d of differences.slice(0, Number(values.show))) console.log(`  ${d.url}\n    ${d.what}`);
  if (differences.length > Number(values.show))
    console.log(`  … and ${differences.length - Number(values.show)} more`);
  if (differences.length > 0) console.log(`Normalised bodies of each difference: ${values.out}/<n>/`);
  process.exit(differences.length > 0 ? 1 : 0);
}

await main();
