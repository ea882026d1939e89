import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { envFor } from "@/lib/env";
import { startPgCluster, type PgCluster } from "../../scripts/lib/pg-cluster";
import { dbBuildArgs, tsxArgs } from "../../scripts/lib/run";
import { startServer, type RunningServer } from "../../scripts/lib/server";

// The same app build served from SQLite and from PostgreSQL must answer every URL alike; and a server on
// PostgreSQL keeps answering whole, unchanged answers while db:build rebuilds underneath it. A throwaway cluster is
// started for this file and stopped after; each server is stopped by its process id.

const TMP = path.resolve("tests/.tmp/postgres");
let cluster: PgCluster;
const servers: RunningServer[] = [];

function dbBuild(content: string, target: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, dbBuildArgs(content, target, "--quiet"), {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: run.status, stderr: run.stderr };
}

async function serve(databaseUrl: string) {
  const server = await startServer({ env: { DATABASE_URL: databaseUrl }, readyPath: "/api/v1/events" });
  servers.push(server);
  return server;
}

/** The response diff between two servers: how many URLs it compared, and its report. */
function responseDiff(a: string, b: string, name: string) {
  const run = spawnSync(
    process.execPath,
    tsxArgs(
      "scripts/response-diff.ts",
      ...["--a", a, "--b", b, "--out", path.join(TMP, `diff-${name}`)],
      // Search is not built on PostgreSQL yet: its page says so and its API answers 503 there, by design
      // (tests below check both), so those URLs cannot answer alike.
      ...["--exclude", "/search", "--exclude", "/api/v1/search"],
    ),
    { encoding: "utf8" },
  );
  const compared = Number(/(\d+) URLs compared/.exec(run.stdout)?.[1] ?? 0);
  return { status: run.status, compared, report: run.stdout + run.stderr };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mkdirSync(TMP, { recursive: true });
  cluster = await startPgCluster();
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  cluster?.stop();
  rmSync(TMP, { recursive: true, force: true });
});

// The real content only, once. The 5,000-event synthetic corpus is not diffed here: it doubled the run time, and its
// PostgreSQL query layer is covered by tests/postgres/large.test.ts.
test("every URL answers alike on SQLite and PostgreSQL: real content", async () => {
  test.setTimeout(600_000);
  const file = path.join(TMP, "real.db");
  const { ownerUrl, readerUrl } = await cluster.createDatabase("parity_real");
  for (const target of [file, ownerUrl]) {
    const built = dbBuild("content", target);
    expect(built.status, built.stderr).toBe(0);
  }
  const [sqlite, postgres] = await Promise.all([serve(envFor({ db: file }).DATABASE_URL!), serve(readerUrl)]);
  const diff = responseDiff(sqlite.base, postgres.base, "real");
  expect(diff.report).toMatch(/URLs compared/);
  expect(diff.compared).toBeGreaterThanOrEqual(200);
  expect(diff.status, diff.report).toBe(0);

  // Search on PostgreSQL: the page says it is not available on this store, the API answers 503 with a JSON error.
  const page = await fetch(postgres.base + "/search?q=iran");
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Search is not available on this store yet");
  const api = await fetch(postgres.base + "/api/v1/search?q=iran");
  expect(api.status).toBe(503);
  expect((await api.json()).error).toMatch(/search is not available/);
  await Promise.all([sqlite.stop(), postgres.stop()]);
});

test("answers stay whole and unchanged while db:build rebuilds PostgreSQL underneath, and a failed build changes nothing", async () => {
  test.setTimeout(300_000);
  const { ownerUrl, readerUrl } = await cluster.createDatabase("swap");
  const fixture = "tests/fixtures/content";
  const altered = mkdtempSync(path.join(os.tmpdir(), "faultlines-pg-swap-"));
  const broken = mkdtempSync(path.join(os.tmpdir(), "faultlines-pg-broken-"));
  cpSync(fixture, altered, { recursive: true });
  cpSync(fixture, broken, { recursive: true });
  const annotation = "annotations/winter-brief.yaml";
  const rewrite = (dir: string, to: string) =>
    writeFileSync(
      path.join(dir, annotation),
      readFileSync(path.join(dir, annotation), "utf8").replace("title: Talks resume in Geneva", to),
    );
  rewrite(altered, "title: Talks resumed in Geneva");
  rewrite(broken, "title: ");
  // Enough finished builds are kept for the server's pinned one to outlive the rounds.
  const buildEnv = { PG_KEEP_BUILDS: "10" };
  try {
    expect(dbBuild(fixture, ownerUrl, buildEnv).status).toBe(0);
    const server = await serve(readerUrl);
    const urls = ["/api/v1/events", "/api/v1/issues", "/api/v1/matrix", "/api/v1/events?actor=us&actor=iran"];
    const baseline = new Map<string, string>();
    for (const url of urls) baseline.set(url, await (await fetch(server.base + url)).text());
    expect(baseline.get("/api/v1/events")).toContain("Talks resume in Geneva");

    // Two rounds: a good build then a failed one, each under requests (four took minutes more and showed nothing new).
    const rounds = [altered, broken];
    const results: (number | null)[] = [];
    let building = true;
    const builder = (async () => {
      for (const dir of rounds) {
        results.push(
          await new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, dbBuildArgs(dir, ownerUrl, "--quiet"), {
              env: { ...process.env, ...buildEnv },
              stdio: "ignore",
            });
            child.on("exit", resolve);
          }),
        );
      }
      building = false;
    })();
    const problems: string[] = [];
    let requests = 0;
    while (building) {
      await Promise.all(
        urls.map(async (url) => {
          const response = await fetch(server.base + url);
          const body = await response.text();
          requests++;
          if (response.status !== 200) problems.push(`${url}: ${response.status}`);
          else if (body !== baseline.get(url)) problems.push(`${url}: answer differs from the first`);
        }),
      );
    }
    await builder;
    expect(results).toEqual([0, 1]);
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(rounds.length * urls.length * 3);

    // A server started now pins the last finished build: the altered content, every URL whole.
    const after = await serve(readerUrl);
    const events = await fetch(after.base + "/api/v1/events");
    expect(events.status).toBe(200);
    expect(await events.text()).toContain("Talks resumed in Geneva");
    for (const url of urls) expect((await fetch(after.base + url)).status).toBe(200);
  } finally {
    rmSync(altered, { recursive: true, force: true });
    rmSync(broken, { recursive: true, force: true });
  }
});
