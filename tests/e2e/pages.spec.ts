import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { articlesResponse, issueResponse, issuesResponse } from "@/lib/api/schemas";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** An issue that has both a US and an Israeli position in the same snapshot, read from the API. */
async function issueWithBothSides(page: Page) {
  const { issues } = issuesResponse.parse(await (await page.request.get("/api/v1/issues")).json());
  for (const issue of issues) {
    const detail = issueResponse.parse(await (await page.request.get(`/api/v1/issues/${issue.slug}`)).json());
    const us = detail.positions.find((p) => p.actor === "us");
    const israel = detail.positions.find((p) => p.actor === "israel" && p.article === us?.article);
    if (us && israel) return { issue, detail, us, israel };
  }
  throw new Error("no issue has both sides in one snapshot");
}

test("from the issue list to a quote in its paragraph, and back", async ({ page }) => {
  const { issue, us, israel } = await issueWithBothSides(page);
  await page.goto("/issues");
  await page.getByRole("link", { name: issue.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${issue.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(issue.title);

  const usCard = page.locator(`#position-${us.article}-us`);
  const israelCard = page.locator(`#position-${us.article}-israel`);
  await expect(usCard).toContainText(us.stance);
  await expect(israelCard).toContainText(israel.stance);
  await expect(usCard.locator("q").first()).toHaveText(us.evidence[0]!.quote);
  await expect(israelCard.locator("q").first()).toHaveText(israel.evidence[0]!.quote);

  const quote = israel.evidence[0]!;
  await israelCard
    .getByRole("link", { name: new RegExp(`paragraph ${quote.paragraph}\\)$`) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/articles/${quote.article}#p-${quote.paragraph}$`));
  const paragraph = page.locator(`#p-${quote.paragraph}`);
  await expect(paragraph).toBeInViewport();
  // The landed-on paragraph is highlighted (:target) and the quoted words are marked inside it.
  expect(await paragraph.evaluate((el) => el.matches(":target"))).toBe(true);
  const background = await paragraph.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
  const marked = await paragraph.locator("mark").allTextContents();
  expect(marked.join("").replace(/\s+/g, " ")).toContain(quote.quote.slice(0, 20));

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/issues/${issue.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(issue.title);
});

test("a cold deep link lands on the section", async ({ page }) => {
  const { issue } = await issueWithBothSides(page);
  await page.goto(`/issues/${issue.slug}#timeline`);
  const section = page.locator("#timeline");
  await expect(section.getByRole("heading", { level: 2 })).toBeInViewport();
  expect(await section.evaluate((el) => el.matches(":target"))).toBe(true);
  await expect(section.getByRole("link", { name: /Open these events in the timeline/ })).toHaveAttribute(
    "href",
    `/timeline?issue=${issue.slug}`,
  );
  await page.goto("about:blank");
  await page.goto(`/issues/${issue.slug}#positions`);
  await expect(page.locator("#positions h2")).toBeInViewport();
});

test("the copy-link control is a plain link to the section", async ({ page }) => {
  const { issue } = await issueWithBothSides(page);
  await page.goto(`/issues/${issue.slug}`);
  await expect(page.getByRole("link", { name: "Link to the section “Events”" })).toHaveAttribute(
    "href",
    "#timeline",
  );
});

test("unknown slugs get our 404 page with a way back, and status 404", async ({ page }) => {
  for (const path of [
    "/issues/no-such-issue",
    "/actors/no-such-actor",
    "/articles/no-such-article",
    "/no/such/page",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing here");
    await expect(page.getByRole("link", { name: "Back to the front page" })).toHaveAttribute("href", "/");
  }
});

test("each issue has an Open Graph image, and the page points to it", async ({ page, request }) => {
  const { issue } = await issueWithBothSides(page);
  await page.goto(`/issues/${issue.slug}`);
  const og = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(og).toContain(`/issues/${issue.slug}/opengraph-image`);
  const image = await request.get(new URL(og!).pathname);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const bytes = await image.body();
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    new RegExp(`/issues/${issue.slug}$`),
  );
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page).toHaveTitle(new RegExp(issue.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
});

test("sitemap.xml lists every issue and robots.txt points to it", async ({ request }) => {
  const { issues } = issuesResponse.parse(await (await request.get("/api/v1/issues")).json());
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const issue of issues) expect(sitemap).toContain(`/issues/${issue.slug}</loc>`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
});

test.describe("accessibility", () => {
  for (const path of ["/", "/issues", "/articles", "/actors", "/actors/israel", "/no-such-page"]) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test("axe finds no violations on an issue page and an article page", async ({ page }) => {
    const { issue, us } = await issueWithBothSides(page);
    await page.goto(`/issues/${issue.slug}`);
    await expectNoAxeViolations(page);
    await page.goto(`/articles/${us.article}#p-3`);
    await expectNoAxeViolations(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("issue, article and actor pages carry the same content", async ({ page }) => {
    const { issue, detail, us, israel } = await issueWithBothSides(page);
    await page.goto(`/issues/${issue.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(issue.title);
    await expect(page.locator(`#position-${us.article}-us`)).toContainText(us.summary);
    await expect(page.locator(`#position-${us.article}-israel`)).toContainText(israel.summary);
    await expect(page.locator("#timeline article")).toHaveCount(detail.events.length);
    // Evidence behind a <details> opens without scripts.
    const details = page.locator("#timeline details").first();
    await details.locator("summary").click();
    await expect(details.locator("q").first()).toBeVisible();

    await page.goto(`/articles/${us.article}`);
    await expect(page.locator(`#p-${us.evidence[0]!.paragraph} mark`).first()).toBeVisible();
    await page.goto("/actors/us");
    await expect(page.locator("#positions article").first()).toBeVisible();
  });
});

test("each source's perspective is stated, and comparisons across publishers say so", async ({ page }) => {
  const { articles } = articlesResponse.parse(await (await page.request.get("/api/v1/articles")).json());
  for (const article of articles) {
    await page.goto(`/articles/${article.slug}`);
    const row = page.locator("dt", { hasText: "Perspective" }).locator("xpath=following-sibling::dd");
    await expect(row).toContainText(article.perspective.text);
    await row.getByText("Why we describe it so").click();
    await expect(row).toContainText(article.perspective.basis);
  }

  // The two sources come from different publishers (one not named), so every comparison of them carries the note.
  const publishers = new Set(articles.map((a) => a.publisher ?? `unnamed ${a.slug}`));
  expect(publishers.size).toBe(articles.length);
  for (const path of ["/", "/matrix"]) {
    await page.goto(path);
    const note = page.getByTestId("source-shift");
    await expect(note).toHaveCount(articles.length - 1);
    await expect(note).toHaveAttribute("role", "note");
    await expect(note).toContainText("Different sources");
    for (const article of articles) await expect(note).toContainText(article.publisher ?? "does not name");
  }
  await page.goto("/matrix");
  for (const article of articles) {
    await expect(page.locator(`[data-perspective="${article.slug}"]`).first()).toContainText(
      article.perspective.text,
    );
  }
});
