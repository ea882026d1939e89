import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { matrixResponse } from "@/lib/api/schemas";
import { startServer, type RunningServer } from "../../scripts/lib/server";
import { projectView, runNode, withSteps } from "../support/project";
import { scratchDir } from "../support/scratch";

// The README's promise: `npm run build` snapshots the built database (prisma/faultlines.db) into
// prisma/serving.db, the server reads only that snapshot, opened read-only, so rebuilding content while it runs
// changes what the next start serves, never what is being served.
//
// Here a server runs in a project folder of its own (links to this one, its own prisma/) over a snapshot of
// content A. While requests keep coming, several at a time, the database steps of `npm run build` run over
// content B (db:build, then the snapshot that replaces prisma/serving.db), and then db:build alone over A again.
// Every request asks something never asked before (a new date filter each time), so the server's in-process memo
// cannot answer it: it must read SQLite, and still answer from snapshot A, also after both files were replaced.
// A restart then serves the latest snapshot (B), not the newer built file beside it (A).
//
// The same server, before any of that, shows the matrix for a pair other than the US and Israel: the fixture
// content rates the United States and Iran once (in winter-brief).

const CONCURRENCY = 4;
/** Requests each client still makes once the files have been replaced. */
const AFTER = 4;
const A_TITLE = "Talks resume in Geneva";
const B_TITLE = "Geneva round, from rebuilt content";

let root: string;
let project: string;
let contentA: string;
let contentB: string;
let server: RunningServer | undefined;
const logs: string[] = [];

/** The database steps of `npm run build` (scripts/lib/steps.ts), run in the test's project over `content`. */
async function buildSteps(content: string, { snapshot = true } = {}) {
  const out = await runNode(
    withSteps(`steps.ensureDatabase(); ${snapshot ? "steps.snapshotDatabase();" : ""}`),
    {
      cwd: project,
      env: { FAULTLINES_CONTENT: content, DATABASE_URL: "" },
    },
  );
  logs.push(out);
}

async function restart() {
  if (server) logs.push(`--- server ${server.base} ---\n${server.output()}`);
  await server?.stop();
  server = await startServer({ cwd: project, env: { DATABASE_URL: "" } });
}

test.beforeAll(async () => {
  // A database build and a server start: past 30 s when the machine is busy.
  test.setTimeout(120_000);
  root = scratchDir("db-swap-");
  project = projectView(path.join(root, "project"));
  contentA = path.resolve("tests/fixtures/content");
  contentB = path.join(root, "content-b");
  cpSync(contentA, contentB, { recursive: true });
  const file = path.join(contentB, "annotations/winter-brief.yaml");
  const text = readFileSync(file, "utf8");
  expect(text).toContain(`title: ${A_TITLE}`);
  writeFileSync(file, text.replace(`title: ${A_TITLE}`, `title: ${B_TITLE}`));
  await buildSteps(contentA);
  await restart();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    console.error(`${logs.join("\n")}\n--- server ${server?.base} ---\n${server?.output()}`);
  }
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

test.describe("any two actors, over the fixture content", () => {
  test("a pair other than the US and Israel is listed, linked and shown with its own rating", async ({
    page,
  }) => {
    await page.goto(`${server!.base}/matrix`);
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
    await page.goto(`${server!.base}/matrix?a=iran&b=us`);
    await expect(cell("iran-talks", "winter-brief")).toHaveAttribute("data-level", "aligned");
  });

  test("the JSON API gives the pair's rating in either order", async ({ request }) => {
    for (const [a, b] of [
      ["us", "iran"],
      ["iran", "us"],
    ]) {
      const response = await request.get(`${server!.base}/api/v1/matrix?a=${a}&b=${b}`);
      expect(response.status()).toBe(200);
      const matrix = matrixResponse.parse(await response.json());
      expect(matrix.rows.map((r) => [r.issue, r.cells.map((c) => `${c.article}:${c.level}`)])).toEqual([
        ["iran-talks", ["winter-brief:aligned"]],
        ["iran-missiles", []],
      ]);
    }
  });
});

/** A date filter no request has used before: a new day from 1 January 1900 on, before every fixture event. */
let probes = 0;
function nextProbe(): string {
  const day = new Date(Date.UTC(1900, 0, 1 + probes++)).toISOString().slice(0, 10);
  return probes % 3 === 0 ? `/timeline?from=${day}` : `/api/v1/events?from=${day}`;
}

test.describe("rebuilding under a running server", () => {
  test.describe.configure({ mode: "serial" });

  test("while db:build and npm run build replace the database files, the server answers from its snapshot", async () => {
    test.setTimeout(180_000);
    const base = server!.base;
    const all = await fetch(`${base}/api/v1/events`);
    expect(all.status).toBe(200);
    const snapshotA = await all.text();
    expect(snapshotA).toContain(A_TITLE);

    let building = true;
    const rebuild = (async () => {
      try {
        await buildSteps(contentB);
        await buildSteps(contentA, { snapshot: false });
      } finally {
        building = false;
      }
    })();

    const problems: string[] = [];
    let answered = 0;
    const worker = async () => {
      let after = AFTER;
      while (building || after-- > 0) {
        const url = nextProbe();
        const response = await fetch(base + url).catch((error: Error) => error);
        if (response instanceof Error) {
          problems.push(`${url}: ${response.message}`);
          continue;
        }
        const body = await response.text();
        answered++;
        if (response.status !== 200) problems.push(`${url}: ${response.status}`);
        else if (url.startsWith("/api/") && body !== snapshotA)
          problems.push(`${url}: not snapshot A's answer`);
        else if (!body.includes(A_TITLE) || body.includes(B_TITLE))
          problems.push(`${url}: not snapshot A's page`);
      }
    };
    await Promise.all([rebuild, ...Array.from({ length: CONCURRENCY }, worker)]);
    expect(problems.slice(0, 10)).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(CONCURRENCY * AFTER);
  });

  test("a restart serves the latest snapshot, not the newer built database beside it", async () => {
    // prisma/serving.db holds B (the snapshot taken above); prisma/faultlines.db holds A (built after it).
    await restart();
    const response = await fetch(`${server!.base}${nextProbe()}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain(B_TITLE);
    expect(body).not.toContain(A_TITLE);
  });
});
