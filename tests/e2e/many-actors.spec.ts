import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { envFor } from "@/lib/env";
import { OFFERED_ACTORS } from "@/lib/views/timeline";
import { dbBuildArgs } from "../../scripts/lib/run";
import { startServer, type RunningServer } from "../../scripts/lib/server";
import { writeSyntheticCorpus } from "../../scripts/lib/synthetic-corpus";
import { scratchDir } from "../support/scratch";

// The timeline over a corpus with more actors than its filter form offers as checkboxes (the synthetic one the
// benchmark uses, smaller): the form offers those with the most events, the find field looks up any other, and each
// listed event links to its own page for the evidence instead of carrying it.

const ACTORS = 60;
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = scratchDir("many-actors-");
  const content = path.join(dir, "content");
  const db = path.join(dir, "many.db");
  writeSyntheticCorpus(content, { events: 400, actors: ACTORS, issues: 6, articles: 5, seed: 3 });
  const built = spawnSync(process.execPath, dbBuildArgs(content, db, "--quiet"), { encoding: "utf8" });
  expect(built.status, built.stderr).toBe(0);
  server = await startServer({ env: envFor({ db }), readyPath: "/api/v1/events" });
});

test.afterAll(async () => {
  await server?.stop();
});

const actorGroup = (page: Page) => page.getByRole("group", { name: /^Actors/ });

test("the form offers the actors with the most events; the find field looks up the others", async ({
  page,
}) => {
  // On a wide screen the filter panel opens by itself once the page is hydrated.
  await page.goto(`${server.base}/timeline`);
  const boxes = actorGroup(page).getByRole("checkbox");
  await expect(boxes).toHaveCount(OFFERED_ACTORS);
  await expect(actorGroup(page)).toContainText(/The 24 with the most events; find any of the \d+ above/);

  // An actor with few events is not offered until looked up, by name or by alias.
  const offered = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  let other = "";
  for (let i = ACTORS; i > 0 && !other; i--) {
    const slug = `actor-${String(i).padStart(3, "0")}`;
    if (offered.includes(slug)) continue;
    const answer = await page.request.get(`${server.base}/api/v1/events?actor=${slug}&limit=1`);
    if (answer.ok() && ((await answer.json()) as { total: number }).total > 0) other = slug;
  }
  expect(other).not.toBe("");
  const number = other.slice("actor-".length);
  await page.getByPlaceholder("Find an actor").fill(`Actor ${number}`);
  const found = actorGroup(page).getByRole("checkbox", { name: `Synthetic Actor ${number}` });
  await expect(found).toBeVisible();
  await found.check();
  await expect(page).toHaveURL(new RegExp(`/timeline\\?actor=${other}$`));
  // Chosen, it is offered from then on, with its count.
  await expect(
    actorGroup(page).getByRole("checkbox", { name: new RegExp(`^Synthetic Actor ${number} \\d+$`) }),
  ).toBeChecked();
  await expect(page.locator("main li > article").first()).toContainText(`Synthetic Actor ${number}`);
});

test("listed events carry no evidence; each links to its page, which does", async ({ page }) => {
  await page.goto(`${server.base}/timeline?per=100`);
  const events = page.locator("main li > article");
  await expect(events).toHaveCount(100);
  await expect(page.locator("main li > article q.quote, main li > article details")).toHaveCount(0);
  const link = events.nth(40).getByRole("link", { name: /^Evidence \(\d+ quotes?\) and dating$/ });
  const href = (await link.getAttribute("href"))!;
  const response = await page.request.get(`${server.base}${href}`);
  // Event pages are prerendered from the real content; this corpus's are not built, so its links are checked for
  // shape here and the page itself in timeline.spec.ts.
  expect(href).toMatch(/^\/events\/synthetic-event-\d+$/);
  expect([200, 404]).toContain(response.status());
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form says where every actor is", async ({ page }) => {
    await page.goto(`${server.base}/timeline`);
    await page.getByText("Filters", { exact: true }).click();
    await expect(actorGroup(page).getByRole("checkbox")).toHaveCount(OFFERED_ACTORS);
    await expect(actorGroup(page).getByRole("link", { name: "the actors page" })).toHaveAttribute(
      "href",
      "/actors",
    );
  });
});
