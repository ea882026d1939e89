import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { articlesResponse, issuesResponse, matrixResponse } from "@/lib/api/schemas";
import { LEVEL_RANK } from "@/lib/domain";
import { LEVEL_LABEL } from "@/lib/site/labels";

// The matrix page against the real content, checked against the JSON API it must agree with.

type Api = {
  matrix: ReturnType<typeof matrixResponse.parse>;
  articles: ReturnType<typeof articlesResponse.parse>["articles"];
  issues: ReturnType<typeof issuesResponse.parse>["issues"];
};

async function api(request: import("@playwright/test").APIRequestContext): Promise<Api> {
  const get = async (url: string) => (await request.get(url)).json();
  return {
    matrix: matrixResponse.parse(await get("/api/v1/matrix?a=us&b=israel")),
    articles: articlesResponse.parse(await get("/api/v1/articles")).articles,
    issues: issuesResponse.parse(await get("/api/v1/issues")).issues,
  };
}

/** The first cell in content order that is rated and has both sides' positions, as the API gives it. */
function firstRatedCell(data: Api) {
  const found = data.matrix.rows
    .flatMap((row) => row.cells.map((cell) => ({ issue: row.issue, ...cell })))
    .find((cell) => cell.a !== null && cell.b !== null);
  if (!found) throw new Error("the content has no rated cell with both positions");
  return { ...found, a: found.a!, b: found.b! };
}

const rows = (page: Page) => page.locator("tbody tr[data-issue]");
const rowSlugs = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-issue")));
const cell = (page: Page, issue: string, article: string) =>
  page.locator(`tr[data-issue="${issue}"] td[data-snapshot="${article}"]`);
const panel = (page: Page) => page.getByTestId("cell-panel");

async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.passes.length).toBeGreaterThan(0);
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

test("every issue appears with the level the API gives for each snapshot", async ({ page, request }) => {
  const data = await api(request);
  const response = await page.goto("/matrix");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/US–Israel divergence matrix/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/matrix$/);

  const table = page.getByRole("table", { name: /by source snapshot/ });
  await expect(table).toBeVisible();
  const headers = table.locator("thead th[scope=col]");
  await expect(headers).toHaveCount(data.articles.length + 1);
  for (const [i, article] of data.articles.entries())
    await expect(headers.nth(i + 1)).toContainText(article.title);

  expect(await rowSlugs(page)).toEqual(data.matrix.rows.map((r) => r.issue));
  for (const row of data.matrix.rows) {
    const title = data.issues.find((i) => i.slug === row.issue)!.title;
    const header = page.locator(`tr[data-issue="${row.issue}"] th[scope=row]`);
    await expect(header.getByRole("link", { name: title })).toHaveAttribute("href", `/issues/${row.issue}`);
    for (const article of data.articles) {
      const rated = row.cells.find((c) => c.article === article.slug);
      const td = cell(page, row.issue, article.slug);
      const link = td.getByRole("link");
      if (rated) {
        await expect(td).toHaveAttribute("data-level", rated.level);
        await expect(link).toContainText(LEVEL_LABEL[rated.level]);
        // Each side shows its stance, or says it has none: both cases are checked, neither is skipped.
        await expect(td.locator('[data-side="us"]')).toHaveText(`US ${rated.a?.stance ?? "no position"}`);
        await expect(td.locator('[data-side="israel"]')).toHaveText(
          `Israel ${rated.b?.stance ?? "no position"}`,
        );
      } else {
        await expect(td).not.toHaveAttribute("data-level", /.+/);
        await expect(link).toContainText(/Not covered|Not rated/);
      }
    }
  }
});

test("a cell's link carries its full name, and an arrow marks a change of level", async ({ page }) => {
  await page.goto("/matrix");
  await expect(
    page.getByRole("link", {
      name: "US–Iran nuclear diplomacy, June 2025: divergent; US: Open to direct talks; Israel: Expected US backing for military readiness",
      exact: true,
    }),
  ).toBeVisible();
  const later = cell(page, "us-iran-nuclear-diplomacy", "us-israel-diverge-regional-files").getByRole("link");
  await expect(later).toHaveAccessibleName(
    /^US–Iran nuclear diplomacy, 18 Feb 2026: partial, closer than in June 2025; US: /,
  );
  await expect(later.locator("[data-change=closer]")).toBeVisible();
});

/** The text of React's inline payload (its `self.__next_f.push` scripts), and how many bytes of the page they are. */
function inlinePayload(html: string): { payload: string; bytes: number } {
  let payload = "";
  let bytes = 0;
  for (const [script, json] of html.matchAll(
    /<script[^>]*>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g,
  )) {
    bytes += Buffer.byteLength(script);
    const [, chunk] = JSON.parse(json!) as [number, unknown];
    if (typeof chunk === "string") payload += chunk;
  }
  return { payload, bytes };
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&quot;": '"',
  "&#x27;": "'",
  "&lt;": "<",
  "&gt;": ">",
};

test("the table's markup is sent once, as HTML: the payload does not repeat its cells", async ({
  request,
}) => {
  // The table is a client component fed compact rows (components/matrix/matrix-table.tsx). Rendered on the server,
  // its element tree went out again in React's payload, each cell's name and link with it: /matrix?a=us&b=iran was
  // 142 KB, its payload 63 % of the page (72 KB and 27 % with the table, the controls and the summary fed props).
  for (const url of [
    "/matrix?a=us&b=iran",
    "/matrix?cell=us-iran-nuclear-diplomacy:us-israel-diverge-regional-files",
  ]) {
    const html = await (await request.get(url)).text();
    const names = [...html.matchAll(/<a [^>]*aria-label="([^"]+)"[^>]*data-testid="matrix-cell"/g)].map((m) =>
      m[1]!.replace(/&(amp|quot|#x27|lt|gt);/g, (entity) => ENTITIES[entity]!),
    );
    expect(names.length, url).toBeGreaterThan(20);
    const { payload, bytes } = inlinePayload(html);
    // In the payload a name would stand as a JSON string.
    expect(
      names.filter((name) => payload.includes(JSON.stringify(name).slice(1, -1))),
      url,
    ).toEqual([]);
    expect(payload, url).not.toContain("matrix-cell");
    expect(bytes / Buffer.byteLength(html), url).toBeLessThan(0.5);
  }
});

test("opening a cell shows its evidence, changes the URL, and the URL reopens it cold", async ({
  page,
  context,
  request,
}) => {
  const data = await api(request);
  const target = firstRatedCell(data);
  await page.goto("/matrix");
  await cell(page, target.issue, target.article).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`[?&]cell=${target.issue}(:|%3A)${target.article}`));
  const open = panel(page);
  await expect(open).toBeVisible();
  await expect(open.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(open).toContainText(LEVEL_LABEL[target.level]);
  await expect(open).toContainText(/Rated by the source|Faultlines assessment/);
  await expect(open.getByRole("heading", { name: "Rationale" })).toBeVisible();
  await expect(open).toContainText(target.a.stance);
  await expect(open).toContainText(target.b.stance);
  const quotes = open.locator(`a[href^="/articles/${target.article}#p-"]`);
  expect(await quotes.count()).toBeGreaterThan(0);
  await expect(open.getByRole("link", { name: "Topic page" })).toHaveAttribute(
    "href",
    `/issues/${target.issue}`,
  );
  const opened = await open.innerText();

  const cold = await context.newPage();
  const response = await cold.goto(page.url());
  expect(response?.status()).toBe(200);
  await expect(panel(cold)).toBeVisible();
  expect(await panel(cold).innerText()).toBe(opened);
  await cold.close();

  await open.getByRole("link", { name: /^Close/ }).click();
  await expect(panel(page)).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has("cell")).toBe(false);
});

test("the keyboard reaches and opens a cell", async ({ page }) => {
  await page.goto("/matrix");
  const first = page.getByTestId("matrix-cell").first();
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/cell=/);
  await expect(panel(page)).toBeVisible();
});

test("sort and snapshot filter change the URL and the rows", async ({ page, request }) => {
  const data = await api(request);
  await page.goto("/matrix");
  const inIssueOrder = await rowSlugs(page);

  await page.getByRole("link", { name: "Latest level", exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=latest/);
  await expect(page.getByRole("link", { name: "Latest level", exact: true })).toHaveAttribute(
    "aria-current",
    "true",
  );
  const sorted = await rowSlugs(page);
  expect(sorted).not.toEqual(inIssueOrder);
  expect([...sorted].sort()).toEqual([...inIssueOrder].sort());
  const latestRank = (slug: string | null) => {
    const level = data.matrix.rows.find((r) => r.issue === slug)!.cells.at(-1)?.level;
    return level ? LEVEL_RANK[level] : 99;
  };
  const ranks = sorted.map(latestRank);
  expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

  const [june] = data.articles;
  await page
    .getByRole("link", { name: new RegExp(`^Covered by`) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`[?&]snapshot=${june!.slug}`));
  await expect(page).toHaveURL(/[?&]sort=latest/);
  const filtered = await rowSlugs(page);
  const ratedInJune = data.matrix.rows.filter((r) => r.cells.some((c) => c.article === june!.slug));
  expect(filtered.length).toBeLessThan(inIssueOrder.length);
  expect(new Set(filtered)).toEqual(new Set(ratedInJune.map((r) => r.issue)));
  for (const slug of filtered)
    await expect(cell(page, slug!, june!.slug)).not.toHaveAttribute("data-status", "uncovered");

  await page.getByRole("link", { name: "Change", exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=change/);
  await expect(page).toHaveURL(new RegExp(`[?&]snapshot=${june!.slug}`));
  expect(new Set(await rowSlugs(page))).toEqual(new Set(filtered));

  await page.getByRole("link", { name: /^All/ }).click();
  await expect(page).not.toHaveURL(/snapshot=/);
  await page.getByRole("link", { name: "Issue", exact: true }).click();
  await expect(page).toHaveURL(/\/matrix#view$/);
  expect(await rowSlugs(page)).toEqual(inIssueOrder);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("cell links, sort links and the pair form still work", async ({ page, request }) => {
    const data = await api(request);
    const target = firstRatedCell(data);
    await page.goto("/matrix");
    await cell(page, target.issue, target.article).getByRole("link").click();
    await expect(page).toHaveURL(/cell=/);
    await expect(panel(page)).toContainText(LEVEL_LABEL[target.level]);

    await page.getByRole("link", { name: "Change", exact: true }).click();
    await expect(page).toHaveURL(/sort=change/);
    await expect(page).toHaveURL(/cell=/);
    await expect(panel(page)).toBeVisible();
    await expect(page.getByRole("link", { name: "Change", exact: true })).toHaveAttribute(
      "aria-current",
      "true",
    );

    await page.getByLabel("Second").selectOption("qatar");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/b=qatar/);
    await expect(page.getByTestId("no-ratings")).toContainText(
      "No ratings exist for United States and Qatar; ratings are made by sources or annotators, not computed",
    );
  });
});

test("any two actors: a pair without ratings says so, and the reverse pair is the same ratings", async ({
  page,
}) => {
  await page.goto("/matrix?a=iran&b=qatar");
  await expect(page.getByTestId("no-ratings")).toContainText(
    "No ratings exist for Iran and Qatar; ratings are made by sources or annotators, not computed",
  );
  await expect(page.getByRole("link", { name: "United States and Israel" })).toHaveAttribute(
    "href",
    /^\/matrix(#view)?$/,
  );
  await expect(page).toHaveTitle(/Iran–Qatar divergence matrix/);

  await page.goto("/matrix?a=israel&b=us");
  const flipped = cell(page, "us-iran-nuclear-diplomacy", "policy-gaps-emerge").getByRole("link");
  await expect(flipped).toHaveAccessibleName(
    /June 2025: divergent; Israel: Expected US backing for military readiness; US: Open/,
  );
});

test("bad cell, actor or sort values show a note, never a 500", async ({ page }) => {
  for (const [query, note] of [
    ["cell=nowhere:nothing", "cell “nowhere:nothing”"],
    ["cell=%3Cscript%3E", "a cell is written issue:article"],
    ["a=atlantis", "unknown actor “atlantis”"],
    ["a=us&b=us", "the same actor on both sides"],
    ["sort=loudest", "sort order “loudest”"],
    ["snapshot=autumn", "unknown snapshot “autumn”"],
  ] as const) {
    const response = await page.goto(`/matrix?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByTestId("matrix-note"), query).toContainText(note);
    await expect(page.getByRole("table", { name: /by source snapshot/ }), query).toBeVisible();
  }
  await expect(page.getByTestId("matrix-note")).toContainText("Showing United States and Israel");
});

test("on a phone the rows become cards that name their snapshot", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/matrix");
  const first = rows(page).first();
  const box = (await first.boundingBox())!;
  expect(box.width).toBeGreaterThan(340);
  await expect(first.locator("td").first()).toContainText("June 2025");
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
});

test("the chart draws a bar per snapshot on the server, and no chart library loads", async ({
  page,
  request,
}) => {
  // Every script a page loaded, fetched again and joined: recharts marks its output with "recharts-" classes.
  await page.goto("/matrix");
  await page.waitForLoadState("load");
  const urls = await page.evaluate(() => [
    ...new Set([
      ...[...document.scripts].map((s) => s.src).filter(Boolean),
      ...performance
        .getEntriesByType("resource")
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script")
        .map((e) => e.name),
    ]),
  ]);
  expect(urls.length).toBeGreaterThan(0);
  const scripts = (await Promise.all(urls.map(async (url) => (await request.get(url)).text()))).join("\n");
  expect(scripts).not.toContain("recharts-wrapper");
  const table = page.getByRole("table", { name: /how many of the \d+ issues/ });
  await expect(table).toBeVisible();
  const snapshots = (await table.locator("thead th").count()) - 1;
  const bars = page.getByTestId("level-chart").getByTestId("level-bar");
  await expect(bars).toHaveCount(snapshots);
  await expect(bars.first()).toBeVisible();
});

test("axe finds no violations on the matrix, with a cell open, and on a phone", async ({ page }) => {
  // Three full axe runs over the largest page: on a shared two-core machine they can take more than 30 s.
  test.setTimeout(90_000);
  await page.goto("/matrix");
  await expectNoAxeViolations(page);
  await page.goto("/matrix?cell=israeli-freedom-of-action:policy-gaps-emerge&sort=change");
  await expect(panel(page)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/matrix?cell=us-iran-nuclear-diplomacy:us-israel-diverge-regional-files");
  await expectNoAxeViolations(page);
});
