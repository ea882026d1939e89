import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { envFor } from "@/lib/env";
import { SEARCH_KINDS } from "@/lib/search/kinds";
import { parseQuery } from "@/lib/search/query";
import { startPgCluster, type PgCluster } from "../../scripts/lib/pg-cluster";
import { dbBuildArgs, tsxArgs } from "../../scripts/lib/run";
import { PARITY_BAD_REQUESTS, PARITY_QUERIES, searchParityProblems } from "../support/search-parity";
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
/**
 * The response diff between two servers: how many URLs it compared, and its report. Run without blocking: a
 * synchronous child would stall this process's event loop for the whole diff, so the keep-alive sockets its fetches
 * left open would miss the servers closing them, and the next fetch would go out on a closed one.
 */
async function responseDiff(a: string, b: string, name: string) {
  const child = spawn(
    process.execPath,
    tsxArgs(
      "scripts/response-diff.ts",
      ...["--a", a, "--b", b, "--out", path.join(TMP, `diff-${name}`)],
      // Search answers under a weaker contract than byte-identity (ranking and snippets differ between FTS5 and
      // PostgreSQL): its URLs are compared by searchParity below instead.
      ...["--exclude", "/search", "--exclude", "/api/v1/search"],
    ),
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const compared = Number(/(\d+) URLs compared/.exec(output)?.[1] ?? 0);
  return { status, compared, report: output };
}

/**
 * The search URLs on both servers, held to the parity contract (tests/support/search-parity.ts, README "Search on
 * PostgreSQL"): for every query of the fixed set, the API overall and per kind — same status, parsed query, notes and
 * total, the same set of results when the page holds them all, the exact name first — and the page overall and per
 * kind: the same counts, and the same result links when they fit on the page. Bad requests answer byte-identically.
 */
async function searchParity(a: string, b: string) {
  const problems: string[] = [];
  let compared = 0;
  /** Pages that showed a count and results: the fragments compared are not all empty. */
  let withResults = 0;
  const get = async (url: string) => {
    compared++;
    const [x, y] = await Promise.all([fetch(a + url), fetch(b + url)]);
    const [bx, by] = await Promise.all([x.text(), y.text()]);
    if (x.status !== y.status) problems.push(`${url}: status ${x.status} ≠ ${y.status}`);
    return [bx, by] as const;
  };
  for (const url of PARITY_BAD_REQUESTS) {
    const [x, y] = await get(url);
    if (x !== y) problems.push(`${url}: answers differ`);
  }
  const fragment = (html: string, pattern: RegExp) => html.match(pattern)?.[0] ?? "";
  const links = (html: string) =>
    [...html.matchAll(/<h3 class="[^"]*"><a href="([^"]*)"/g)].map((m) => m[1]).sort();
  for (const { q } of PARITY_QUERIES) {
    const exactName = parseQuery(q).exactName;
    for (const kind of [null, ...SEARCH_KINDS]) {
      const query = `q=${encodeURIComponent(q)}${kind ? `&kind=${kind}` : ""}`;
      const api = `/api/v1/search?${query}&limit=${API_LIMIT}`;
      const [x, y] = (await get(api)).map((body) => JSON.parse(body)) as [SearchBody, SearchBody];
      for (const field of ["query", "notes", "total"] as const)
        if (JSON.stringify(x[field]) !== JSON.stringify(y[field])) problems.push(`${api}: ${field} differs`);
      if (x.total <= API_LIMIT)
        problems.push(
          ...searchParityProblems({ ...x, hits: x.results }, { ...y, hits: y.results }, exactName).map(
            (p) => `${api}: ${p}`,
          ),
        );

      const page = `/search?${query}`;
      const [hx, hy] = await get(page);
      if (fragment(hx, /id="result-count">/) && links(hx).length > 0) withResults++;
      for (const pattern of [
        /id="result-count">[\s\S]*?<\/p>/,
        /<nav aria-label="Kinds of result"[\s\S]*?<\/nav>/,
      ])
        if (fragment(hx, pattern) !== fragment(hy, pattern))
          problems.push(`${page}: ${pattern.source} differs`);
      if (kind && x.total <= SEARCH_PAGE_SIZE && links(hx).join() !== links(hy).join())
        problems.push(`${page}: result links differ`);
    }
  }
  return { problems, compared, withResults };
}

interface SearchBody {
  query: string;
  notes: string[];
  total: number;
  results: { kind: string; slug: string; title: string; url: string }[];
}
const API_LIMIT = 50;
/** Kept here rather than imported: lib/search/index.ts is server-only. */
const SEARCH_PAGE_SIZE = 20;

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
test("every URL answers alike on SQLite and PostgreSQL, search under its parity contract: real content", async () => {
  test.setTimeout(600_000);
  const file = path.join(TMP, "real.db");
  const { ownerUrl, readerUrl } = await cluster.createDatabase("parity_real");
  for (const target of [file, ownerUrl]) {
    const built = dbBuild("content", target);
    expect(built.status, built.stderr).toBe(0);
  }
  const [sqlite, postgres] = await Promise.all([serve(envFor({ db: file }).DATABASE_URL!), serve(readerUrl)]);
  const diff = await responseDiff(sqlite.base, postgres.base, "real");
  expect(diff.report).toMatch(/URLs compared/);
  expect(diff.compared).toBeGreaterThanOrEqual(200);
  expect(diff.status, diff.report).toBe(0);

  const search = await searchParity(sqlite.base, postgres.base);
  expect(search.problems).toEqual([]);
  expect(search.compared).toBeGreaterThanOrEqual(200);
  expect(search.withResults).toBeGreaterThanOrEqual(50);
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
