import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";
import { APP_PORT, STUDIO_PORT, STUDIO_PUBLIC_PORT } from "../../playwright.config";
import { tsxArgs } from "../../scripts/lib/run";

// A new user's review in the studio, in a real browser against a real studio server over a scratch copy of the
// fixture content with a fictional article imported by article:add: accept, edit, reject, undo, keyboard, a new
// event from selected words, publish; then `npm start` over the same content shows what was accepted and nothing
// else, and no studio. The studio server here is `next start` over the app build `npm test` made, with the studio
// token set as `npm run studio` sets it (the studio reads its content folder per request, so no second build).
const SLUG = "lakeside-talks";
// A write, then the page's refresh, can take seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 15_000 });
const PUBLIC_PORT = STUDIO_PUBLIC_PORT;
const DIST = ".next-studio";
const STUDIO = `http://127.0.0.1:${STUDIO_PORT}`;
const PUBLIC = `http://127.0.0.1:${PUBLIC_PORT}`;

let root: string;
let content: string;
const servers: ChildProcess[] = [];
let log = "";

function run(args: string[]) {
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function serve(args: string[], env: Record<string, string>, url: string, minutes: number) {
  const server = spawn(process.execPath, args, {
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FAULTLINES_CONTENT: content, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.push(server);
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + minutes * 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${log}`);
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error(`server did not answer in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const files = () => ({
  draft: readFileSync(path.join(content, "drafts", `${SLUG}.yaml`), "utf8"),
  annotation: (() => {
    try {
      return readFileSync(path.join(content, "annotations", `${SLUG}.yaml`), "utf8");
    } catch {
      return null;
    }
  })(),
  article: readFileSync(path.join(content, "articles", `${SLUG}.md`), "utf8"),
});

/** The suggestion card whose heading matches. */
const card = (page: Page, heading: RegExp): Locator =>
  page.locator("[data-studio-item]", { has: page.getByRole("heading", { name: heading }) });
const toast = (page: Page) => page.locator("[data-studio-toast]");

// Generous: the page is large and the machine that runs the suite may be busy.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(3 * 60_000);
  root = path.resolve("tests/.tmp/studio-e2e");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  content = path.join(root, "content");
  cpSync("tests/fixtures/content", content, { recursive: true });
  run(
    tsxArgs(
      "scripts/article-add.ts",
      "tests/fixtures/studio/lakeside-talks.md",
      "--slug",
      SLUG,
      "--published",
      "2026-04-10",
      "--content",
      content,
    ),
  );
  await serve(
    ["node_modules/next/dist/bin/next", "start", "-p", String(STUDIO_PORT), "-H", "127.0.0.1"],
    { FAULTLINES_STUDIO_TOKEN: randomBytes(24).toString("base64url") },
    `${STUDIO}/studio`,
    2,
  );
});

test.afterAll(async () => {
  for (const server of servers) {
    if (server.pid && server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  }
  if (root && !process.env.STUDIO_E2E_KEEP) rmSync(root, { recursive: true, force: true });
});

test("the public server has no studio: 404 for the pages and the write endpoint", async ({ request }) => {
  const app = `http://127.0.0.1:${APP_PORT}`;
  expect((await request.get(`${app}/studio`)).status()).toBe(404);
  expect((await request.get(`${app}/studio/${SLUG}`)).status()).toBe(404);
  const write = await request.post(`${app}/api/studio/${SLUG}`, {
    form: { op: "publish" },
    headers: { origin: app },
  });
  expect(write.status()).toBe(404);
});

test("/studio lists the imported article; both studio pages are axe clean", async ({ page }) => {
  await page.goto("/studio");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles to review");
  await expect(
    page.getByRole("link", { name: "Lakeside round closes with a calendar but no text" }),
  ).toBeVisible();
  const axe = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect((await axe()).violations).toEqual([]);
  await page.getByRole("link", { name: /Lakeside round/ }).click();
  await expect(page).toHaveURL(new RegExp(`/studio/${SLUG}$`));
  await expect(card(page, /Event: Negotiators from Washington/)).toBeVisible();
  await page
    .locator("details[data-edit]")
    .first()
    .evaluate((d) => ((d as HTMLDetailsElement).open = true));
  expect((await axe()).violations).toEqual([]);
});

test("review: accept, keyboard accept, edit, reject, undo, a new event from selected words, publish", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/studio/${SLUG}`);
  const before = files();

  // Accept an actor with the mouse: it moves into the annotation file.
  await card(page, /^Actor: us$/)
    .getByRole("button", { name: "Accept" })
    .click();
  await expect(toast(page)).toContainText("Accepted the actor.");
  await expect(page.locator("#accepted-actors-0")).toHaveCount(1);

  // Keyboard only: j moves to the first suggestion (the Monday event), a accepts it, focus stays in the list.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j");
  await expect(card(page, /Event: Negotiators from Washington/)).toBeFocused();
  await page.keyboard.press("a");
  await expect(toast(page)).toContainText("Accepted the event.");
  await expect(page.locator("[data-studio-item]:focus")).toHaveCount(1);

  // Edit then accept: the reviewer's title is what gets written.
  const tehran = card(page, /Event: Tehran said/);
  await tehran.getByText("Edit, then accept").click();
  await tehran.getByLabel("Title").fill("Tehran rules out missile talks in the nuclear forum");
  await tehran.getByRole("button", { name: "Accept with these changes" }).click();
  await expect(toast(page)).toContainText("Accepted the event with your changes.");

  // A malformed edit is refused beside its item and writes nothing.
  const president = card(page, /Event: The President told/);
  const unchanged = files();
  await president.getByText("Edit, then accept").click();
  await president.getByLabel("Claim").evaluate((s) => {
    const option = document.createElement("option");
    option.value = option.textContent = "rumour";
    s.append(option);
    (s as HTMLSelectElement).value = "rumour";
  });
  await president.getByRole("button", { name: "Accept with these changes" }).click();
  await expect(president.getByRole("alert")).toContainText("claim must be one of");
  expect(files()).toEqual(unchanged);

  // Reject the President event.
  await president.getByRole("button", { name: "Reject" }).click();
  await expect(toast(page)).toContainText("Rejected the suggestion.");
  await expect(card(page, /Event: The President told/)).toHaveCount(0);

  // Reject a position, then undo with u: it is back.
  await card(page, /Position: us on iran-talks/)
    .getByRole("button", { name: "Reject" })
    .click();
  await expect(card(page, /Position: us on iran-talks/)).toHaveCount(0);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("u");
  await expect(toast(page)).toContainText("Undid the last change.");
  await expect(card(page, /Position: us on iran-talks/)).toHaveCount(1);

  // Select words in paragraph 1: they become the evidence of a new event.
  await page.locator('[data-p="1"] p').evaluate((p) => {
    const node = p.firstChild!;
    const words = "the two sides agreed to exchange draft annexes";
    const at = node.textContent!.indexOf(words);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  const create = page.locator("#create");
  await expect(create.getByLabel("Quote (the evidence, verbatim)")).toHaveValue(
    "the two sides agreed to exchange draft annexes",
  );
  await expect(create.getByLabel("Paragraph", { exact: true })).toHaveValue("1");
  await create.locator("select[name=actor]").selectOption("us");
  await create.locator("select[name=issue]").selectOption("iran-talks");
  await create
    .getByLabel("Title (event) or stance (position)")
    .fill("Both sides agree to swap draft annexes");
  await create
    .getByLabel("Summary, in our words")
    .fill("In Lucerne the two delegations agreed to exchange draft annexes.");
  await create.getByLabel("Stated", { exact: true }).fill("on Monday");
  await create.getByLabel("Start", { exact: true }).fill("2026-04-06");
  await create
    .getByLabel("Basis (how the date was worked out)")
    .fill("Agreed at the Monday round the article reports.");
  await create.getByRole("button", { name: "Add it" }).click();
  await expect(toast(page)).toContainText("Added the event");

  const publish = page.locator("#publish");
  await publish
    .getByLabel(/^Perspective/)
    .fill("A fictional wire service's analysis, written for the tests.");
  await publish.getByLabel(/^Basis/).fill("The fixture was written for this test.");
  await publish.getByRole("button", { name: "Publish the article" }).click();
  await expect(toast(page)).toContainText("Published the article");

  // The files on disk: what was accepted is in the annotation file, what was rejected is gone, the rest waits.
  const after = files();
  const annotation = parse(after.annotation!);
  const draft = parse(after.draft);
  expect(annotation.actors.map((a: { actor: string }) => a.actor)).toEqual(["us"]);
  expect(annotation.events.map((e: { title: string }) => e.title)).toEqual([
    "Negotiators from Washington and Tehran met in Lucerne for a fifth round of indirect talks",
    "Tehran rules out missile talks in the nuclear forum",
    "Both sides agree to swap draft annexes",
  ]);
  expect(annotation.events[2].evidence).toEqual([
    { quote: "the two sides agreed to exchange draft annexes", paragraph: 1 },
  ]);
  expect(draft.events).toEqual([]);
  expect(draft.positions.map((p: { actor: string }) => p.actor)).toEqual(["us", "israel"]);
  expect(after.draft).toContain("# Sentences with a known actor and a date phrase");
  expect(after.article).not.toContain("review: draft");
  expect(after.article).toContain("A fictional wire service's analysis, written for the tests.");
  expect(after.article.split("---\n").at(-1)).toBe(before.article.split("---\n").at(-1));
});

test("two tabs: the second write on a stale page is refused with a clear message, nothing lost", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: STUDIO });
  const [one, two] = [await context.newPage(), await context.newPage()];
  await one.goto(`/studio/${SLUG}`);
  await two.goto(`/studio/${SLUG}`);
  await card(one, /Position: israel on iran-missiles/)
    .getByRole("button", { name: "Accept" })
    .click();
  await expect(toast(one)).toContainText("Accepted the position.");
  const written = files();
  const stale = card(two, /Position: us on iran-talks/);
  await stale.getByRole("button", { name: "Reject" }).click();
  await expect(stale.getByRole("alert")).toContainText("changed since this page was loaded");
  expect(files()).toEqual(written);
  await context.close();
});

test("writes from another origin or without the run's token are refused (403), nothing written", async ({
  page,
  request,
}) => {
  await page.goto(`/studio/${SLUG}`);
  const version = await page.locator('input[name="version"]').first().inputValue();
  const token = await page.locator('input[name="token"]').first().inputValue();
  const before = files();
  const post = (headers: Record<string, string>, form: Record<string, string>) =>
    request.post(`/api/studio/${SLUG}`, {
      headers: { accept: "application/json", ...headers },
      form: { version, op: "reject", section: "positions", index: "0", ...form },
    });
  expect((await post({ origin: "http://evil.example" }, { token })).status()).toBe(403);
  expect((await post({ origin: STUDIO }, { token: "wrong" })).status()).toBe(403);
  expect((await post({ origin: STUDIO }, {})).status()).toBe(403);
  expect(
    (await post({ origin: STUDIO }, { token, op: "accept", section: "../../../etc", index: "0" })).status(),
  ).toBe(400);
  expect(files()).toEqual(before);
});

test("without JavaScript the forms still work: a dismissal round-trips through the server", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: STUDIO, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/studio/${SLUG}`);
  // The assist's notes are folded under their paragraph: a native <details>, no script needed to open it.
  await page.locator("details:not([data-edit])", { hasText: "New name? Lucerne" }).locator("summary").click();
  const candidate = card(page, /New name\? Lucerne/);
  await candidate.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("status").first()).toContainText("Rejected the suggestion.");
  await expect(card(page, /New name\? Lucerne/)).toHaveCount(0);
  await context.close();
});

test("npm start over the reviewed content shows the accepted items only, and no studio", async ({
  page,
  request,
}) => {
  test.setTimeout(12 * 60_000);
  for (const server of servers.splice(0)) {
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  await serve(
    tsxArgs("scripts/start.ts"),
    { PORT: String(PUBLIC_PORT), DATABASE_URL: `file:${path.join(root, "studio.db")}`, NEXT_DIST_DIR: DIST },
    `${PUBLIC}/api/v1/articles`,
    11,
  );
  await page.goto(`${PUBLIC}/timeline?actor=us`);
  const main = page.getByRole("main");
  await expect(main).toContainText("Both sides agree to swap draft annexes");
  await expect(main).toContainText("Negotiators from Washington and Tehran met in Lucerne");
  await expect(main).not.toContainText("The President told reporters");
  await page.goto(`${PUBLIC}/timeline?actor=iran`);
  await expect(page.getByRole("main")).toContainText("Tehran rules out missile talks in the nuclear forum");
  await page.goto(`${PUBLIC}/issues/iran-missiles`);
  await expect(page.locator(`#position-${SLUG}-israel`)).toBeVisible();
  await page.goto(`${PUBLIC}/issues/iran-talks`);
  await expect(page.locator(`#position-${SLUG}-us`)).toHaveCount(0);
  expect((await request.get(`${PUBLIC}/studio/${SLUG}`)).status()).toBe(404);
  expect(
    (
      await request.post(`${PUBLIC}/api/studio/${SLUG}`, {
        form: { op: "publish" },
        headers: { origin: PUBLIC },
      })
    ).status(),
  ).toBe(404);
});
