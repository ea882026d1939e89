import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR } from "../support/fixtures";
import { runDbBuild } from "../support/db-build";
import { scratchDir } from "../support/scratch";
import { tsxArgs } from "../../scripts/lib/run";

// `npm run article:add` as a user runs it, on a copy of the fixture content: what it writes, what it refuses,
// and what a draft does (and does not do) to the database.
const IMPORTS = path.resolve("tests/fixtures/import");
let root: string;
let content: string;

function addArticle(args: string[], dir = content) {
  const r = spawnSync(process.execPath, tsxArgs("scripts/article-add.ts", ...args, "--content", dir), {
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder with its bytes and mode: "unchanged" means this is equal before and after. */
function snapshot(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const s = statSync(p);
      hash.update(`${path.relative(dir, p)}\0${s.mode}\0`);
      if (s.isDirectory()) walk(p);
      else hash.update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

function fixtureFile(name: string, text: string | Buffer): string {
  const file = path.join(root, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "faultlines-import-"));
  content = path.join(root, "content");
  cpSync(FIXTURE_DIR, content, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("article:add refuses bad input in one line and writes nothing", () => {
  const LONG =
    "The harbour board met on the quay on Monday and agreed to widen the channel before the autumn storms. ".repeat(
      5,
    );
  const cases: { name: string; file: () => string; args?: string[]; message: RegExp }[] = [
    {
      name: "a missing file",
      file: () => path.join(root, "nowhere.html"),
      message: /^article:add: cannot read .*nowhere\.html: no such file$/,
    },
    {
      name: "a folder",
      file: () => root,
      message: /^article:add: cannot read .*: it is a folder, not a file$/,
    },
    {
      name: "a page with no article",
      file: () =>
        fixtureFile(
          "menu.html",
          `<html><head><meta property="article:published_time" content="2026-01-05"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="cookie-banner">We use cookies.</div></body></html>`,
        ),
      message:
        /^article:add: no article text found in .*menu\.html \(\d+ words? left after removing page furniture; an article has at least 40\)$/,
    },
    {
      name: "an unknown encoding",
      file: () =>
        fixtureFile(
          "odd.html",
          Buffer.concat([
            Buffer.from(`<meta charset="x-klingon"><p>`),
            Buffer.from(LONG),
            Buffer.from([0xff, 0xfe, 0x80]),
          ]),
        ),
      message: /^article:add: .*odd\.html declares the unknown encoding "x-klingon"$/,
    },
    {
      name: "bytes that are not UTF-8 and no charset",
      file: () =>
        fixtureFile(
          "latin.txt",
          Buffer.concat([Buffer.from("Quay\n\n"), Buffer.from(LONG), Buffer.from([0xe9])]),
        ),
      args: ["--published", "2025-10-02"],
      message:
        /^article:add: .*latin\.txt is in an unknown encoding: it is not UTF-8 and declares no charset$/,
    },
    {
      name: "no publication date",
      file: () => fixtureFile("undated.txt", `Quay works\n\n${LONG}`),
      message:
        /^article:add: no publication date in .*undated\.txt \(looked for .*\): pass --published YYYY-MM-DD$/,
    },
    {
      name: "a slug that exists",
      file: () => fixtureFile("winter.txt", `Winter brief\n\n${LONG}`),
      args: ["--published", "2026-02-17"],
      message:
        /^article:add: an article "winter-brief" exists already: choose another --slug \(nothing is overwritten\)$/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const file = c.file();
      const before = snapshot(content);
      const r = addArticle([file, ...(c.args ?? [])]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(c.message);
      expect(snapshot(content)).toBe(before);
    });
  }
});

describe("article:add imports a saved page", () => {
  let stdout: string;
  const SLUG = "oslo-round-ends-without-deal-allies";
  beforeAll(() => {
    const r = addArticle([path.join(IMPORTS, "oslo-talks.html")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    stdout = r.stdout;
  });

  it("writes the draft article and its draft annotations, and says what to do next", () => {
    expect(stdout).toContain(
      `Imported oslo-talks.html as “Oslo round ends without a deal as allies split over missiles”.`,
    );
    expect(stdout).toMatch(new RegExp(`articles/${SLUG}\\.md  6 paragraphs, \\d+ words, review: draft`));
    expect(stdout).toMatch(/drafts\/.*\.yaml {2}\d+ suggestions:/);
    expect(stdout).toContain(
      "event        on Tuesday → 2026-03-03: Negotiators from Washington and Tehran met in Oslo",
    );
    expect(stdout).toContain(
      "perspective  empty: yours to write once you have read the article (required to publish)",
    );
    expect(stdout).toContain("Next:");
    const article = readFileSync(path.join(content, "articles", `${SLUG}.md`), "utf8");
    expect(article).toContain("\nreview: draft\n");
    const draft = parse(readFileSync(path.join(content, "drafts", `${SLUG}.yaml`), "utf8"));
    expect(draft.not_events.map((n: { reason: string }) => n.reason)).toEqual(["threat", "plan"]);
  });

  it("refuses the same page twice", () => {
    const before = snapshot(content);
    const r = addArticle([path.join(IMPORTS, "oslo-talks.html")]);
    expect(r.stderr.trim()).toBe(
      `article:add: an article "${SLUG}" exists already: choose another --slug (nothing is overwritten)`,
    );
    expect(snapshot(content)).toBe(before);
  });

  it("keeps the draft out of the database until it is published, then loads its actors", () => {
    const db = path.join(scratchDir("article-add-"), "article-add.db");
    const check = spawnSync(process.execPath, tsxArgs("scripts/content-check.ts", "--content", content), {
      encoding: "utf8",
    });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(`articles/${SLUG}.md is a draft (review: draft): checked, not loaded.`);
    expect(check.stdout).toMatch(
      new RegExp(`drafts/${SLUG}\\.yaml: \\d+ draft items still to review \\(\\d+ events, `),
    );

    expect(runDbBuild(content, db).status).toBe(0);
    const slugs = () => {
      const sqlite = new Database(db, { readonly: true });
      try {
        return {
          articles: sqlite
            .prepare("SELECT slug FROM Article ORDER BY rank")
            .all()
            .map((r) => (r as { slug: string }).slug),
          actors: sqlite
            .prepare(
              "SELECT a.slug FROM ArticleActor l JOIN Actor a ON a.id = l.actorId ORDER BY l.sortOrder",
            )
            .all()
            .map((r) => (r as { slug: string }).slug),
        };
      } finally {
        sqlite.close();
      }
    };
    expect(slugs()).toEqual({ articles: ["spring-brief", "winter-brief"], actors: [] });

    // Accept: move the actors into the annotation file, and publish the article.
    const draftFile = path.join(content, "drafts", `${SLUG}.yaml`);
    const draft = parse(readFileSync(draftFile, "utf8"));
    writeFileSync(path.join(content, "annotations", `${SLUG}.yaml`), stringify({ actors: draft.actors }));
    writeFileSync(draftFile, stringify({ ...draft, actors: [] }));
    const articleFile = path.join(content, "articles", `${SLUG}.md`);
    const imported = readFileSync(articleFile, "utf8");
    // Published with the perspective the import left empty: refused at its line, the database left as it was.
    writeFileSync(articleFile, imported.replace("\nreview: draft\n", "\n"));
    const line = imported.split("\n").indexOf('  text: ""') + 1;
    const refused = runDbBuild(content, db);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(
      `articles/${SLUG}.md:${line}: perspective.text: must not be empty: write the article's perspective before publishing`,
    );
    expect(refused.stderr).toContain("the previous database is unchanged");
    expect(slugs().articles).toEqual(["spring-brief", "winter-brief"]);
    writeFileSync(
      articleFile,
      imported
        .replace("\nreview: draft\n", "\n")
        .replace('  text: ""\n  basis: ""', "  text: A fictional analysis.\n  basis: Fixture."),
    );
    const built = runDbBuild(content, db);
    expect(built.stderr).toBe("");
    expect(slugs()).toEqual({
      articles: ["spring-brief", "winter-brief", SLUG],
      actors: ["us", "iran", "the-president", "israel", "the-prime-minister"],
    });
    rmSync(db, { force: true });
  }, 180_000);
});

describe("article:add imports hostile pages as inert text", () => {
  it("keeps the words a reader sees and nothing that runs or hides", () => {
    const r = addArticle([path.join(IMPORTS, "hostile-page.html")]);
    expect(r.status).toBe(0);
    const text = readFileSync(
      path.join(content, "articles", "border-crossing-reopens-after-weeks-talks.md"),
      "utf8",
    );
    expect(text).toContain("The Kessel crossing reopened on Monday");
    expect(text).toContain("“<script>alert(1)</script> is not a valid permit code”");
    for (const gone of [
      "stolen",
      "tracker.example",
      "ads.example",
      "Hidden text",
      "hidden line",
      "Decorative",
      "javascript:",
      "data:",
      "onclick",
      "onload",
      "<iframe",
    ]) {
      expect(text).not.toContain(gone);
    }
  });
});
