import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR, brokenCopy, lineOf } from "../support/fixtures";
import { runDbBuild, spawnDbBuild } from "../support/db-build";
import { scratchDir } from "../support/scratch";

// The target lives alone in a folder of its own, so "nothing else is left beside it" is a listing.
let dir: string;
let DB: string;

beforeAll(() => {
  dir = scratchDir("db-build-");
  DB = path.join(dir, "faultlines.db");
  const first = runDbBuild(FIXTURE_DIR, DB);
  expect(first.stderr).toBe("");
  expect(first.status).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The target is byte-for-byte what it was, and no temporary file or journal is left beside it. */
function expectUntouched(before: Buffer) {
  expect(readFileSync(DB).equals(before), "the database changed").toBe(true);
  expect(readdirSync(dir)).toEqual([path.basename(DB)]);
}

describe("db:build", () => {
  it("prints the counts of what it loaded", () => {
    const again = runDbBuild(FIXTURE_DIR, DB);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/articles\s+2 \(6 paragraphs\)/);
    expect(again.stdout).toMatch(/events\s+3\n/);
    expect(again.stdout).toMatch(/positions\s+4\n/);
    expect(again.stdout).toMatch(/divergence\s+3 ratings/);
    expect(again.stdout).toMatch(/quotes\s+11\n/);
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
        expectUntouched(before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  // The cases above all fail validation, before any file is written. These fail after it.

  it("fails in a migration that breaks part way, and leaves the database byte-identical", () => {
    const before = readFileSync(DB);
    // db:build reads prisma/schema.prisma and prisma/migrations from its working directory: here, a copy of ours
    // with one more migration whose second statement fails after its first has run.
    const project = scratchDir("db-build-migrations-");
    try {
      cpSync("prisma/schema.prisma", path.join(project, "prisma/schema.prisma"));
      cpSync("prisma/migrations", path.join(project, "prisma/migrations"), { recursive: true });
      mkdirSync(path.join(project, "prisma/migrations/9999_breaks_part_way"));
      writeFileSync(
        path.join(project, "prisma/migrations/9999_breaks_part_way/migration.sql"),
        'CREATE TABLE "Extra" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" ("id") VALUES (1);\n',
      );
      const run = runDbBuild(FIXTURE_DIR, DB, { cwd: project });
      expect(run.status, run.stdout).toBe(1);
      expect(run.stderr).toMatch(/db:build failed; the previous database is unchanged/);
      expect(run.stderr).toMatch(/The underlying table for model `NoSuchTable` does not exist/);
      expectUntouched(before);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("fails inside the load transaction, and leaves the database byte-identical", () => {
    const before = readFileSync(DB);
    const run = runDbBuild(FIXTURE_DIR, DB, { env: { FAULTLINES_FAULT: "load" } });
    expect(run.status, run.stdout).toBe(1);
    expect(run.stderr).toMatch(/db:build failed; the previous database is unchanged/);
    expect(run.stderr).toMatch(/injected fault \(FAULTLINES_FAULT=load\)/);
    expectUntouched(before);
  });

  it("killed with SIGKILL part way through the load: the database is byte-identical, and the next run clears what the killed one left", async () => {
    const before = readFileSync(DB);
    const child = spawnDbBuild(FIXTURE_DIR, DB, { env: { FAULTLINES_FAULT: "pause-load" } });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ?? code)),
    );
    try {
      let stderr = "";
      await new Promise<void>((resolve, reject) => {
        child.stderr!.on("data", (chunk: Buffer) => {
          stderr += chunk;
          if (stderr.includes("paused inside the load transaction")) resolve();
        });
        child.on("exit", () => reject(new Error(`db:build ended before the load: ${stderr}`)));
      });
      // Mid-transaction: the new file and its rollback journal exist beside the untouched target.
      const temp = `.build-${child.pid}-${path.basename(DB)}`;
      expect(readdirSync(dir).sort()).toEqual([temp, `${temp}-journal`, path.basename(DB)].sort());
    } finally {
      // Also when an expectation above failed: a paused build would otherwise wait forever.
      child.kill("SIGKILL");
    }
    expect(await exited).toBe("SIGKILL");
    const temp = `.build-${child.pid}-${path.basename(DB)}`;
    expect(readFileSync(DB).equals(before), "the database changed").toBe(true);
    // A killed process cleans nothing up; the next build (here a failing one) must.
    expect(readdirSync(dir)).toContain(temp);
    const next = runDbBuild(FIXTURE_DIR, DB, { env: { FAULTLINES_FAULT: "load" } });
    expect(next.status).toBe(1);
    expectUntouched(before);
  });
});
