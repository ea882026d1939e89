import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { matrixResponse } from "@/lib/api/schemas";
import { runDbBuild } from "../support/db-build";
import { FIXTURE_DIR } from "../support/fixtures";
import { scratchDir } from "../support/scratch";
import { startServer, type RunningServer } from "../support/server";

// The matrix compares any two actors. The fixture content rates a second pair, the United States and Iran (one
// rating, in winter-brief); a server over it must list that pair, link to it, and show its rating — from
// either side.

let dir: string;
let server: RunningServer;

test.beforeAll(async () => {
  dir = scratchDir("any-pair-");
  const db = path.join(dir, "fixture.db");
  const built = runDbBuild(FIXTURE_DIR, db);
  expect(built.status, built.stderr).toBe(0);
  server = await startServer({ env: { DATABASE_URL: `file:${db}` } });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    console.error(`--- server output ---\n${server?.output()}`);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("a pair other than the US and Israel is listed, linked and shown with its own rating", async ({
  page,
}) => {
  await page.goto(`${server.url}/matrix`);
  const pairs = page.getByText("Rated pairs:");
  await expect(pairs).toContainText("United States and Israel (2 ratings)");
  await expect(pairs).toContainText("United States and Iran (1 rating)");
  const link = pairs.getByRole("link", { name: "United States and Iran" });
  await expect(link).toHaveAttribute("href", "/matrix?a=us&b=iran#view");
  await link.click();
  await expect(page).toHaveURL(/\/matrix\?a=us&b=iran#view$/);
  await expect(page).toHaveTitle(/^United States–Iran divergence matrix/);
  await expect(page.getByRole("link", { name: "United States and Iran" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await expect(page.getByTestId("no-ratings")).toHaveCount(0);
  const cell = (issue: string, article: string) =>
    page.locator(`tr[data-issue="${issue}"] td[data-snapshot="${article}"]`);
  await expect(cell("iran-talks", "winter-brief")).toHaveAttribute("data-level", "aligned");
  await expect(cell("iran-talks", "winter-brief").getByRole("link")).toHaveAccessibleName(/aligned/);
  // US–Israel ratings are not this pair's: the other cells are unrated.
  await expect(cell("iran-talks", "spring-brief")).not.toHaveAttribute("data-level", /.+/);
  await expect(cell("iran-missiles", "winter-brief")).not.toHaveAttribute("data-level", /.+/);

  await cell("iran-talks", "winter-brief").getByRole("link").click();
  await expect(page).toHaveURL(/[?&]cell=iran-talks(:|%3A)winter-brief/);
  await expect(page.getByTestId("cell-panel")).toContainText("Both sides are back at the table.");

  // From Iran's side: the same rating.
  await page.goto(`${server.url}/matrix?a=iran&b=us`);
  await expect(cell("iran-talks", "winter-brief")).toHaveAttribute("data-level", "aligned");
});

test("the JSON API gives the pair's rating in either order", async ({ request }) => {
  for (const [a, b] of [
    ["us", "iran"],
    ["iran", "us"],
  ]) {
    const response = await request.get(`${server.url}/api/v1/matrix?a=${a}&b=${b}`);
    expect(response.status()).toBe(200);
    const matrix = matrixResponse.parse(await response.json());
    expect(matrix.rows.map((r) => [r.issue, r.cells.map((c) => `${c.article}:${c.level}`)])).toEqual([
      ["iran-talks", ["winter-brief:aligned"]],
      ["iran-missiles", []],
    ]);
  }
});
