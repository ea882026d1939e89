import { expect, test, type Page } from "@playwright/test";

// Runs against a build over tests/fixtures/hostile: every text field there tries to run script or break out of
// its attribute. All of it must arrive on the page as inert text.

const PAGES = [
  "/",
  "/issues",
  "/issues/iran-talks",
  "/articles",
  "/articles/hostile-brief",
  "/actors",
  "/actors/us",
  "/actors/israel",
  "/api/v1/issues/iran-talks",
];

async function expectInert(page: Page, path: string) {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), path).toBeUndefined();
  expect(
    await page
      .locator('a[href^="javascript:" i], a[href^="data:" i], iframe, svg[onload], img[onerror]')
      .count(),
    path,
  ).toBe(0);
  // The words reach the page only as data (text nodes, or strings inside Next's payload), never as a script element.
  const injected = await page
    .locator("script:not([src])")
    .evaluateAll((els) => els.filter((e) => /^\s*window\.__pwned/.test(e.textContent ?? "")).length);
  expect(injected, path).toBe(0);
}

test("hostile text renders as text and no injected script runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.waitForLoadState("load");
    await expectInert(page, path);
  }
  expect(dialogs).toEqual([]);
});

test("the hostile words are shown literally where they belong", async ({ page }) => {
  await page.goto("/articles/hostile-brief");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "<script>window.__pwned = 'title'</script>",
  );
  await expect(page.locator("#p-2")).toContainText(
    "Washington said <script>window.__pwned='paragraph'</script>",
  );
  // A javascript: link keeps its words but is not a link.
  await expect(page.locator("#p-2")).toContainText("click here");
  await expect(page.locator("#p-2 p a")).toHaveCount(0);
  await page.goto("/issues/iran-talks");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Iran talks <script>");
  await expect(page.locator("body")).toContainText("</td><script>window.__pwned='rationale'</script>");
});

test("the hostile title is escaped in metadata and the JSON API", async ({ page, request }) => {
  await page.goto("/articles/hostile-brief");
  expect(await page.title()).toContain("<script>window.__pwned = 'title'</script>");
  const json = await (await request.get("/api/v1/articles")).json();
  expect(json.articles[0].title).toContain("<script>");
  expect(json.articles[0].perspective.text).toContain("<script>window.__pwned='perspective'</script>");
  const og = await request.get("/issues/iran-talks/opengraph-image");
  expect(og.status()).toBe(200);
  expect(og.headers()["content-type"]).toBe("image/png");
});
