import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkContentDir, ContentError } from "@/lib/content";
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
import { loadStudioReview } from "@/lib/studio/view";
import { FIXTURE_DIR } from "../support/fixtures";

// The studio's selection and naming writes on a scratch copy of the fixture content with a fictional article
// imported by article:add: selected words as more evidence of an existing event, position or rating; a new actor
// (from a candidate) or issue. A refused one leaves every file it could touch byte-identical.
const SLUG = "lakeside-talks";
let template: string;
let dir: string;

beforeAll(() => {
  template = mkdtempSync(path.join(os.tmpdir(), "faultlines-studio-sel-template-"));
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
  dir = mkdtempSync(path.join(os.tmpdir(), "faultlines-studio-sel-"));
  cpSync(template, dir, { recursive: true });
  return dir;
}
const read = (rel: string) => readFileSync(path.join(dir, rel), "utf8");
const draftPath = `drafts/${SLUG}.yaml`;
const annotationPath = `annotations/${SLUG}.yaml`;
const snapshot = () => JSON.stringify(readArticleFiles(dir, SLUG));
const version = () => reviewVersion(readArticleFiles(dir, SLUG));
const apply = (operation: Operation) => applyOperation(dir, SLUG, version(), operation);
const ANNEXES = "the two sides agreed to exchange draft annexes";
const FREEDOM = "Israel would keep its freedom of action";

describe("add-evidence: selected words as more evidence of an existing item", () => {
  it("appends the quote to a suggested event in the draft, keeping the draft's comments", async () => {
    fresh();
    const before = parse(read(draftPath)).events[0];
    await apply({
      op: "add-evidence",
      target: { file: "draft", section: "events", index: 0 },
      quote: ANNEXES,
      paragraph: 1,
    });
    const after = parse(read(draftPath)).events[0];
    expect(after.evidence).toEqual([...before.evidence, { quote: ANNEXES, paragraph: 1 }]);
    expect(read(draftPath)).toContain("# Sentences with a known actor and a date phrase");
    expect((await checkContentDir(dir)).ok).toBe(true);
  });

  it("appends to an accepted position and to an accepted rating in the annotation file", async () => {
    fresh();
    await apply({ op: "accept", section: "positions", index: 1 });
    const rating = [
      "divergence:",
      "  - issue: iran-missiles",
      "    level: divergent",
      "    by: editorial",
      "    rationale: Israel wants missiles in the deal; Iran refuses.",
      "    evidence:",
      "      - Tehran said on Tuesday that it would not discuss its missile programme",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, annotationPath), read(annotationPath) + rating);
    await apply({
      op: "add-evidence",
      target: { file: "annotation", section: "positions", index: 0 },
      quote: FREEDOM,
      paragraph: 4,
    });
    await apply({
      op: "add-evidence",
      target: { file: "annotation", section: "divergence", index: 0 },
      quote: "a deal which leaves the missile programme intact",
      paragraph: 4,
    });
    const annotation = parse(read(annotationPath));
    expect(annotation.positions[0].evidence.at(-1)).toEqual({ quote: FREEDOM, paragraph: 4 });
    expect(annotation.divergence[0].evidence).toEqual([
      "Tehran said on Tuesday that it would not discuss its missile programme",
      { quote: "a deal which leaves the missile programme intact", paragraph: 4 },
    ]);
    const review = await loadStudioReview(dir, SLUG);
    expect(review!.evidenceTargets.map((t) => t.value)).toContain("annotation:divergence:0");
  });

  it("a quote not in its paragraph is refused at file:line, bytes identical", async () => {
    fresh();
    const before = snapshot();
    const error = await apply({
      op: "add-evidence",
      target: { file: "draft", section: "events", index: 0 },
      quote: ANNEXES,
      paragraph: 3,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems[0]).toMatchObject({
      file: expect.stringMatching(/drafts\/lakeside-talks\.yaml$/),
      line: expect.any(Number),
      message: expect.stringContaining("quote not found in paragraph 3"),
    });
    expect(snapshot()).toBe(before);
  });

  it("no such item, a quote already there or too short: refused, bytes identical", async () => {
    fresh();
    const before = snapshot();
    const quote = parse(read(draftPath)).events[0].evidence[0];
    const target = { file: "draft", section: "events", index: 0 } as const;
    for (const operation of [
      { op: "add-evidence", target: { ...target, index: 9 }, quote: ANNEXES, paragraph: 1 },
      { op: "add-evidence", target, quote, paragraph: 1 },
      { op: "add-evidence", target, quote: "draft annexes", paragraph: 1 },
    ] as Operation[])
      await expect(apply(operation)).rejects.toBeInstanceOf(BadOperation);
    expect(snapshot()).toBe(before);
  });
});

describe("new-actor and new-issue", () => {
  const oman = {
    name: "Oman's Foreign Ministry",
    kind: "organisation",
    aliases: ["Muscat", ""],
    description: "The foreign ministry of Oman, a fictional mediator here.",
  };

  it("a candidate becomes an actor in actors.yaml (comments kept) and leaves the draft; undo takes both back", async () => {
    fresh();
    writeFileSync(path.join(dir, "actors.yaml"), `# Every actor.\n${read("actors.yaml")}`);
    const before = snapshot();
    const candidates = parse(read(draftPath)).candidates;
    expect(candidates[0].name).toBe("Lucerne");
    const applied = await apply({ op: "new-actor", actor: oman, candidate: 0 });
    const actors = read("actors.yaml");
    expect(actors.startsWith("# Every actor.\n")).toBe(true);
    expect(parse(actors).at(-1)).toEqual({
      slug: "oman-s-foreign-ministry",
      name: "Oman's Foreign Ministry",
      kind: "organisation",
      aliases: ["Muscat"],
      description: "The foreign ministry of Oman, a fictional mediator here.",
    });
    expect(parse(read(draftPath)).candidates).toEqual([]);
    expect(applied.changed.map((c) => path.basename(c.file))).toEqual(["actors.yaml", `${SLUG}.yaml`]);
    const review = await loadStudioReview(dir, SLUG);
    expect(review!.actors.map((a) => a.slug)).toContain("oman-s-foreign-ministry");
    await undoOperation(dir, applied.undo);
    expect(snapshot()).toBe(before);
  });

  it("a new issue, then a position on it from selected words", async () => {
    fresh();
    await apply({
      op: "new-issue",
      issue: {
        slug: "talks-venue",
        title: "Where the talks are held",
        summary: "Which places host the rounds, and why.",
        related: ["iran-talks"],
      },
    });
    expect(parse(read("issues.yaml")).at(-1)).toEqual({
      slug: "talks-venue",
      title: "Where the talks are held",
      summary: "Which places host the rounds, and why.",
      related: ["iran-talks"],
    });
    await apply({
      op: "create",
      item: {
        kind: "position",
        quote: "the steamer venue was chosen to keep the delegations away from cameras",
        paragraph: 6,
        stance: "Away from cameras",
        summary: "The venue keeps the talks out of sight.",
        claim: "assessment",
        actors: ["us"],
        issue: "talks-venue",
      },
    });
    expect(parse(read(annotationPath)).positions[0].issue).toBe("talks-venue");
    expect((await checkContentDir(dir)).ok).toBe(true);
  });

  it("malformed ones (an alias another actor has, an unknown kind or related issue, a taken slug, a bad slug) leave every file byte-identical", async () => {
    fresh();
    const before = snapshot();
    const clash = await apply({
      op: "new-actor",
      actor: { ...oman, aliases: ["Tehran"] },
    }).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(ContentError);
    expect((clash as ContentError).problems.map((p) => `${p.file}:${p.line}`).join(" ")).toMatch(
      /actors\.yaml:\d+/,
    );
    const related = await apply({
      op: "new-issue",
      issue: { title: "Venue", summary: "Where.", related: ["no-such-issue"] },
    }).catch((e: unknown) => e);
    expect(related).toBeInstanceOf(ContentError);
    for (const operation of [
      { op: "new-actor", actor: { ...oman, kind: "place" } },
      { op: "new-actor", actor: { ...oman, slug: "iran" } },
      { op: "new-actor", actor: { ...oman, slug: "Not A Slug" } },
      { op: "new-actor", actor: { ...oman, description: " " } },
      { op: "new-actor", actor: oman, candidate: 5 },
      { op: "new-issue", issue: { slug: "iran-talks", title: "T", summary: "S", related: [] } },
    ] as Operation[])
      await expect(apply(operation)).rejects.toBeInstanceOf(BadOperation);
    expect(snapshot()).toBe(before);
  });
});

describe("handleStudioWrite for the new forms", () => {
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
  const actor = {
    op: "new-actor",
    name: "Oman",
    slug: "",
    kind: "state",
    aliases: "Muscat",
    affiliation: "",
    description: "The Sultanate of Oman.",
    candidate: "",
  };
  const evidence = { op: "add-evidence", target: "draft:events:0", quote: ANNEXES, paragraph: "1" };

  it("writes from this studio's page: 200 with file:line", async () => {
    fresh();
    const added = await post(evidence);
    expect(added.status).toBe(200);
    expect((await added.json()).message).toMatch(/drafts\/lakeside-talks\.yaml:\d+/);
    const named = await post(actor);
    expect(named.status).toBe(200);
    expect((await named.json()).message).toMatch(/actors\.yaml:\d+/);
    expect(parse(read("actors.yaml")).at(-1).slug).toBe("oman");
  });

  it("another origin or no token: 403; malformed: 400; invalid: 422 at file:line; stale: 409 — bytes identical", async () => {
    fresh();
    const before = snapshot();
    expect((await post(actor, { origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ ...evidence, token: "" })).status).toBe(403);
    expect((await post({ ...actor, kind: "place" })).status).toBe(400);
    expect((await post({ ...evidence, target: "../../actors.yaml:events:0" })).status).toBe(400);
    const invalid = await post({ ...actor, aliases: "Jerusalem" });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).problems.join("\n")).toMatch(/actors\.yaml:\d+: /);
    expect((await post({ ...evidence, version: "stale" })).status).toBe(409);
    expect(snapshot()).toBe(before);
  });
});
