import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { EVENT_CSV_COLUMNS } from "@/lib/api/events-csv";
import { errorResponse, eventsResponse, issueResponse } from "@/lib/api/schemas";
import { DEFAULT_PAGE_SIZE } from "@/lib/url-state/hrefs";
import { parseCsv } from "../support/csv";

// The timeline against `next start` over the real content: what it lists is checked against the JSON API for
// the same query, which is itself checked against the database in the integration tests.

/** Slugs of the events the page lists, in order. */
async function listedSlugs(page: Page): Promise<string[]> {
  const ids = await page.locator("main li > article[id^='e-']").evaluateAll((els) => els.map((e) => e.id));
  return ids.map((id) => id.slice(2));
}

async function apiSlugs(request: APIRequestContext, query: string): Promise<string[]> {
  const response = await request.get(`/api/v1/events${query ? `?${query}` : ""}`);
  expect(response.status()).toBe(200);
  return eventsResponse.parse(await response.json()).events.map((e) => e.slug);
}

/** The page lists the first page of what the API returns for the same filters. */
async function expectListMatches(
  page: Page,
  request: APIRequestContext,
  query: string,
  perPage = DEFAULT_PAGE_SIZE,
) {
  const expected = (await apiSlugs(request, query)).slice(0, perPage);
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(() => listedSlugs(page)).toEqual(expected);
}

/** The plain chart's bar heights, a place per period: 0 where the period is empty and holds no bar. */
const barHeights = (columns: Element[]) =>
  columns.map((column) => column.firstElementChild?.getBoundingClientRect().height ?? 0);

const actorBox = (page: Page, name: string) =>
  page.getByRole("group", { name: /^Actors/ }).getByRole("checkbox", { name: new RegExp(`^${name} \\d+$`) });

test.describe("timeline filters", () => {
  test("one actor, then two: the URL changes, the list matches the API, reload and Back keep it", async ({
    page,
    request,
  }) => {
    await page.goto("/timeline");
    await expectListMatches(page, request, "");

    await actorBox(page, "United States").check();
    await expect(page).toHaveURL(/\/timeline\?actor=us$/);
    await expectListMatches(page, request, "actor=us");

    await actorBox(page, "Iran").check();
    await expect(page).toHaveURL(/\/timeline\?actor=us&actor=iran$/);
    await expectListMatches(page, request, "actor=us&actor=iran");
    await expect(page.getByRole("list", { name: "Active filters" }).getByRole("link")).toHaveText([
      /Actor United States/,
      /Actor Iran/,
      "Clear all",
    ]);

    await page.reload();
    await expect(page).toHaveURL(/\?actor=us&actor=iran$/);
    await expectListMatches(page, request, "actor=us&actor=iran");
    await expect(actorBox(page, "Iran")).toBeChecked();

    await page.goBack();
    await expect(page).toHaveURL(/\/timeline\?actor=us$/);
    await expectListMatches(page, request, "actor=us");
    await expect(actorBox(page, "Iran")).not.toBeChecked();
    await expect(actorBox(page, "United States")).toBeChecked();

    await page.goBack();
    await expect(page).toHaveURL(/\/timeline$/);
    await expectListMatches(page, request, "");
  });

  test("all-of mode, issue and date filters; a chip removes one filter", async ({ page, request }) => {
    await page.goto("/timeline?actor=us&actor=iran");
    await page.getByRole("radio", { name: "all of these actors" }).check();
    // The page is rendered from the link's canonical form (lib/url-state/canonical.ts): repeated values sorted.
    await expect(page).toHaveURL(/\?actor=iran&actor=us&mode=all$/);
    await expectListMatches(page, request, "actor=us&actor=iran&mode=all");

    await page.getByLabel("From").fill("2026-01-01");
    await page.getByLabel("From").press("Enter");
    await expect(page).toHaveURL(/\?actor=iran&actor=us&mode=all&from=2026-01-01$/);
    await expectListMatches(page, request, "actor=us&actor=iran&mode=all&from=2026-01-01");

    await page.getByRole("link", { name: "Remove filter: Actor Iran" }).click();
    await expect(page).toHaveURL(/\?actor=us&from=2026-01-01$/);
    await expectListMatches(page, request, "actor=us&from=2026-01-01");
    await expect(page.getByLabel("From")).toHaveValue("2026-01-01");

    await page.goBack();
    await expect(page).toHaveURL(/\?actor=iran&actor=us&mode=all&from=2026-01-01$/);
  });

  test("a cold deep link with filters renders the same list", async ({ page, request }) => {
    const query = "actor=israel&issue=us-iran-nuclear-diplomacy&from=2025-06-01&to=2026-12-31";
    const response = await page.goto(`/timeline?${query}`);
    expect(response?.status()).toBe(200);
    await expectListMatches(page, request, query);
    await expect(page.locator("#result-count")).toContainText("matching these filters");
    await expect(page.locator("link[rel=canonical]")).toHaveAttribute(
      "href",
      new RegExp(`/timeline\\?${query}$`),
    );
    await expect(page).toHaveTitle(/^Timeline: events involving Israel/);
  });

  test("clicking a month in the chart narrows the dates to it", async ({ page, request }) => {
    await page.goto("/timeline");
    const chart = page.getByRole("img", { name: /^Bar chart of events per month/ });
    await expect(chart).toBeVisible();
    // Drawn with the page: plain bars, no chart library yet; a click on one narrows the list already.
    await expect(chart).toHaveAttribute("data-chart", "plain");
    const columns = chart.getByTestId("period-columns").locator(":scope > span");
    // A place per month from the first to the last, a bar standing where the table (periods with none left out) has
    // a row.
    const heights = await columns.evaluateAll(barHeights);
    const rows = page.locator("details table tbody tr");
    expect(heights.filter((h) => h > 0).length).toBe(await rows.count());
    expect(heights.length).toBeGreaterThan(await rows.count());
    await columns.last().click({ position: { x: 2, y: 2 } });
    await expect(page).toHaveURL(/\/timeline\?from=2026-02-01&to=2026-02-28$/);
    await expectListMatches(page, request, "from=2026-02-01&to=2026-02-28");
    // The same counts, as links, without the drawing.
    await page.getByText("The counts as a table").click();
    await expect(page.getByRole("table").getByRole("link", { name: "February 2026" })).toHaveAttribute(
      "href",
      "/timeline?from=2026-02-01&to=2026-02-28",
    );
  });

  test("pointing at the chart brings recharts, with the same bars, and its bars narrow too", async ({
    page,
    request,
  }) => {
    await page.goto("/timeline");
    const chart = page.getByRole("img", { name: /^Bar chart of events per month/ });
    const plainHeights = (
      await chart.getByTestId("period-columns").locator(":scope > span").evaluateAll(barHeights)
    ).map(Math.round);
    await chart.hover();
    const bars = page.locator(".recharts-bar-rectangle");
    await expect(bars.last()).toBeVisible();
    await expect(page.getByRole("img", { name: /^Bar chart/ })).not.toHaveAttribute("data-chart", "plain");
    // Same scale: recharts' bars stand as tall as the plain ones did (within a pixel or two of rounding).
    const drawn = await page
      .locator(".recharts-bar-rectangle path")
      .evaluateAll((paths) => paths.map((path) => Math.round(path.getBoundingClientRect().height)));
    const nonEmpty = plainHeights.filter((h) => h > 0);
    expect(drawn.length).toBe(nonEmpty.length);
    drawn.forEach((h, i) =>
      expect(Math.abs(h - nonEmpty[i]!), `bar ${i}: ${h} vs ${nonEmpty[i]}`).toBeLessThanOrEqual(2),
    );
    await bars.last().click();
    await expect(page).toHaveURL(/\/timeline\?from=2026-02-01&to=2026-02-28$/);
    await expectListMatches(page, request, "from=2026-02-01&to=2026-02-28");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form filters, chips are links, and the page is complete", async ({ page, request }) => {
    await page.goto("/timeline");
    // The chart is drawn on the server: its bars are there without JavaScript.
    await expect(
      page
        .getByRole("img", { name: /^Bar chart/ })
        .getByTestId("period-columns")
        .locator(":scope > span > span")
        .last(),
    ).toBeVisible();
    await expect(page.locator(".recharts-surface")).toHaveCount(0);
    await page.getByText("Filters", { exact: true }).click();
    await actorBox(page, "Iran").check();
    await actorBox(page, "Israel").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\/timeline\?actor=israel&actor=iran&mode=any/);
    await expectListMatches(page, request, "actor=israel&actor=iran");
    await page.getByRole("link", { name: "Remove filter: Actor Israel" }).click();
    await expect(page).toHaveURL(/\/timeline\?actor=iran$/);
    await expectListMatches(page, request, "actor=iran");
    // Each event links to its own page, which carries the evidence, without JavaScript.
    const first = page.locator("main li > article").first();
    const title = await first.locator("h4").innerText();
    await first.getByRole("link", { name: /^Evidence \(\d+ quotes?\) and dating$/ }).click();
    await expect(page).toHaveURL(/\/events\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(page.locator("#evidence q").first()).toBeVisible();
  });
});

test.describe("bad input and edges", () => {
  test("invalid or unknown parameters are dropped with a note, never a 500", async ({ page, request }) => {
    for (const query of [
      "actor=atlantis&from=2026-13-45&page=abc&per=7&colour=red",
      "to=yesterday&mode=sometimes&issue=%00%FF",
      "from=2026-01-01&to=2025-01-01",
      `actor=${"x".repeat(500)}`,
    ]) {
      const response = await page.goto(`/timeline?${query}`);
      expect(response?.status(), query).toBe(200);
      const note = page.getByRole("note");
      await expect(note, query).toContainText("was not understood and was left out");
      await expectListMatches(page, request, "");
    }
    await page.goto("/timeline?actor=atlantis&actor=iran");
    await expect(page.getByRole("note")).toContainText("unknown actor “atlantis”");
    await expectListMatches(page, request, "actor=iran");
    await page.getByRole("link", { name: "Use the corrected link" }).click();
    await expect(page).toHaveURL(/\/timeline\?actor=iran$/);
    await expect(page.getByRole("note")).toHaveCount(0);
  });

  test("a filter with no events says how to widen it", async ({ page }) => {
    await page.goto("/timeline?actor=iran&from=1900-01-01&to=1900-12-31");
    await expect(page.locator("#result-count")).toHaveText("No events match.");
    const widen = page.getByRole("link", { name: "Remove from “1 Jan 1900”" });
    await expect(widen).toHaveAttribute("href", "/timeline?actor=iran&to=1900-12-31");
    await page.getByRole("link", { name: "Remove to “31 Dec 1900”" }).click();
    await expect(page).toHaveURL(/\/timeline\?actor=iran&from=1900-01-01$/);
    await expect(page.locator("main li > article").first()).toBeVisible();
  });

  test("pages: previous, next and numbers in the URL; past the end is a clean empty page", async ({
    page,
    request,
  }) => {
    const all = await apiSlugs(request, "");
    expect(all.length).toBeGreaterThan(10);
    await page.goto("/timeline?per=10");
    await expect(page.locator("#result-count")).toHaveText(`Showing 1–10 of ${all.length} events`);
    await expect.poll(() => listedSlugs(page)).toEqual(all.slice(0, 10));
    const pages = page.getByRole("navigation", { name: "Pages of events" });
    await pages.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/\/timeline\?page=2&per=10$/);
    await expect(page.locator("#result-count")).toHaveText(`Showing 11–20 of ${all.length} events`);
    await expect.poll(() => listedSlugs(page)).toEqual(all.slice(10, 20));
    await expect(pages.locator("[aria-current=page]")).toHaveText("Page 2");
    const last = Math.ceil(all.length / 10);
    await pages.getByRole("link", { name: `Page ${last}`, exact: true }).click();
    await expect.poll(() => listedSlugs(page)).toEqual(all.slice((last - 1) * 10));

    const response = await page.goto("/timeline?page=99&per=10");
    expect(response?.status()).toBe(200);
    await expect(page.locator("#result-count")).toContainText("No events on page 99");
    await page.getByRole("link", { name: "Back to the first page" }).click();
    await expect(page).toHaveURL(/\/timeline\?per=10$/);
    await expect.poll(() => listedSlugs(page)).toEqual(all.slice(0, 10));
  });

  test("/timeline#e-<slug> lands on the event", async ({ page, request }) => {
    const slugs = await apiSlugs(request, "");
    const slug = slugs[Math.min(slugs.length, DEFAULT_PAGE_SIZE) - 1]!;
    await page.goto(`/timeline#e-${slug}`);
    const target = page.locator(":target");
    await expect(target).toHaveAttribute("id", `e-${slug}`);
    await expect(target).toBeInViewport();
  });
});

test.describe("links into the timeline", () => {
  test("an issue page opens its events in the timeline", async ({ page, request }) => {
    const slug = "us-iran-nuclear-diplomacy";
    const issue = issueResponse.parse(await (await request.get(`/api/v1/issues/${slug}`)).json());
    await page.goto(`/issues/${slug}`);
    await page.getByRole("link", { name: "Open these events in the timeline" }).click();
    await expect(page).toHaveURL(new RegExp(`/timeline\\?issue=${slug}$`));
    await expect
      .poll(async () => (await listedSlugs(page)).sort())
      .toEqual(
        issue.events
          .map((e) => e.slug)
          .slice(0, DEFAULT_PAGE_SIZE)
          .sort(),
      );
  });

  test("an event's page: its date, who says it, its quotes in context, and its place in the timeline", async ({
    page,
    request,
  }) => {
    // The 30th event: on the timeline's second page, so the link back has to find the page.
    const events = eventsResponse.parse(await (await request.get("/api/v1/events")).json()).events;
    const event = events[DEFAULT_PAGE_SIZE + 4]!;
    const response = await page.goto(`/events/${event.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(event.title);
    await expect(page.locator("main")).toContainText(`stated as ${event.date.stated}`);
    const quotes = page.locator("#evidence li");
    await expect(quotes).toHaveCount(event.evidence.length);
    await expect(quotes.first().locator("q")).toHaveText(event.evidence[0]!.quote);
    await expect(quotes.first().getByRole("link")).toHaveAttribute(
      "href",
      `/articles/${event.evidence[0]!.article}#p-${event.evidence[0]!.paragraph}`,
    );
    await page.getByRole("link", { name: "See it on the timeline →" }).click();
    await expect(page).toHaveURL(new RegExp(`/timeline\\?page=2#e-${event.slug}$`));
    await expect(page.locator(`#e-${event.slug}`)).toBeInViewport();
    expect((await request.get("/events/no-such-event")).status()).toBe(404);
  });

  test("an actor page opens its events in the timeline", async ({ page, request }) => {
    const expected = await apiSlugs(request, "actor=iran");
    await page.goto("/actors/iran");
    await page.getByRole("link", { name: /^Iran in the timeline \(\d+ events\)/ }).click();
    await expect(page).toHaveURL(/\/timeline\?actor=iran$/);
    await expect.poll(() => listedSlugs(page)).toEqual(expected.slice(0, DEFAULT_PAGE_SIZE));
    await expect(page.locator("#result-count")).toContainText(String(expected.length));
  });
});

test.describe("export", () => {
  test("the CSV has the JSON API's events for the same filters, safely escaped", async ({
    page,
    request,
  }) => {
    for (const query of ["", "actor=us&actor=iran", "issue=us-iran-nuclear-diplomacy&from=2026-01-01"]) {
      const json = eventsResponse.parse(await (await request.get(`/api/v1/events?${query}`)).json());
      const response = await request.get(`/api/v1/events.csv?${query}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      expect(response.headers()["content-disposition"]).toMatch(
        /^attachment; filename="faultlines-events.*\.csv"$/,
      );
      const text = (await response.text()).replace(/^\uFEFF/, "");
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual([...EVENT_CSV_COLUMNS]);
      expect(rows.map((r) => [r[0], r[1]])).toEqual(json.events.map((e) => [e.slug, e.title]));
      expect(rows.every((r) => r.length === EVENT_CSV_COLUMNS.length)).toBe(true);
      expect(rows.every((r) => r.every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
    }
    // The page's links carry its filters, in the canonical order (lib/url-state/canonical.ts).
    await page.goto("/timeline?actor=us&actor=iran&page=2&per=10");
    await expect(page.getByRole("link", { name: "CSV", exact: true })).toHaveAttribute(
      "href",
      "/api/v1/events.csv?actor=iran&actor=us",
    );
    await expect(page.getByRole("link", { name: "JSON", exact: true })).toHaveAttribute(
      "href",
      "/api/v1/events?actor=iran&actor=us",
    );
  });

  test("a bad query is a 400 with the same JSON error as the API", async ({ request }) => {
    for (const query of ["actor=atlantis", "from=2026-02-30", "from=2026-02-01&to=2026-01-01"]) {
      const response = await request.get(`/api/v1/events.csv?${query}`);
      expect(response.status(), query).toBe(400);
      expect(errorResponse.parse(await response.json()).issues?.length).toBeGreaterThan(0);
    }
  });
});

test.describe("accessibility and weight", () => {
  for (const url of ["/timeline", "/timeline?actor=us&actor=iran&mode=all", "/timeline?per=10&page=2"]) {
    test(`axe finds no WCAG 2.1 AA violations on ${url}`, async ({ page }) => {
      // axe over a full timeline page can pass 30 s on a shared two-core machine.
      test.setTimeout(60_000);
      await page.goto(url);
      // Both drawings of the chart: the plain one first, then recharts once pointed at.
      const plain = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
      expect(plain.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
      await page.getByRole("img", { name: /^Bar chart/ }).hover();
      await expect(page.locator(".recharts-surface")).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
    });
  }

  test("axe also passes with the filters open on a phone, and on an event's page", async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/timeline?actor=iran");
    await page.getByText("Filters", { exact: true }).click();
    const axe = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect((await axe()).violations.map((v) => v.id)).toEqual([]);
    await page
      .locator("main li > article")
      .first()
      .getByRole("link", { name: /^Evidence/ })
      .click();
    await expect(page.locator("#evidence q").first()).toBeVisible();
    expect((await axe()).violations.map((v) => v.id)).toEqual([]);
  });

  test("recharts loads on the timeline when its chart is pointed at, and nowhere else", async ({
    page,
    request,
  }) => {
    const loaded = async () => {
      const srcs = await page
        .locator("script[src]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("src")!));
      const bodies = await Promise.all(srcs.map(async (src) => (await request.get(src)).text()));
      return bodies.some((body) => body.includes("recharts-surface"));
    };
    const scripts = async (url: string) => {
      await page.goto(url);
      await page.waitForLoadState("load");
      await page.waitForTimeout(300);
      return loaded();
    };
    expect(await scripts("/timeline")).toBe(false);
    await page.getByRole("img", { name: /^Bar chart/ }).hover();
    await page.locator(".recharts-surface").first().waitFor();
    expect(await loaded()).toBe(true);
    for (const url of ["/", "/issues", "/issues/us-iran-nuclear-diplomacy", "/actors/iran", "/articles"]) {
      expect(await scripts(url), url).toBe(false);
    }
  });
});
