import { expect, test } from "@playwright/test";
import {
  actorsResponse,
  articlesResponse,
  errorResponse,
  eventsResponse,
  issueResponse,
  issuesResponse,
  matrixResponse,
} from "@/lib/api/schemas";

test.describe("JSON API", () => {
  test("every endpoint answers with its documented shape", async ({ request }) => {
    const get = async (url: string) => {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/json");
      return response.json();
    };
    const articles = articlesResponse.parse(await get("/api/v1/articles"));
    expect(articles.articles.length).toBeGreaterThanOrEqual(2);
    const actors = actorsResponse.parse(await get("/api/v1/actors"));
    expect(actors.actors.map((a) => a.slug)).toEqual(expect.arrayContaining(["us", "israel"]));
    const issues = issuesResponse.parse(await get("/api/v1/issues"));
    expect(issues.issues.length).toBeGreaterThan(0);
    const first = issues.issues[0]!;
    const issue = issueResponse.parse(await get(`/api/v1/issues/${first.slug}`));
    expect(issue.issue).toEqual(first);
    const events = eventsResponse.parse(await get("/api/v1/events"));
    expect(events.total).toBe(events.events.length);
    const matrix = matrixResponse.parse(await get("/api/v1/matrix?a=us&b=israel"));
    expect(matrix.rows.map((r) => r.issue)).toEqual(issues.issues.map((i) => i.slug));
  });

  test("event filters: repeated actor means any of them, and dates bound the result", async ({ request }) => {
    const all = eventsResponse.parse(await (await request.get("/api/v1/events")).json());
    const us = eventsResponse.parse(await (await request.get("/api/v1/events?actor=us")).json());
    const iran = eventsResponse.parse(await (await request.get("/api/v1/events?actor=iran")).json());
    const either = eventsResponse.parse(
      await (await request.get("/api/v1/events?actor=us&actor=iran")).json(),
    );
    expect(us.events.every((e) => e.actors.includes("us"))).toBe(true);
    expect(new Set(either.events.map((e) => e.slug))).toEqual(
      new Set([...us.events, ...iran.events].map((e) => e.slug)),
    );
    expect(us.total).toBeLessThan(all.total);
    const ranged = eventsResponse.parse(
      await (await request.get("/api/v1/events?from=2026-01-01&to=2026-12-31")).json(),
    );
    expect(ranged.events.length).toBeGreaterThan(0);
    expect(ranged.events.every((e) => e.date.end >= "2026-01-01" && e.date.start <= "2026-12-31")).toBe(true);
  });

  test("bad input gets 400 or 404 with a JSON error, never a 500", async ({ request }) => {
    for (const url of [
      "/api/v1/events?actor=atlantis",
      "/api/v1/events?issue=nothing",
      "/api/v1/events?article=nowhere",
      "/api/v1/events?from=2026-02-30",
      "/api/v1/events?to=yesterday",
      "/api/v1/matrix?a=us&b=atlantis",
    ]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(400);
      const body = errorResponse.parse(await response.json());
      expect(body.issues?.length, url).toBeGreaterThan(0);
    }
    const missing = await request.get("/api/v1/issues/no-such-issue");
    expect(missing.status()).toBe(404);
    expect(errorResponse.parse(await missing.json()).error).toContain("no-such-issue");
  });

  test("a 400 names each bad parameter: the path and message of every problem", async ({ request }) => {
    const problem = (path: (string | number)[], message: string | RegExp) => ({
      path,
      message: typeof message === "string" ? message : expect.stringMatching(message),
    });
    const cases: [string, ReturnType<typeof problem>[]][] = [
      ["/api/v1/events?from=2026-02-01&to=2026-01-01", [problem(["to"], "`to` is before `from`")]],
      ["/api/v1/events?mode=bogus", [problem(["mode"], /"any".*"all"/)]],
      // Repeated values are read in their canonical (sorted) order, the one the response cache keys on, so the
      // index counts in that order: "atlantis" sorts before "us".
      ["/api/v1/events?actor=us&actor=atlantis", [problem(["actor", 0], 'unknown actor "atlantis"')]],
      ["/api/v1/events?actor=us&actor=zanzibar", [problem(["actor", 1], 'unknown actor "zanzibar"')]],
      ["/api/v1/events?issue=nothing", [problem(["issue", 0], 'unknown issue "nothing"')]],
      ["/api/v1/events?article=nowhere", [problem(["article", 0], 'unknown article "nowhere"')]],
      ["/api/v1/events?from=2026-02-30", [problem(["from"], "must be a calendar date written YYYY-MM-DD")]],
      [
        "/api/v1/events?actor=atlantis&mode=bogus&to=yesterday",
        [
          problem(["actor", 0], 'unknown actor "atlantis"'),
          problem(["mode"], /"any".*"all"/),
          problem(["to"], "must be a calendar date written YYYY-MM-DD"),
        ],
      ],
      ["/api/v1/events.csv?from=2026-02-01&to=2026-01-01", [problem(["to"], "`to` is before `from`")]],
      ["/api/v1/events.csv?actor=atlantis", [problem(["actor", 0], 'unknown actor "atlantis"')]],
      ["/api/v1/matrix?a=us&b=us", [problem(["b"], "a and b must be two different actors")]],
      ["/api/v1/matrix?a=atlantis&b=us", [problem(["a"], 'unknown actor "atlantis"')]],
      [
        "/api/v1/matrix?a=atlantis&b=nowhere",
        [problem(["a"], 'unknown actor "atlantis"'), problem(["b"], 'unknown actor "nowhere"')],
      ],
    ];
    for (const [url, issues] of cases) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(400);
      expect(response.headers()["content-type"], url).toContain("application/json");
      expect(await response.json(), url).toEqual({ error: "invalid query", issues });
    }
    const missing = await request.get("/api/v1/issues/no-such-issue");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no issue "no-such-issue"' });
  });
});

test("the home page lists every issue, linked", async ({ page, request }) => {
  const issues = issuesResponse.parse(await (await request.get("/api/v1/issues")).json());
  await page.goto("/");
  for (const issue of issues.issues) {
    await expect(page.locator(`a[href="/issues/${issue.slug}"]`).first()).toBeVisible();
  }
});
