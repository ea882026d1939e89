import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { envFor, toolEnv } from "@/lib/env";
import { dbBuildArgs } from "../../scripts/lib/run";
import { startServer, type RunningServer } from "../../scripts/lib/server";

// Rebuilding the database while the server runs must never serve a half-built state. The server reads one SQLite
// file, read-only; db:build writes a new file beside it and renames it over the old one. Here a server reads a
// database that db:build replaces again and again, alternating two contents, while requests keep coming: every
// answer must be 200 and whole — identical to what the server answered before the first rebuild, because it keeps
// reading the database it opened (a restart picks up the new one).

const PORT = toolEnv().E2E_PORT + 50;
const DB = path.resolve("tests/.tmp/swap.db");
const ROUNDS = 8;

function dbBuild(content: string) {
  const run = spawnSync(process.execPath, dbBuildArgs(content, DB, "--quiet"), { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
}

/** The same, without blocking: requests keep flowing while it runs. */
function dbBuildAsync(content: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, dbBuildArgs(content, DB, "--quiet"));
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
  });
}

let server: RunningServer | undefined;
let base: string;
let altered: string;

test.beforeAll(async () => {
  // Two database builds and a server start, on a busy machine.
  test.setTimeout(120_000);
  mkdirSync(path.dirname(DB), { recursive: true });
  altered = mkdtempSync(path.join(os.tmpdir(), "faultlines-swap-"));
  cpSync("tests/fixtures/content", altered, { recursive: true });
  const file = path.join(altered, "annotations/winter-brief.yaml");
  writeFileSync(
    file,
    readFileSync(file, "utf8").replace("title: Talks resume in Geneva", "title: Talks resumed in Geneva"),
  );
  dbBuild("tests/fixtures/content");
  server = await startServer({
    port: PORT,
    env: envFor({ db: DB }),
    readyPath: "/api/v1/events",
    timeoutMs: 90_000,
  });
  base = server.base;
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(altered, { recursive: true, force: true });
  rmSync(DB, { force: true });
});

test("answers stay whole and unchanged while db:build replaces the database underneath", async () => {
  test.setTimeout(120_000);
  const urls = ["/api/v1/events", "/api/v1/issues", "/api/v1/matrix", "/api/v1/events?actor=us&actor=iran"];
  const baseline = new Map<string, string>();
  for (const url of urls) baseline.set(url, await (await fetch(base + url)).text());
  expect(baseline.get("/api/v1/events")).toContain("Talks resume in Geneva");

  let building = true;
  const builder = (async () => {
    for (let i = 0; i < ROUNDS; i++) {
      await dbBuildAsync(i % 2 === 0 ? altered : "tests/fixtures/content");
    }
    building = false;
  })();
  const problems: string[] = [];
  let requests = 0;
  while (building) {
    for (const url of urls) {
      const response = await fetch(base + url);
      const body = await response.text();
      requests++;
      if (response.status !== 200) problems.push(`${url}: ${response.status}`);
      else if (body !== baseline.get(url)) problems.push(`${url}: answer differs from the first`);
    }
  }
  await builder;
  expect(problems).toEqual([]);
  // Requests were answered throughout the rebuilds, not just between them.
  expect(requests).toBeGreaterThan(ROUNDS * urls.length * 5);
  // The rebuilt file really did change underneath: it now holds the other content.
  dbBuild(altered);
  expect(readFileSync(DB).includes(Buffer.from("Talks resumed in Geneva"))).toBe(true);
});
