import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { errorResponse, searchResponse } from "@/lib/api/schemas";

// Search: the header box and its suggestions, the /search page with and without JavaScript, the API, and the deep
// links every kind of result opens.

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

async function api(request: APIRequestContext, query: string) {
  const response = await request.get(`/api/v1/search?${query}`);
  expect(response.status(), query).toBe(200);
  return searchResponse.parse(await response.json());
}

/** Submits the search page's own form (the header has a search button too). */
const submit = (page: Page) =>
  page.getByRole("search", { name: "Search and filters" }).getByRole("button", { name: "Search" }).click();

/** The highlighted paragraph a passage link opens: the :target, highlighted. */
async function expectHighlightedParagraph(page: Page, word: string) {
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+#p-\d+$/);
  const target = page.locator(":target");
  await expect(target).toHaveCount(1);
  await expect(target).toHaveAttribute("id", new RegExp(`^${new URL(page.url()).hash.slice(1)}$`));
  await expect(target).toContainText(word);
  const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
}

test.describe("the header search box", () => {
  test("type, pick a suggestion with the keyboard, land on the highlighted passage", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // A prerendered page: the island must hydrate under its hash-based policy.
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search" });
    await box.click();
    await box.pressSequentially("Fordow", { delay: 40 });
    const list = page.getByRole("listbox", { name: "Suggestions" });
    await expect(list).toBeVisible();
    // Suggestions for what was typed, not for a prefix of it that answered first.
    await expect(list).toHaveAttribute("data-for", "Fordow");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    const options = list.getByRole("option");
    await expect(options.filter({ hasText: /^Passage/ })).toHaveCount(1);
    await expect(page.getByRole("status").filter({ hasText: /suggestions?\./ })).toHaveText(
      new RegExp(`^${(await options.count()) - 1} suggestions?\\. Up and down arrows choose one\\.$`),
    );

    const labels = await options.allTextContents();
    const passage = labels.findIndex((t) => t.startsWith("Passage"));
    for (let i = 0; i <= passage; i++) await box.press("ArrowDown");
    const chosen = options.nth(passage);
    await expect(chosen).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await chosen.getAttribute("id"))!);
    await box.press("Enter");
    await expectHighlightedParagraph(page, "Fordow");
    await expect(page.locator(":target mark").first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("arrows wrap, Escape closes then clears, Enter without a choice searches", async ({ page }) => {
    await page.goto("/issues");
    const box = page.getByRole("combobox", { name: "Search" });
    await box.click();
    await box.pressSequentially("Iran", { delay: 30 });
    const list = page.getByRole("listbox", { name: "Suggestions" });
    const options = list.getByRole("option");
    await expect(list).toHaveAttribute("data-for", "Iran");
    await expect(options.first()).toBeVisible();
    const count = await options.count();
    await box.press("ArrowUp");
    await expect(options.nth(count - 1)).toHaveAttribute("aria-selected", "true");
    await expect(options.nth(count - 1)).toHaveText(/^All \d+ results for “Iran”$/);
    await box.press("ArrowDown");
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(box).not.toHaveAttribute("aria-activedescendant");
    await box.press("Escape");
    await expect(box).toHaveValue("");
    // One character: no suggestions.
    await box.pressSequentially("I");
    await page.waitForTimeout(400);
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.pressSequentially("ran -nuclear");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=Iran\+-nuclear$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “Iran -nuclear”");
  });
});

test.describe("the search page", () => {
  test("groups results by kind with counts, highlights what matched, and links each to its place", async ({
    page,
  }) => {
    await page.goto("/search?q=Board+of+Peace");
    const status = page.locator("#result-count");
    await expect(status).toHaveText(/^\d+ results for “Board of Peace”$/);
    const kinds = page.getByRole("navigation", { name: "Kinds of result" });
    await expect(kinds.getByText(/^Everything/)).toHaveAttribute("aria-current", "page");
    const headings = await page.locator("section h2").allTextContents();
    expect(headings[0]).toMatch(/^Issues \d+$/);
    expect(headings[1]).toMatch(/^Actors \d+$/);
    const first = page.locator("section").first().getByRole("link").first();
    await expect(first).toHaveText("The Board of Peace");
    await expect(first.locator("mark")).toHaveText("Board of Peace");
    await first.click();
    await expect(page).toHaveURL(/\/issues\/board-of-peace$/);
  });

  test("every result's link opens an element that exists, on the page a deep link names", async ({
    page,
    request,
  }) => {
    const seen = new Set<string>();
    for (const q of ["Board of Peace", "Fordow", "Türkiye", "Al Udeid"]) {
      for (const result of (await api(request, `q=${encodeURIComponent(q)}&limit=50`)).results) {
        if (seen.has(result.kind)) continue;
        seen.add(result.kind);
        await page.goto(result.url);
        const hash = new URL(result.url, "http://x").hash.slice(1);
        if (hash) {
          await expect(page.locator(":target"), result.url).toHaveAttribute("id", hash);
        } else if (result.kind === "rating") {
          await expect(page.getByRole("heading", { level: 1 }), result.url).toBeVisible();
          expect(new URL(page.url()).searchParams.get("cell")).toBe(
            result.slug.split(":").slice(0, 2).join(":"),
          );
        }
      }
    }
    expect([...seen].sort()).toEqual(["actor", "event", "issue", "passage", "position", "rating"]);
  });

  test("filters are GET parameters; a kind is paginated; the state survives reload and Back", async ({
    page,
    request,
  }) => {
    const { total } = await api(request, "q=iran&kind=position&limit=1");
    expect(total).toBeGreaterThan(20);
    await page.goto("/search?q=iran");
    await page.getByLabel("Kind", { exact: true }).selectOption("position");
    await page.getByLabel("Actor", { exact: true }).selectOption("israel");
    await submit(page);
    await expect(page).toHaveURL(/\/search\?q=iran&kind=position&article=&actor=israel$/);
    const narrowed = (await api(request, "q=iran&kind=position&actor=israel&limit=1")).total;
    await expect(page.locator("#result-count")).toHaveText(
      new RegExp(`^${narrowed} positions for “iran” involving Israel$`),
    );

    await page.goto("/search?q=iran&kind=position");
    const pages = page.getByRole("navigation", { name: "Pages of results" });
    await expect(pages).toContainText(`Page 1 of ${Math.ceil(total / 20)}`);
    const firstPage = await page.locator("ol li h3").allTextContents();
    expect(firstPage).toHaveLength(20);
    await pages.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/\/search\?q=iran&kind=position&page=2$/);
    const secondPage = await page.locator("ol li h3").allTextContents();
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
    await expect(page.locator("ol")).toHaveAttribute("start", "21");
    await page.reload();
    expect(await page.locator("ol li h3").allTextContents()).toEqual(secondPage);
    await page.goBack();
    await expect(page).toHaveURL(/\/search\?q=iran&kind=position$/);
  });

  test("an empty result says what was searched and offers to drop a filter", async ({ page }) => {
    await page.goto("/search?q=Fordow&actor=hezbollah");
    await expect(page.locator("#result-count")).toHaveText("0 results for “Fordow” involving Hezbollah");
    await expect(page.getByText("Nothing matches “Fordow” involving Hezbollah.")).toBeVisible();
    const drop = page.getByRole("link", { name: "Drop the actor filter" });
    await expect(drop.locator("xpath=..")).toContainText(/\(\d+ results?\)/);
    await drop.click();
    await expect(page).toHaveURL(/\/search\?q=Fordow$/);
    await expect(page.locator("#result-count")).toHaveText(/^[1-9]\d* results? for “Fordow”$/);
  });

  test("bad input gets a note and a corrected link, never an error", async ({ page }) => {
    const response = await page.goto(
      `/search?q=${encodeURIComponent('NEAR( ^ : "board')}&kind=nope&actor=nobody&page=x&${"z".repeat(3)}=1`,
    );
    expect(response?.status()).toBe(200);
    const notes = page.getByRole("note");
    await expect(notes).toContainText("Left out: kind of result “nope”.");
    await expect(notes).toContainText("Left out: unknown actor “nobody”.");
    await expect(notes).toContainText("A quote was not closed");
    await expect(notes).toContainText("Ignored “^”, “:”");
    await expect(notes.getByRole("link", { name: "Use the corrected link" })).toHaveAttribute(
      "href",
      `/search?${new URLSearchParams({ q: 'NEAR( ^ : "board' })}`,
    );
    const long = await page.goto(`/search?q=${"iran ".repeat(2000)}`);
    expect(long?.status()).toBe(200);
    await expect(page.getByRole("note")).toContainText(
      "Left out: the search after its first 200 characters.",
    );
  });

  for (const path of [
    "/search?q=Board+of+Peace",
    "/search?q=iran&kind=event&page=2",
    "/search?q=Fordow&actor=hezbollah&kind=passage",
    "/search?q=%22unclosed+%5E&x=1",
    "/search",
  ]) {
    test(`axe finds nothing on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectAxeClean(page);
    });
  }

  test("axe finds nothing with the suggestions open", async ({ page }) => {
    await page.goto("/search");
    const box = page.getByRole("combobox", { name: "Search" });
    await box.pressSequentially("Israel", { delay: 30 });
    await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeVisible();
    await box.press("ArrowDown");
    await expectAxeClean(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header box is a plain form: search, then open the highlighted passage", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("searchbox", { name: "Search" });
    await expect(page.getByRole("combobox")).toHaveCount(0);
    await box.fill("Fordow");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=Fordow$/);
    await expect(page.locator("#result-count")).toHaveText(/^\d+ results for “Fordow”$/);
    const passages = page.locator("section", {
      has: page.getByRole("heading", { name: /^Article passages/ }),
    });
    const link = passages.getByRole("link").first();
    await expect(link.locator("xpath=ancestor::li").locator("mark").first()).toHaveText("Fordow");
    await link.click();
    await expectHighlightedParagraph(page, "Fordow");
  });

  test("filters and “all of a kind” work as plain links and forms", async ({ page }) => {
    await page.goto("/search?q=strike");
    await page.getByRole("link", { name: /^All \d+ events/ }).click();
    await expect(page).toHaveURL(/\/search\?q=strike&kind=event$/);
    await page.getByLabel("Source").selectOption({ index: 1 });
    await submit(page);
    await expect(page).toHaveURL(/\/search\?q=strike&kind=event&article=[a-z0-9-]+&actor=$/);
    await expect(page.locator("#result-count")).toHaveText(/ events? for “strike” from “/);
  });
});

test.describe("GET /api/v1/search", () => {
  test("answers the documented shape, ranked, with highlights inside the snippet", async ({ request }) => {
    const body = await api(request, "q=Board%20of%20Peace&limit=5");
    expect(body.query).toBe("Board of Peace");
    expect(body.results[0]).toMatchObject({
      kind: "issue",
      slug: "board-of-peace",
      url: "/issues/board-of-peace",
    });
    expect(body.results).toHaveLength(5);
    expect(body.total).toBeGreaterThan(5);
    for (const r of body.results) {
      for (const [s, e] of r.highlights) expect(r.snippet.slice(s, e).length).toBe(e - s);
    }
    const events = await api(request, "q=Board%20of%20Peace&kind=event");
    expect(new Set(events.results.map((r) => r.kind))).toEqual(new Set(["event"]));
    const notes = await api(request, `q=${encodeURIComponent("-iran")}`);
    expect(notes).toMatchObject({ results: [], total: 0 });
    expect(notes.notes.join(" ")).toMatch(/only leave things out/);
  });

  test("answers 400 with the problems for bad parameters", async ({ request }) => {
    for (const query of [
      "",
      "q=",
      "q=a&kind=x",
      "q=a&limit=0",
      "q=a&limit=51",
      "q=a&actor=nobody",
      `q=${"a".repeat(201)}`,
    ]) {
      const response = await request.get(`/api/v1/search?${query}`);
      expect(response.status(), query).toBe(400);
      expect(errorResponse.parse(await response.json()).issues?.length, query).toBeGreaterThan(0);
    }
  });
});
