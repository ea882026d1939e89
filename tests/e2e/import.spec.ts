import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse, stringify } from "yaml";
import { envFor } from "../../lib/env";
import { IMPORT_PORT } from "../../playwright.config";
import { tsxArgs } from "../../scripts/lib/run";

// A new user's journey: import a saved page, accept its drafts by editing the files, `npm start`, and find the
// event on the timeline filtered by its actor and the position on its issue page. A hostile page (scripts, frames,
// script links, hidden text) is published too, and must read as inert text; a copy of it left a draft must not reach
// the site at all. The app is built over its own copy of the content, in its own folder.
const ARTICLE = "oslo-round-ends-without-deal-allies";
const HOSTILE = "border-crossing-reopens-after-weeks-talks";
const DRAFT_ONLY = "kessel-draft";
const DIST = ".next-import";

let root: string;
let server: ChildProcess | null = null;
let log = "";
let event: { slug: string; title: string };
let position: { stance: string };

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(10 * 60_000);
  // A fixed folder: the same content at the same path is the same build, so a rerun reuses the app build.
  root = path.resolve("tests/.tmp/import-e2e");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const content = path.join(root, "content");
  cpSync("tests/fixtures/content", content, { recursive: true });

  // 1. Import the saved pages: the hostile one twice, the second copy to stay a draft.
  const added = run(
    tsxArgs("scripts/article-add.ts", "tests/fixtures/import/oslo-talks.html", "--content", content),
  );
  expect(added).toContain(`articles/${ARTICLE}.md`);
  const hostilePage = "tests/fixtures/import/hostile-page.html";
  run(tsxArgs("scripts/article-add.ts", hostilePage, "--content", content));
  run(tsxArgs("scripts/article-add.ts", hostilePage, "--slug", DRAFT_ONLY, "--content", content));

  // 2. Accept by editing the files: move the Tuesday event, Israel's position and the actors into the annotation
  // file as they are, and publish the articles by writing their perspective and deleting `review: draft`.
  const draftFile = path.join(content, "drafts", `${ARTICLE}.yaml`);
  const draft = parse(readFileSync(draftFile, "utf8"));
  const accepted = draft.events.find((e: { date: { stated: string } }) => e.date.stated === "on Tuesday");
  const stance = draft.positions.find(
    (p: { actor: string; issue: string }) => p.actor === "israel" && p.issue === "iran-missiles",
  );
  expect(accepted).toMatchObject({ actors: ["us", "iran"], date: { start: "2026-03-03", precision: "day" } });
  expect(stance).toBeTruthy();
  [event, position] = [accepted, stance];
  writeFileSync(
    path.join(content, "annotations", `${ARTICLE}.yaml`),
    stringify({ events: [accepted], positions: [stance], actors: draft.actors }),
  );
  writeFileSync(
    draftFile,
    stringify({
      ...draft,
      events: draft.events.filter((e: unknown) => e !== accepted),
      positions: draft.positions.filter((p: unknown) => p !== stance),
      actors: [],
    }),
  );
  for (const slug of [ARTICLE, HOSTILE]) {
    const articleFile = path.join(content, "articles", `${slug}.md`);
    const accepted = readFileSync(articleFile, "utf8")
      .replace("\nreview: draft\n", "\n")
      .replace(
        '  text: ""\n  basis: ""',
        "  text: A fictional news analysis.\n  basis: Written for the test.",
      );
    writeFileSync(articleFile, accepted);
  }
  const checked = run(tsxArgs("scripts/content-check.ts", "--content", content));
  expect(checked).toContain(`articles/${DRAFT_ONLY}.md is a draft (review: draft): checked, not loaded.`);

  // 3. npm start, over this content, into its own database and build folder.
  server = spawn(process.execPath, tsxArgs("scripts/start.ts"), {
    detached: true,
    env: {
      ...process.env,
      ...envFor({ dist: DIST, db: path.join(root, "import.db"), content }),
      PORT: String(IMPORT_PORT),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 9 * 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start exited:\n${log}`);
    const up = await fetch(`http://127.0.0.1:${IMPORT_PORT}/api/v1/articles`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`npm start did not answer in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  // IMPORT_E2E_KEEP=1 keeps the content and database, to start the same app again and look at it.
  if (root && !process.env.IMPORT_E2E_KEEP) rmSync(root, { recursive: true, force: true });
});

test("the accepted event is on the timeline filtered by its actor", async ({ page }) => {
  await page.goto("/timeline?actor=iran");
  const item = page.locator(`main li > article#e-${event.slug}`);
  await expect(item).toBeVisible();
  await expect(item).toContainText(event.title);
  await expect(item).toContainText("3 Mar 2026");
  await page.goto("/timeline?actor=israel");
  // Israel has no events here, so its filter has no box in the form: once hydrated, the page keeps it all the same.
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  // A change of filters after hydration would fetch the new view: quiet first, then nothing has changed.
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveURL(/\/timeline\?actor=israel$/);
  await expect(page.locator(`#e-${event.slug}`)).toHaveCount(0);
});

test("the accepted position is on its issue page, with its quote", async ({ page }) => {
  await page.goto("/issues/iran-missiles");
  const card = page.locator(`#position-${ARTICLE}-israel`);
  await expect(card).toBeVisible();
  await expect(card).toContainText(position.stance);
  await expect(card).toContainText("must also curb its ballistic missiles");
});

test("the article lists its actors, and an actor lists the article, as inert text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));
  await page.goto(`/articles/${ARTICLE}`);
  const actors = page.getByRole("navigation", { name: "Actors in this article" });
  await expect(actors.getByRole("link")).toHaveText([
    "United States",
    "Iran",
    "The President",
    "Israel",
    "The Prime Minister",
  ]);
  await expect(page.locator("main iframe, main script:not([type])")).toHaveCount(0);
  await page.goto("/actors/iran");
  const discussed = page.locator("dl > div", { has: page.locator("dt", { hasText: "Discussed in" }) });
  await expect(discussed.getByRole("link")).toHaveText([
    "Oslo round ends without a deal as allies split over missiles",
  ]);
  expect(dialogs).toEqual([]);
});

test("a hostile page reads as inert text: no script runs, no frame loads, script links are words", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));
  await page.goto(`/articles/${HOSTILE}`);
  const main = page.getByRole("main");
  await expect(main).toContainText("“<script>alert(1)</script> is not a valid permit code”");
  await expect(main).toContainText("before noon. Officials on both sides");
  await expect(main).not.toContainText("Hidden text");
  await expect(main.getByRole("link", { name: "Officials" })).toHaveCount(0);
  await expect(main.getByRole("link", { name: "the traffic figures" })).toHaveAttribute(
    "href",
    "https://dispatch.example.org/kessel-figures",
  );
  await expect(page.locator("iframe, object, embed, [onclick], a[href^='javascript:' i]")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("the article left a draft reaches neither the pages, the API nor the sitemap", async ({
  page,
  request,
}) => {
  expect((await request.get(`/articles/${DRAFT_ONLY}`)).status()).toBe(404);
  const articles = await (await request.get("/api/v1/articles")).text();
  expect(articles).toContain(ARTICLE);
  expect(articles).not.toContain(DRAFT_ONLY);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/articles/${ARTICLE}`);
  expect(sitemap).not.toContain(DRAFT_ONLY);
  await page.goto("/articles");
  // The published copy is listed once; the draft, with the same title, is not.
  await expect(page.getByRole("main").getByRole("link", { name: /Border crossing reopens/ })).toHaveCount(1);
  await expect(page.locator(`a[href$="/${DRAFT_ONLY}"]`)).toHaveCount(0);
});
