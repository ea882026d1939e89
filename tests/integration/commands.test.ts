import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appInputs, databaseInputs } from "../../scripts/lib/fingerprint";
import { tsxArgs } from "../../scripts/lib/run";
import { FIXTURE_DIR, brokenCopy, lineOf } from "../support/fixtures";
import { withSteps } from "../support/project";
import { scratchDir } from "../support/scratch";

// The commands a user runs, run as they run them: `npm run content:check`, and the freshness checks that decide
// whether `npm start` and `npm run build` rebuild the database and the app (scripts/lib/steps.ts).

function node(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const contentCheck = (dir: string) => node(tsxArgs("scripts/content-check.ts", "--content", dir));

/** Every file under a folder with a hash of its bytes: equal snapshots mean nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("npm run content:check", () => {
  it("exits 0 on valid content and says what it holds", () => {
    const run = contentCheck(FIXTURE_DIR);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `${FIXTURE_DIR}/ is valid: 2 articles, 5 actors, 2 issues, 3 events, 4 positions, 3 divergence ratings, 11 quotes.\n`,
    );
  });

  it("exits 1 with every problem as file:line: message, a count, and writes nothing", () => {
    const WINTER = "annotations/winter-brief.yaml";
    const dir = brokenCopy(WINTER, "actors: [us, iran]", "actors: [us, irna]");
    try {
      const issues = path.join(dir, "issues.yaml");
      writeFileSync(
        issues,
        readFileSync(issues, "utf8").replace("related: [iran-missiles]", "related: [nowhere]"),
      );
      const before = snapshot(dir);
      const run = contentCheck(dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      const rel = (file: string) => path.join(path.relative(process.cwd(), dir), file);
      expect(run.stderr).toBe(
        [
          `${rel(WINTER)}:${lineOf(WINTER, "actors: [us, iran]")}: unknown actor "irna" (did you mean "iran"?)`,
          `${rel("issues.yaml")}:${lineOf("issues.yaml", "related: [iran-missiles]")}: unknown issue "nowhere"`,
          "",
          `2 errors in ${dir}/.`,
          "",
        ].join("\n"),
      );
      expect(snapshot(dir)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts a single problem as one error, and a missing folder as missing files", () => {
    const dir = brokenCopy("issues.yaml", "related: [iran-missiles]", "related: [iran-missile]");
    try {
      const run = contentCheck(dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /: unknown issue "iran-missile" \(did you mean "iran-missiles"\?\)\n\n1 error in /,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const missing = scratchDir("no-content-");
    rmSync(missing, { recursive: true });
    const run = contentCheck(missing);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/actors\.yaml:1: file is missing\n/);
    expect(run.stderr).toMatch(/issues\.yaml:1: file is missing\n/);
  });
});

describe("build freshness (scripts/lib/steps.ts)", () => {
  // Each step runs in its own process, as `npm start` runs it: the steps read their folders from the environment.
  let root: string;
  let env: Record<string, string>;
  let db: string;
  let dist: string;
  let content: string;

  beforeAll(() => {
    root = scratchDir("freshness-");
    content = path.join(root, "content");
    dist = path.join(path.relative(process.cwd(), root), "dist");
    db = path.join(root, "faultlines.db");
    cpSync(FIXTURE_DIR, content, { recursive: true });
    env = { FAULTLINES_CONTENT: content, NEXT_DIST_DIR: dist, DATABASE_URL: `file:${db}` };
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Runs ensureDatabase() then appIsFresh() as `npm start` does, and reports what they said and did. */
  function startChecks() {
    const run = node(
      withSteps(`const database = steps.ensureDatabase();
        console.log(JSON.stringify({ database, fresh: steps.appIsFresh(database) }));`),
      env,
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    return { said: lines.slice(0, -1).filter((l) => !/^ {2}|^Built /.test(l)), ...JSON.parse(lines.at(-1)!) };
  }

  const bytes = () => readFileSync(db);

  it("builds a missing database, leaves a fresh one alone, and rebuilds a stale one", () => {
    const first = startChecks();
    expect(first.said).toEqual(["Building the database."]);
    expect(first.database).toBe(databaseInputs(content));
    const built = bytes();
    const mtime = statSync(db).mtimeMs;

    const again = startChecks();
    expect(again.said).toEqual([]);
    expect(again.database).toBe(first.database);
    expect(bytes().equals(built)).toBe(true);
    expect(statSync(db).mtimeMs).toBe(mtime);

    const winter = path.join(content, "annotations/winter-brief.yaml");
    writeFileSync(
      winter,
      readFileSync(winter, "utf8").replace("Talks resume in Geneva", "Talks resumed in Geneva"),
    );
    const stale = startChecks();
    expect(stale.said).toEqual(["Content changed: rebuilding the database."]);
    expect(stale.database).not.toBe(first.database);
    expect(bytes().includes(Buffer.from("Talks resumed in Geneva"))).toBe(true);
  });

  it("calls the app build fresh only when its stamp matches the code and the database, and skips the build then", () => {
    const database = startChecks().database;
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, "BUILD_ID"), "test");
    writeFileSync(path.join(dist, "faultlines-csp.json"), JSON.stringify({ pages: {}, fallback: [] }));
    const stamp = (s: object) => writeFileSync(path.join(dist, "faultlines-build.json"), JSON.stringify(s));

    stamp({ app: appInputs(), database });
    expect(startChecks().fresh).toBe(true);
    // `npm run build --if-stale` then builds nothing (a real build would take a minute and print Next's banner).
    const build = node(tsxArgs("scripts/build.ts", "--if-stale"), env);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toBe("The app build is up to date.\n");

    stamp({ app: "0000000000000000", database });
    expect(startChecks().fresh).toBe(false);
    stamp({ app: appInputs(), database: "0000000000000000" });
    expect(startChecks().fresh).toBe(false);
    stamp({ app: appInputs(), database });
    rmSync(path.join(dist, "BUILD_ID"));
    expect(startChecks().fresh).toBe(false);
    writeFileSync(path.join(dist, "BUILD_ID"), "test");

    // New content: the database is rebuilt, and the app built from the old one is stale.
    const winter = path.join(content, "annotations/winter-brief.yaml");
    writeFileSync(
      winter,
      readFileSync(winter, "utf8").replace("The two leaders meet", "The two leaders met"),
    );
    const after = startChecks();
    expect(after.said).toEqual(["Content changed: rebuilding the database."]);
    expect(after.fresh).toBe(false);
  });
});
