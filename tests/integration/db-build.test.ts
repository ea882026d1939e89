import { mkdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR, brokenCopy, lineOf } from "../support/fixtures";
import { runDbBuild, TMP_DIR } from "../support/db-build";

const DB = path.join(TMP_DIR, "db-build.db");

beforeAll(() => {
  mkdirSync(TMP_DIR, { recursive: true });
  rmSync(DB, { force: true });
  const first = runDbBuild(FIXTURE_DIR, DB);
  expect(first.stderr).toBe("");
  expect(first.status).toBe(0);
});

afterAll(() => rmSync(DB, { force: true }));

describe("db:build", () => {
  it("prints the counts of what it loaded", () => {
    const again = runDbBuild(FIXTURE_DIR, DB);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/articles\s+2 \(6 paragraphs\)/);
    expect(again.stdout).toMatch(/events\s+3\n/);
    expect(again.stdout).toMatch(/positions\s+4\n/);
    expect(again.stdout).toMatch(/divergence\s+2 ratings/);
    expect(again.stdout).toMatch(/quotes\s+10\n/);
  });

  const broken: { name: string; file: string; from: string; to: string; message: RegExp; line: number }[] = [
    {
      name: "bad YAML",
      file: "issues.yaml",
      from: "  related: [iran-missiles]",
      to: "  related: [iran-missiles",
      message: /invalid YAML/,
      line: lineOf("issues.yaml", "related: [iran-missiles]") + 1,
    },
    {
      name: "unknown actor",
      file: "annotations/winter-brief.yaml",
      from: "voice: the-president",
      to: "voice: the-presidnet",
      message: /unknown actor "the-presidnet" \(did you mean "the-president"\?\)/,
      line: lineOf("annotations/winter-brief.yaml", "voice: the-president"),
    },
    {
      name: "quote not in the article",
      file: "annotations/spring-brief.yaml",
      from: "- Jerusalem warned that the talks reward delay\ndivergence:",
      to: "- Jerusalem warned that the talks reward patience\ndivergence:",
      message: /quote not found in article "spring-brief": "Jerusalem warned that the talks reward patience"/,
      line: lineOf("annotations/spring-brief.yaml", "Jerusalem warned that the talks reward delay"),
    },
    {
      name: "duplicate slug",
      file: "issues.yaml",
      from: "- slug: iran-missiles",
      to: "- slug: iran-talks",
      message: /duplicate issue slug "iran-talks"/,
      line: lineOf("issues.yaml", "- slug: iran-missiles"),
    },
    {
      name: "impossible date",
      file: "articles/winter-brief.md",
      from: "date: 2026-02-17",
      to: "date: 2026-02-31",
      message: /2026-02-31 is not a calendar date/,
      line: lineOf("articles/winter-brief.md", "date: 2026-02-17"),
    },
    {
      name: "missing field",
      file: "actors.yaml",
      from: "  description: The Islamic Republic of Iran.\n",
      to: "",
      message: /missing field "\[2\]\.description"/,
      line: lineOf("actors.yaml", "- slug: iran"),
    },
  ];

  for (const c of broken) {
    it(`fails on ${c.name} with file:line, and leaves the database byte-identical`, () => {
      const before = readFileSync(DB);
      const dir = brokenCopy(c.file, c.from, c.to);
      try {
        const run = runDbBuild(dir, DB);
        expect(run.status).not.toBe(0);
        const reported = run.stderr.split("\n").find((line) => c.message.test(line));
        expect(reported, run.stderr).toBeDefined();
        expect(reported).toContain(`${path.relative(process.cwd(), path.join(dir, c.file))}:${c.line}: `);
        expect(run.stderr).toMatch(/the previous database is unchanged/);
        expect(readFileSync(DB).equals(before)).toBe(true);
        expect(existsSync(DB)).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
