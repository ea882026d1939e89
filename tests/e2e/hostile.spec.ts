import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { EVENT_CSV_COLUMNS } from "@/lib/api/events-csv";
import { HOSTILE, toolEnv } from "@/lib/env";
import { parseCsv } from "../support/csv";

// Runs against a build over tests/fixtures/hostile, where every text field tries to run script, add markup or
// break out of its attribute. Every route of that build is swept twice — the HTML as the server sent it (parsed,
// never run, so the Content-Security-Policy cannot hide a failure to escape) and the page as Chromium shows it
// after hydration — for event-handler attributes, elements that could only have come from content text, and
// script or links that could run; and each hostile text must be there, literally, as text.

/** The hostile texts, as written in the fixtures. */
const T = {
  articleTitle: `</title><script>window.__pwned = 'title'</script> A "quoted" & 'hostile' title`,
  publisher: `<b onmouseover="window.__pwned='publisher'">Publisher</b>`,
  basis: `Basis with <script>window.__pwned='basis'</script> and "quotes".`,
  notes: `</p><iframe src="javascript:window.__pwned='notes'"></iframe>`,
  heading: `Heading <img src=x onerror="window.__pwned='heading'">`,
  paragraph: `Washington said <script>window.__pwned='paragraph'</script> that talks with Tehran must go on, and a click here link.`,
  svgItem: `Jerusalem replied "><svg onload="window.__pwned='svg'"> that any deal must stop enrichment.`,
  // The Markdown link to a data: URL is not a link; what is left of its source is shown as text.
  quoteItem: `An attribute-breaking quote: ' " > < & ; — and a data link</script>) too.`,
  usName: `United States <script>window.__pwned='actor'</script>`,
  usAlias: `"><img src=x onerror="window.__pwned=1">`,
  usDescription: `</title><script>window.__pwned='description'</script>`,
  iranDescription: `<style>body{display:none}</style>Iran.`,
  issueTitle: `Iran talks <script>window.__pwned='issue'</script>`,
  issueSummary: `Summary "><svg onload=window.__pwned='summary'> with & and <b>bold</b>.`,
  eventTitle: `<img src=x onerror="window.__pwned='event'"> Talks go on`,
  eventSummary: `<script>window.__pwned='event-summary'</script>`,
  stated: `<i>yesterday</i>`,
  stance: `<script>window.__pwned='stance'</script>`,
  stance2: `Stop enrichment "><svg onload=window.__pwned='stance2'>`,
  rationale: `</td><script>window.__pwned='rationale'</script>`,
  perspective: `<script>window.__pwned='perspective'</script> A "standpoint" & <b>bold</b> claim`,
  perspectiveBasis: `</td><img src=x onerror="window.__pwned='perspective-basis'"> and 'quotes'`,
  svgQuote: `Jerusalem replied "><svg onload="window.__pwned='svg'"> that any deal`,
  formulaTitle: `=HYPERLINK("https://example.org/x","open")`,
  formulaSummary: `+cmd|' /C calc'!A0`,
} as const;

interface Route {
  path: string;
  /** Hostile texts the page shows as text. */
  text: string[];
  /** Hostile texts in an accessible name or tooltip (aria-label, title). */
  labels?: string[];
  /** The exact document title. */
  title?: string;
}

const SITE = "Faultlines";
const ISSUE_TEXT = [T.issueTitle, T.issueSummary, T.stance, T.stance2, T.rationale, T.eventTitle, T.svgQuote];
const ROUTES: Route[] = [
  { path: "/", text: [T.issueTitle, T.eventTitle, T.articleTitle] },
  { path: "/issues", text: [T.issueTitle, T.issueSummary] },
  { path: "/issues/iran-talks", text: ISSUE_TEXT, title: `${T.issueTitle} · ${SITE}` },
  { path: "/actors", text: [T.usName, T.iranDescription] },
  {
    path: "/actors/us",
    text: [T.usName, T.usAlias, T.usDescription, T.stance],
    title: `${T.usName} · ${SITE}`,
  },
  { path: "/actors/israel", text: [T.stance2, T.formulaTitle] },
  { path: "/actors/iran", text: [T.iranDescription, T.eventTitle] },
  { path: "/articles", text: [T.articleTitle, T.publisher] },
  {
    path: "/articles/hostile-brief",
    text: [T.articleTitle, T.publisher, T.basis, T.notes, T.heading, T.paragraph, T.svgItem, T.quoteItem],
    title: `${T.articleTitle} · ${SITE}`,
  },
  { path: "/timeline", text: [T.eventTitle, T.eventSummary, T.stated, T.formulaTitle, T.formulaSummary] },
  { path: "/timeline?actor=us&issue=iran-talks", text: [T.eventTitle, T.eventSummary, T.usName] },
  { path: "/matrix", text: [T.issueTitle, T.articleTitle], labels: [T.stance, T.stance2] },
  {
    path: "/matrix?cell=iran-talks:hostile-brief",
    text: [T.issueTitle, T.stance, T.stance2, T.rationale],
    labels: [T.stance, T.stance2],
  },
  // Search results and snippets: inert as sent and as shown (the literal texts are checked by the search test below).
  { path: "/search?q=pwned", text: [] },
  { path: "/search?q=script+onerror+onload", text: [] },
  { path: "/search?q=pwned&kind=passage", text: [] },
];

/** What a document holds that must not be there, and its text. Runs in the browser; keep it self-contained. */
function inspect(source: string | null) {
  const doc = source === null ? document : new DOMParser().parseFromString(source, "text/html");
  const problems: string[] = [];
  const describe = (el: Element) =>
    `<${el.tagName.toLowerCase()}> in ${el.parentElement?.tagName.toLowerCase()}`;
  for (const el of doc.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) problems.push(`${describe(el)} has ${attr.name}="${attr.value}"`);
      if (/^\s*(javascript|data|vbscript):/i.test(attr.value) && attr.name !== "content")
        problems.push(`${describe(el)} has ${attr.name}="${attr.value}"`);
    }
  }
  // Elements the app never renders: where they appear, content text became markup.
  for (const el of doc.querySelectorAll(
    "img, b, i, style, iframe, frame, object, embed, base, form[action^=j]",
  ))
    problems.push(`${describe(el)}: ${el.outerHTML.slice(0, 80)}`);
  // Scripts: Next's files, its own inline bootstrap and payload, and the loader that starts its files on a stored
  // page (lib/serve/hydrate.ts, naming only Next's files), nothing else.
  const nextInline =
    /^\s*(\(?self\.__next_[fs]|\(globalThis\["TURBOPACK"\]|\$R[CSX]\b|\(function\(\)\{var s=\["\/_next\/)/;
  for (const script of doc.querySelectorAll("script")) {
    const src = script.getAttribute("src");
    const code = script.textContent ?? "";
    if (src !== null ? !src.startsWith("/_next/") : !nextInline.test(code))
      problems.push(`unexpected ${describe(script)}: ${src ?? code.slice(0, 80)}`);
  }
  const body = doc.body.cloneNode(true) as HTMLElement;
  body.querySelectorAll("script, template").forEach((el) => el.remove());
  const squash = (s: string) => s.replace(/\s+/g, " ");
  const labels = [...doc.querySelectorAll("[aria-label], [title]")].map(
    (el) => `${el.getAttribute("aria-label") ?? ""}\n${el.getAttribute("title") ?? ""}`,
  );
  return {
    problems,
    text: squash(body.textContent ?? ""),
    labels: squash(labels.join("\n")),
    title: doc.title,
  };
}

/** The page as shown holds nothing the sweep looks for, and no injected script ran. */
async function expectInert(page: Page, where: string) {
  expect((await page.evaluate(inspect, null)).problems, where).toEqual([]);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), where).toBeUndefined();
}

test.beforeAll(() => {
  const dist = toolEnv().E2E_HOSTILE_DIST;
  if (!existsSync(path.join(dist, "BUILD_ID")))
    throw new Error(
      `The hostile build (${dist}) is missing, so nothing here can be checked. \`npm test\` builds it; ` +
        `by hand: NEXT_DIST_DIR=${dist} DATABASE_URL=file:${HOSTILE.db} ` +
        `FAULTLINES_CONTENT=${HOSTILE.content} npx tsx scripts/build.ts`,
    );
});

test("the sweep's checks catch a page that did not escape the hostile texts", async ({ page }) => {
  // The same checks over a page written with the texts pasted in raw, as a template without escaping would.
  const raw =
    `<!DOCTYPE html><html><head><title>${T.articleTitle} · ${SITE}</title></head><body>` +
    `<h1>${T.issueTitle}</h1><p>${T.publisher}</p><a aria-label="${T.stance2}" href="/x">x</a>` +
    `<p>${T.iranDescription}</p><ul><li>${T.heading}</li></ul></body></html>`;
  const result = await page.evaluate(inspect, raw);
  expect(result.title).not.toBe(`${T.articleTitle} · ${SITE}`);
  expect(result.text).not.toContain(T.issueTitle);
  expect(result.labels).not.toContain(T.stance2);
  for (const found of [
    /<script> in (head|title)/,
    /has onmouseover=/,
    /has onload=/,
    /<style>/,
    /has onerror=/,
    /<b>/,
  ])
    expect(result.problems.join("\n")).toMatch(found);
});

test("the routes swept are every issue, actor and article of the build", async ({ request }) => {
  const get = async (url: string) => (await request.get(url)).json();
  const slugs = (items: { slug: string }[]) => items.map((i) => i.slug);
  const paths = ROUTES.map((r) => r.path);
  for (const slug of slugs((await get("/api/v1/issues")).issues)) expect(paths).toContain(`/issues/${slug}`);
  for (const slug of slugs((await get("/api/v1/actors")).actors)) expect(paths).toContain(`/actors/${slug}`);
  for (const slug of slugs((await get("/api/v1/articles")).articles))
    expect(paths).toContain(`/articles/${slug}`);
});

test("every route is inert as sent and as shown, with every hostile text there literally", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const route of ROUTES) {
    const at = (where: string) => `${route.path}, ${where}`;
    const response = await request.get(route.path);
    expect(response.status(), at("status")).toBe(200);
    expect(response.headers()["content-type"], at("type")).toContain("text/html");
    const sent = await page.evaluate(inspect, await response.text());
    expect.soft(sent.problems, at("in the HTML as sent")).toEqual([]);
    for (const text of route.text) expect.soft(sent.text, at("text in the HTML as sent")).toContain(text);
    for (const label of route.labels ?? []) expect.soft(sent.labels, at("accessible names")).toContain(label);
    if (route.title) expect.soft(sent.title, at("title in the HTML as sent")).toBe(route.title);

    await page.goto(route.path);
    await expect(page.locator("html[data-hydrated]"), at("hydrated")).toHaveCount(1);
    const shown = await page.evaluate(inspect, null);
    expect.soft(shown.problems, at("in the page as shown")).toEqual([]);
    for (const text of route.text) expect.soft(shown.text, at("text in the page as shown")).toContain(text);
    if (route.title) expect.soft(await page.title(), at("title as shown")).toBe(route.title);
    expect
      .soft(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), at("__pwned"))
      .toBeUndefined();
  }
  expect(dialogs).toEqual([]);
});

test("the JSON API returns the texts as data, under a policy that runs nothing", async ({ request }) => {
  for (const url of [
    "/api/v1/articles",
    "/api/v1/actors",
    "/api/v1/issues",
    "/api/v1/events",
    "/api/v1/issues/iran-talks",
    "/api/v1/matrix",
  ]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toContain("application/json");
    expect(response.headers()["content-security-policy"], url).toContain("default-src 'none'");
    expect(response.headers()["x-content-type-options"], url).toBe("nosniff");
  }
  const get = async (url: string) => (await request.get(url)).json();
  const [article] = (await get("/api/v1/articles")).articles;
  expect(article.title).toBe(T.articleTitle);
  expect(article.perspective).toEqual({ text: T.perspective, basis: T.perspectiveBasis });
  expect(
    (await get("/api/v1/actors")).actors.find((a: { slug: string }) => a.slug === "us").aliases,
  ).toContain(T.usAlias);
  const issue = await get("/api/v1/issues/iran-talks");
  expect(issue.issue.title).toBe(T.issueTitle);
  expect(issue.positions.map((p: { stance: string }) => p.stance)).toEqual([T.stance, T.stance2]);
  expect(issue.issue.divergence[0].rationale).toBe(T.rationale);
});

test("the CSV: a byte-order mark, each text whole, and formula cells prefixed with an apostrophe", async ({
  request,
}) => {
  const response = await request.get("/api/v1/events.csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
  expect(header).toEqual([...EVENT_CSV_COLUMNS]);
  const row = (slug: string) => {
    const found = rows.find((r) => r[0] === slug);
    expect(found, slug).toBeDefined();
    return Object.fromEntries(EVENT_CSV_COLUMNS.map((column, i) => [column, found![i]]));
  };
  expect(row("formula-event")).toMatchObject({
    title: `'${T.formulaTitle}`,
    summary: `'${T.formulaSummary}`,
    date_stated: "'@yesterday",
  });
  expect(row("hostile-event")).toMatchObject({
    title: T.eventTitle,
    summary: T.eventSummary,
    date_stated: T.stated,
    actor_names: `${T.usName}; Iran`,
  });
  // No cell anywhere starts as a formula.
  expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
});

test("the Open Graph image of the hostile issue renders", async ({ request }) => {
  const og = await request.get("/issues/iran-talks/opengraph-image");
  expect(og.status()).toBe(200);
  expect(og.headers()["content-type"]).toBe("image/png");
});

test("search shows hostile text as highlighted text, and suggestions render it inert", async ({ page }) => {
  await page.goto("/search?q=pwned&kind=passage");
  const snippet = page.locator("ol li p").filter({ hasText: "Washington said" });
  await expect(snippet).toContainText("<script>window.__pwned='paragraph'</script>");
  await expect(snippet.locator("mark")).toHaveText(["pwned"]);
  await expectInert(page, "/search?q=pwned&kind=passage");

  await page.goto("/issues");
  const box = page.getByRole("combobox", { name: "Search" });
  await box.pressSequentially("pwned", { delay: 30 });
  await expect(page.getByRole("listbox", { name: "Suggestions" })).toHaveAttribute("data-for", "pwned");
  await expect(page.getByRole("listbox", { name: "Suggestions" })).toContainText("<script>");
  await expectInert(page, "suggestions");
});
