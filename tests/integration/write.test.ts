import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError } from "@/lib/content";
import { WriteRefused, writeNewContentFiles } from "@/lib/content/write";
import { FIXTURE_DIR } from "../support/fixtures";

// The one writer of new content files: the whole pipeline first, then every file or none.
let dir: string;
const fresh = () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "faultlines-write-"));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  return dir;
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = `---\ntitle: Autumn brief\npublisher: null\nurl: null\nkind: news\npublished:\n  date: 2026-10-02\n  precision: day\n  basis: Fixture.\nperspective:\n  text: A fictional news report.\n  basis: Fixture.\nreview: draft\n---\n\nThe harbour board met on the quay and agreed to widen the channel.\n`;

describe("writeNewContentFiles", () => {
  it("writes new files that the pipeline accepts together with the rest", async () => {
    const result = await writeNewContentFiles(fresh(), [
      { path: "articles/autumn-brief.md", text: ARTICLE },
      { path: "drafts/autumn-brief.yaml", text: "dates: []\n" },
    ]);
    expect(result.review.draftArticles).toEqual(["autumn-brief"]);
    expect(readdirSync(path.join(dir, "drafts"))).toEqual(["autumn-brief.yaml"]);
  });

  it("writes nothing when the new files would make the content invalid", async () => {
    const draft = "actors:\n  - actor: iran\n    evidence:\n      - the board met on the moon\n";
    await expect(
      writeNewContentFiles(fresh(), [
        { path: "articles/autumn-brief.md", text: ARTICLE },
        { path: "drafts/autumn-brief.yaml", text: draft },
      ]),
    ).rejects.toBeInstanceOf(ContentError);
    expect(existsSync(path.join(dir, "articles", "autumn-brief.md"))).toBe(false);
    expect(existsSync(path.join(dir, "drafts"))).toBe(false);
  });

  it("never replaces a file", async () => {
    fresh();
    writeFileSync(path.join(dir, "articles", "autumn-brief.md"), "mine");
    await expect(
      writeNewContentFiles(dir, [{ path: "articles/autumn-brief.md", text: ARTICLE }]),
    ).rejects.toBeInstanceOf(WriteRefused);
  });
});
