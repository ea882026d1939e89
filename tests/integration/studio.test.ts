import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkContentDir, ContentError } from "@/lib/content";
import { replaceContentFiles, StaleVersion, WriteRefused } from "@/lib/content/write";
import { STUDIO_TOKEN_ENV } from "@/lib/studio/guard";
import { handleStudioWrite } from "@/lib/studio/handle";
import {
  applyOperation,
  BadOperation,
  readArticleFiles,
  reviewVersion,
  undoOperation,
  type Operation,
} from "@/lib/studio/operations";
import { FIXTURE_DIR } from "../support/fixtures";

// The studio's writes on a scratch copy of the fixture content with a fictional article imported by article:add:
// what each action writes, and that a refused one leaves every byte as it was.
const SLUG = "lakeside-talks";
let template: string;
let dir: string;

beforeAll(() => {
  template = mkdtempSync(path.join(os.tmpdir(), "faultlines-studio-template-"));
  cpSync(FIXTURE_DIR, template, { recursive: true });
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/article-add.ts",
      "tests/fixtures/studio/lakeside-talks.md",
      "--slug",
      SLUG,
      "--published",
      "2026-04-10",
      "--content",
      template,
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(template, { recursive: true, force: true }));
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function fresh() {
  dir = mkdtempSync(path.join(os.tmpdir(), "faultlines-studio-"));
  cpSync(template, dir, { recursive: true });
  return dir;
}
const read = (rel: string) => readFileSync(path.join(dir, rel), "utf8");
const draftPath = `drafts/${SLUG}.yaml`;
const annotationPath = `annotations/${SLUG}.yaml`;
const snapshot = () => JSON.stringify(readArticleFiles(dir, SLUG));
const version = () => reviewVersion(readArticleFiles(dir, SLUG));
const apply = (operation: Operation) => applyOperation(dir, SLUG, version(), operation);

describe("applyOperation", () => {
  it("accept moves the item into the annotation file and keeps the draft's comments and order", async () => {
    fresh();
    const before = parse(read(draftPath));
    const applied = await apply({ op: "accept", section: "events", index: 0 });
    const draft = read(draftPath);
    const annotation = parse(read(annotationPath));
    expect(annotation.events).toEqual([before.events[0]]);
    expect(parse(draft).events).toEqual(before.events.slice(1));
    expect(draft).toContain("# Sentences with a known actor and a date phrase");
    expect(draft.indexOf("events:")).toBeLessThan(draft.indexOf("positions:"));
    expect(read(annotationPath)).toMatch(/^# Reviewed annotations for articles\/lakeside-talks\.md/);
    expect(applied.changed.map((c) => c.file)).toEqual([
      expect.stringMatching(/drafts\/lakeside-talks\.yaml$/),
      expect.stringMatching(/annotations\/lakeside-talks\.yaml$/),
    ]);
    expect((await checkContentDir(dir)).ok).toBe(true);
  });

  it("an edited accept writes the reviewer's words; a second accept appends in order", async () => {
    fresh();
    await apply({
      op: "accept",
      section: "events",
      index: 1,
      edit: { title: "The President calls the talks slow but serious", claim: "statement" },
    });
    await apply({ op: "accept", section: "events", index: 0 });
    const events = parse(read(annotationPath)).events;
    expect(events.map((e: { title: string }) => e.title)).toEqual([
      "The President calls the talks slow but serious",
      "Negotiators from Washington and Tehran met in Lucerne for a fifth round of indirect talks",
    ]);
  });

  it("reject deletes the suggestion from the draft only", async () => {
    fresh();
    const before = parse(read(draftPath)).positions;
    await apply({ op: "reject", section: "positions", index: 0 });
    expect(parse(read(draftPath)).positions).toEqual(before.slice(1));
    expect(existsSync(path.join(dir, annotationPath))).toBe(false);
  });

  it("accept-all moves every actor", async () => {
    fresh();
    const actors = parse(read(draftPath)).actors;
    await apply({ op: "accept-all", section: "actors" });
    expect(parse(read(annotationPath)).actors).toEqual(actors);
    expect(parse(read(draftPath)).actors).toEqual([]);
  });

  it("create makes the selected words the evidence of a new event", async () => {
    fresh();
    await apply({
      op: "create",
      item: {
        kind: "event",
        quote: "the two sides agreed to exchange draft annexes",
        paragraph: 1,
        title: "Both sides agree to exchange draft annexes",
        summary: "The sides agreed to swap draft annexes in Lucerne.",
        claim: "reported",
        actors: ["us"],
        issue: "iran-talks",
        date: {
          stated: "on Monday",
          start: "2026-04-06",
          precision: "day",
          basis: "The same round as the talks.",
        },
      },
    });
    const [event] = parse(read(annotationPath)).events;
    expect(event).toMatchObject({
      slug: "both-sides-agree-exchange-draft-annexes-2026-04",
      evidence: [{ quote: "the two sides agreed to exchange draft annexes", paragraph: 1 }],
    });
  });

  it("a quote that is not in its paragraph is refused with file:line and nothing changes", async () => {
    fresh();
    const before = snapshot();
    const error = await apply({
      op: "create",
      item: {
        kind: "position",
        quote: "the two sides agreed to exchange draft annexes",
        paragraph: 2,
        stance: "Agreed",
        summary: "Agreed.",
        claim: "reported",
        actors: ["us"],
        issue: "iran-talks",
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems[0]).toMatchObject({
      file: expect.stringMatching(/annotations\/lakeside-talks\.yaml$/),
      message: expect.stringContaining("quote not found in paragraph 2"),
    });
    expect(snapshot()).toBe(before);
  });

  it("a malformed edit (empty title, unknown claim) leaves the files byte-identical", async () => {
    fresh();
    const before = snapshot();
    await expect(
      apply({ op: "accept", section: "events", index: 0, edit: { title: "  " } }),
    ).rejects.toBeInstanceOf(BadOperation);
    await expect(
      apply({ op: "accept", section: "events", index: 0, edit: { claim: "rumour" } }),
    ).rejects.toBeInstanceOf(BadOperation);
    expect(snapshot()).toBe(before);
  });

  it("an accept that would duplicate an accepted item is refused by the pipeline, bytes identical", async () => {
    fresh();
    await apply({ op: "accept", section: "actors", index: 0 });
    // Put the same actor back into the draft by hand: accepting it again would list it twice.
    const draft = read(draftPath);
    const files = readArticleFiles(dir, SLUG);
    const annotation = parse(read(annotationPath));
    const doubled = draft.replace(
      "actors:\n",
      `actors:\n  - actor: ${annotation.actors[0].actor}\n    evidence:\n      - ${JSON.stringify(annotation.actors[0].evidence[0])}\n`,
    );
    await expect(
      replaceContentFiles(dir, [{ path: draftPath, text: doubled, version: files.draft.version }]),
    ).rejects.toBeInstanceOf(ContentError);
    expect(read(draftPath)).toBe(draft);
  });

  it("a stale version is refused and nothing is written", async () => {
    fresh();
    const stale = version();
    await apply({ op: "reject", section: "dates", index: 0 });
    const before = snapshot();
    await expect(
      applyOperation(dir, SLUG, stale, { op: "accept", section: "events", index: 0 }),
    ).rejects.toBeInstanceOf(StaleVersion);
    expect(snapshot()).toBe(before);
  });

  it("publish removes the review: draft line; undo writes the previous bytes back", async () => {
    fresh();
    const before = snapshot();
    const accepted = await apply({ op: "accept", section: "events", index: 0 });
    const unchanged = snapshot();
    // Published, an article must say whose standpoint it writes from: refused while the perspective is empty.
    await expect(apply({ op: "publish" })).rejects.toBeInstanceOf(ContentError);
    expect(snapshot()).toBe(unchanged);
    const published = await apply({
      op: "publish",
      perspective: { text: "A fictional wire service's news analysis.", basis: "Written for the tests." },
    });
    const article = read(`articles/${SLUG}.md`);
    expect(article).not.toContain("review: draft");
    expect(article).toMatch(/\nperspective:\n  text: "A fictional wire service's news analysis."\n/);
    expect(article.split("---\n").at(-1)).toBe(JSON.parse(before).article.text.split("---\n").at(-1));
    await undoOperation(dir, published.undo);
    await undoOperation(dir, accepted.undo);
    const after = readArticleFiles(dir, SLUG);
    const original = JSON.parse(before) as typeof after;
    expect(after.article.text).toBe(original.article.text);
    expect(after.draft.text).toBe(original.draft.text);
    // The accept created the annotation file: undo deletes it.
    expect(after.annotation.text).toBeNull();
  });

  it("the writer refuses a path outside the content folder", async () => {
    fresh();
    await expect(
      replaceContentFiles(dir, [{ path: "../escape.yaml", text: "x: 1\n", version: "none" }]),
    ).rejects.toBeInstanceOf(WriteRefused);
    expect(existsSync(path.join(dir, "..", "escape.yaml"))).toBe(false);
  });
});

describe("handleStudioWrite", () => {
  const TOKEN = "a-test-token-of-enough-length";
  const HOST = "127.0.0.1:3469";
  beforeAll(() => {
    process.env[STUDIO_TOKEN_ENV] = TOKEN;
  });
  afterAll(() => {
    delete process.env[STUDIO_TOKEN_ENV];
    delete process.env.FAULTLINES_CONTENT;
  });
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) => {
    process.env.FAULTLINES_CONTENT = dir;
    return handleStudioWrite(
      new Request(`http://${HOST}/api/studio/${SLUG}`, {
        method: "POST",
        headers: { host: HOST, origin: `http://${HOST}`, accept: "application/json", ...headers },
        body: new URLSearchParams({ token: TOKEN, version: version(), ...fields }),
      }),
      SLUG,
    );
  };
  const accept = { op: "accept", section: "events", index: "0" };

  it("accepts from this studio's page: 200 and the file:line written", async () => {
    fresh();
    const response = await post(accept);
    expect(response.status).toBe(200);
    expect((await response.json()).message).toMatch(/annotations\/lakeside-talks\.yaml:\d+/);
  });

  it("another origin, a cross-site fetch, no token or a wrong token: 403, bytes identical", async () => {
    fresh();
    const before = snapshot();
    expect((await post(accept, { origin: "http://evil.example" })).status).toBe(403);
    expect((await post(accept, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ ...accept, token: "" })).status).toBe(403);
    expect((await post({ ...accept, token: "x".repeat(TOKEN.length) })).status).toBe(403);
    expect(
      (await post(accept, { host: "studio.example.org", origin: "http://studio.example.org" })).status,
    ).toBe(403);
    expect(snapshot()).toBe(before);
  });

  it("a stale version: 409 with a clear message, bytes identical", async () => {
    fresh();
    const stale = version();
    await post({ op: "reject", section: "dates", index: "0" });
    const before = snapshot();
    const response = await post({ ...accept, version: stale });
    expect(response.status).toBe(409);
    expect((await response.json()).message).toContain("changed since this page was loaded");
    expect(snapshot()).toBe(before);
  });

  it("malformed (400) and invalid (422) requests write nothing", async () => {
    fresh();
    const before = snapshot();
    expect((await post({ op: "accept", section: "../../etc", index: "0" })).status).toBe(400);
    const invalid = await post({
      op: "create",
      kind: "event",
      quote: "words that this article never says",
      paragraph: "2",
      title: "T",
      summary: "S",
      claim: "reported",
      actor: "us",
      issue: "iran-talks",
      stated: "on Monday",
      start: "2026-04-06",
      precision: "day",
      basis: "B",
    });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).problems[0]).toMatch(
      /annotations\/lakeside-talks\.yaml:\d+: quote not found/,
    );
    expect(snapshot()).toBe(before);
  });

  it("a form post without JavaScript is redirected back to the page with the outcome", async () => {
    fresh();
    const response = await post(accept, { accept: "text/html" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/studio\/lakeside-talks\?done=Accepted/);
  });

  it("undo takes back the last change of this session", async () => {
    fresh();
    const before = snapshot();
    await post({ op: "reject", section: "events", index: "2" });
    expect(snapshot()).not.toBe(before);
    expect((await post({ op: "undo" })).status).toBe(200);
    expect(readArticleFiles(dir, SLUG).draft.text).toBe(JSON.parse(before).draft.text);
  });

  it("is a 404 when the server is not the studio", async () => {
    fresh();
    delete process.env[STUDIO_TOKEN_ENV];
    try {
      expect((await post(accept)).status).toBe(404);
    } finally {
      process.env[STUDIO_TOKEN_ENV] = TOKEN;
    }
  });
});
