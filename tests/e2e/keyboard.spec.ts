import { expect, test, type Page } from "@playwright/test";
import { issuesResponse } from "@/lib/api/schemas";

// Keyboard only: no clicks, no page.goto after the first page. Focus must always be visible.

/** Presses Tab until the focused element matches, up to a limit; fails if it never does. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; href: string | null }) => boolean,
  limit = 250,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el
        ? { tag: el.tagName, text: (el.textContent ?? "").trim(), href: el.getAttribute("href") }
        : null;
    });
    if (focused && matches(focused)) return;
  }
  throw new Error("never reached the element by Tab");
}

/** The focused element shows a visible outline or ring. */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  expect(
    (style.outline !== "none" && style.width >= 2) || style.shadow !== "none",
    JSON.stringify(style),
  ).toBe(true);
}

test("the first Tab reaches a skip link that moves focus to the content", async ({ page }) => {
  await page.goto("/issues");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press("Tab");
  // The next stop is inside the main content, not back in the header.
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});

test("keyboard only: read an issue, follow a quote to its paragraph, open a matrix cell", async ({
  page,
  request,
}) => {
  const { issues } = issuesResponse.parse(await (await request.get("/api/v1/issues")).json());
  const issue = issues.find((i) => i.divergence.length > 1) ?? issues[0]!;

  await page.goto("/issues");
  await tabTo(page, (el) => el.tag === "A" && el.href === `/issues/${issue.slug}`);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/issues/${issue.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(issue.title);

  await tabTo(page, (el) => el.tag === "A" && /^\/articles\/[^#]+#p-\d+$/.test(el.href ?? ""));
  await expectVisibleFocus(page);
  const href = await page.evaluate(() => document.activeElement!.getAttribute("href")!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  const paragraph = page.locator(href.slice(href.indexOf("#")));
  await expect(paragraph).toBeInViewport();
  expect(await paragraph.evaluate((el) => el.matches(":target"))).toBe(true);

  await tabTo(page, (el) => el.tag === "A" && el.href === "/matrix");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/matrix$/);
  await tabTo(page, (el) => el.tag === "A" && (el.href ?? "").includes(`cell=${issue.slug}:`));
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`cell=${issue.slug}(:|%3A)`));
  await expect(page.getByTestId("cell-panel")).toBeVisible();
  await expect(page.getByTestId("cell-panel").locator("q").first()).toBeVisible();
});

test("keyboard only: filter the timeline by an actor", async ({ page }) => {
  await page.goto("/timeline");
  // Tab to the first actor checkbox in the filter form and tick it with Space.
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press("Tab");
    const isActorBox = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.type === "checkbox" && el.name === "actor" ? el.value : null;
    });
    if (isActorBox) {
      await expectVisibleFocus(page);
      await page.keyboard.press("Space");
      // The address changes once the filtered page has been rendered and fetched: seconds on a busy machine.
      await expect(page).toHaveURL(new RegExp(`[?&]actor=${isActorBox}(&|$)`), { timeout: 20_000 });
      const api = (await (await page.request.get(`/api/v1/events?actor=${isActorBox}`)).json()) as {
        total: number;
      };
      await expect(page.getByText(new RegExp(`\\b${api.total} events?\\b`)).first()).toBeVisible();
      return;
    }
  }
  throw new Error("no actor checkbox reached by Tab");
});

test("motion follows prefers-reduced-motion", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/issues");
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
  await page.emulateMedia({ reducedMotion: "no-preference" });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("smooth");
  // Nothing on the page animates or transitions when reduced motion is asked for.
  await page.emulateMedia({ reducedMotion: "reduce" });
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll("*")].filter((el) => {
        const s = getComputedStyle(el);
        return (
          (s.animationName !== "none" && s.animationDuration !== "0s") ||
          parseFloat(s.transitionDuration) > 0.01
        );
      }).length,
  );
  expect(moving).toBe(0);
});
