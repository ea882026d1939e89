import { expect, test, type Page, type Route } from "@playwright/test";

// When a page starts React (lib/serve/hydrate.ts): on a wide screen right after its first paint, on a phone on the
// reader's first touch, key or focus. Until then a phone fetches none of the app's scripts and reads the page as it
// is without JavaScript; afterwards the page behaves as on a wide screen.

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
/** Set by components/ui/hydration-mark.tsx from an effect: only a hydrated page has it. */
const hydrated = (page: Page) => page.locator("html[data-hydrated]");

/** The app's script files the page has requested so far. */
function watchScripts(page: Page): () => string[] {
  const requested: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") requested.push(request.url());
  });
  return () => [...requested];
}

/**
 * Holds the app's script files until `release` is called: what a reader does while they are on their way (on a slow
 * phone network) happens before the page hydrates, whatever this machine's speed.
 */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let released = false;
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, (route) =>
    released ? route.continue() : held.push(route),
  );
  return async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
}

test("on a wide screen the page hydrates without being used, and the filters open as a sidebar", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/timeline");
  await expect(hydrated(page)).toHaveCount(1);
  await expect(page.locator("details").filter({ hasText: "Filters" })).toHaveAttribute("open", "");
});

test.describe("on a phone", () => {
  test.use(PHONE);

  for (const path of ["/", "/timeline", "/matrix", "/articles"]) {
    test(`${path} fetches no app script and stays unhydrated until it is used`, async ({ page }) => {
      const scripts = watchScripts(page);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      expect(scripts()).toEqual([]);
      await expect(hydrated(page)).toHaveCount(0);
      await expect(page.locator("main h1")).toBeVisible();
      // A key is use: the scripts come and the page hydrates.
      await page.keyboard.press("Tab");
      await expect(hydrated(page)).toHaveCount(1);
      expect(scripts().length).toBeGreaterThan(0);
    });
  }

  test("a tap on Filters opens them at once and hydrates the page; a ticked actor then filters in place", async ({
    page,
  }) => {
    await page.goto("/timeline");
    await expect(hydrated(page)).toHaveCount(0);
    // The panel is a <details>: it opens without React, in the same tap that starts the scripts.
    await page.getByText("Filters", { exact: true }).tap();
    const panel = page.locator("details").filter({ hasText: "Filters" });
    await expect(panel).toHaveAttribute("open", "");
    await expect(hydrated(page)).toHaveCount(1);
    // Hydrated, a change replaces the URL in the same document (a full load would drop this mark).
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await panel
      .getByRole("group", { name: /^Actors/ })
      .getByRole("checkbox")
      .first()
      .tap();
    await expect(page).toHaveURL(/[?&]actor=/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  test("a swipe that scrolls starts nothing; a tap does", async ({ page }) => {
    const scripts = watchScripts(page);
    await page.goto("/articles/us-israel-diverge-regional-files");
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", y: number) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints: type === "touchEnd" ? [] : [{ x: 200, y }],
      });
    await touch("touchStart", 700);
    for (let y = 650; y >= 200; y -= 50) await touch("touchMove", y);
    await touch("touchEnd", 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    await page.waitForTimeout(500);
    expect(scripts()).toEqual([]);
    await expect(hydrated(page)).toHaveCount(0);
    await page.locator("main p").first().tap();
    await expect(hydrated(page)).toHaveCount(1);
  });

  test("what is ticked before the scripts have run is applied once they have", async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto("/timeline");
    await page.getByText("Filters", { exact: true }).tap();
    const box = page
      .getByRole("group", { name: /^Actors/ })
      .getByRole("checkbox")
      .first();
    const slug = await box.getAttribute("value");
    await box.tap();
    await expect(box).toBeChecked();
    await expect(hydrated(page)).toHaveCount(0);
    await release();
    await expect(hydrated(page)).toHaveCount(1);
    await expect(page).toHaveURL(new RegExp(`[?&]actor=${slug}(&|$)`));
    await expect(box).toBeChecked();
  });

  test("what is typed into search before the scripts have run stays, and gets its suggestions", async ({
    page,
  }) => {
    const release = await holdScripts(page);
    await page.goto("/timeline");
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.tap();
    await search.pressSequentially("iran");
    await expect(hydrated(page)).toHaveCount(0);
    await release();
    await expect(hydrated(page)).toHaveCount(1);
    await expect(page.getByRole("combobox", { name: "Search" })).toHaveValue("iran");
    await expect(
      page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").first(),
    ).toBeVisible();
  });

  test("an opened matrix cell does not take focus from where the reader's first use put it", async ({
    page,
  }) => {
    const release = await holdScripts(page);
    await page.goto("/matrix?cell=us-iran-nuclear-diplomacy:us-israel-diverge-regional-files");
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.tap();
    await release();
    await expect(hydrated(page)).toHaveCount(1);
    await page.waitForTimeout(300);
    await expect(page.getByRole("combobox", { name: "Search" })).toBeFocused();
  });
});
