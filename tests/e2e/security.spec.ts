import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CSP_MANIFEST } from "@/lib/env";
import { startServer } from "../../scripts/lib/server";
import { DIST, distWithManifest } from "../support/project";
import { scratchDir } from "../support/scratch";

const PAGES = ["/", "/issues", "/articles", "/actors", "/actors/us", "/search?q=iran", "/no-such-page"];

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toContain("frame-ancestors 'none'");
  const scripts = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scripts, where).not.toContain("unsafe-inline");
  return csp;
}

/** Slugs of the first issue and article, from the API. */
async function slugs(page: Page) {
  const get = async (url: string) => (await page.request.get(url)).json();
  const { issues } = (await get("/api/v1/issues")) as { issues: { slug: string }[] };
  const { articles } = (await get("/api/v1/articles")) as { articles: { slug: string }[] };
  return { issue: issues[0]!.slug, article: articles[0]!.slug };
}

/**
 * Records every script the Content-Security-Policy refuses on this page, from the browser's own event (the
 * listener is installed by Playwright, outside the page's policy).
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** The CSP hash of the first inline script of a prerendered page that pushes React's payload. */
function firstPayloadHash(page: string): string {
  const file = path.join(DIST, "server/app", page === "/" ? "index.html" : `${page.slice(1)}.html`);
  const match = /<script>(self\.__next_f\.push\(\[1,[\s\S]*?)<\/script>/.exec(readFileSync(file, "utf8"));
  expect(match, file).not.toBeNull();
  return `sha256-${createHash("sha256").update(match![1]!, "utf8").digest("base64")}`;
}

/** Set by components/ui/hydration-mark.tsx from an effect: only a hydrated page has it. */
const hydrated = (page: Page) => page.locator("html[data-hydrated]");

test("pages and API responses carry the security headers and a script policy without 'unsafe-inline'", async ({
  request,
}) => {
  const { issues } = (await (await request.get("/api/v1/issues")).json()) as { issues: { slug: string }[] };
  for (const path of [...PAGES, `/issues/${issues[0]!.slug}`, `/issues/${issues[0]!.slug}?utm=x`]) {
    const response = await request.get(path);
    const csp = expectSecurityHeaders(response.headers(), path);
    expect(csp, path).toMatch(/script-src 'self' ('sha256-|'nonce-)/);
  }
  for (const path of ["/api/v1/issues", "/api/v1/events?actor=nobody", "/api/v1/issues/nope"]) {
    const response = await request.get(path);
    expect(expectSecurityHeaders(response.headers(), path)).toContain("default-src 'none'");
  }
});

test("every page hydrates under its policy: no script is refused", async ({ page }) => {
  const violations = await watchViolations(page);
  const { issue, article } = await slugs(page);
  const refused: string[] = [];
  for (const path of [
    ...PAGES,
    `/issues/${issue}`,
    `/issues/${issue}?from=share`,
    `/articles/${article}`,
    "/timeline",
    "/timeline?actor=us&per=10",
    "/matrix",
    `/matrix?cell=${issue}:${article}`,
  ]) {
    await page.goto(path);
    await expect(hydrated(page), path).toHaveCount(1);
    refused.push(...(await violations()));
  }
  expect(refused).toEqual([]);
});

test.describe("control cases: a script the policy does not allow is refused, and the page does not hydrate", () => {
  /** After the page has loaded and gone quiet, hydration has had its chance; it must not have happened. */
  async function expectRefusedAndInert(page: Page, url: string, violations: () => Promise<string[]>) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await expect.poll(violations, { message: url }).toContainEqual(expect.stringMatching(/^script-src/));
    await page.waitForTimeout(1_000);
    await expect(hydrated(page), url).toHaveCount(0);
  }

  test("a prerendered page whose manifest entry has one wrong hash: /, an issue and an article", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const { issue, article } = await slugs(page);
    const altered = ["/", `/issues/${issue}`, `/articles/${article}`];
    const manifest = JSON.parse(readFileSync(path.join(DIST, CSP_MANIFEST), "utf8")) as {
      pages: Record<string, string[]>;
    };
    for (const p of altered) {
      // The hash of the page's first React payload chunk (the one with its root) becomes one that matches nothing.
      // (Refusing a later chunk is also reported as a violation, but React may still hydrate the layout.)
      const hashes = manifest.pages[p]!;
      const at = hashes.indexOf(firstPayloadHash(p));
      expect(at, p).toBeGreaterThanOrEqual(0);
      hashes[at] = `sha256-${Buffer.alloc(32).toString("base64")}`;
    }
    const dir = scratchDir("csp-control-");
    const server = await startServer({ env: { NEXT_DIST_DIR: distWithManifest(dir, manifest) } });
    try {
      const violations = await watchViolations(page);
      // The same server, the same build: a page whose entry was left alone hydrates.
      await page.goto(`${server.base}/issues`);
      await expect(hydrated(page)).toHaveCount(1);
      expect(await violations()).toEqual([]);
      for (const p of altered) await expectRefusedAndInert(page, server.base + p, violations);
    } catch (error) {
      console.error(`--- control server output ---\n${server.output()}`);
      throw error;
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a page rendered per request whose policy names other script hashes: /timeline and /matrix", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    // The response the server sent (from its response cache, whose pages carry the hashes of their inline scripts in
    // place of a nonce: lib/serve/csp.ts), with every hash in its policy changed to one that matches nothing but the
    // loader's (lib/serve/hydrate.ts), so the scripts are started and it is React's payload that is refused.
    await page.route(/\/(timeline|matrix)(\?|$)/, async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      const csp = headers["content-security-policy"]!;
      expect(csp).not.toMatch(/'nonce-/);
      expect(csp).toMatch(/'sha256-[^']+'/);
      const loader = /<script type="module">(\(function\(\)\{var s=[\s\S]*?)<\/script><\/body>/.exec(
        await response.text(),
      );
      expect(loader).not.toBeNull();
      const kept = `'sha256-${createHash("sha256").update(loader![1]!, "utf8").digest("base64")}'`;
      expect(csp).toContain(kept);
      headers["content-security-policy"] = csp.replace(/'sha256-[^']+'/g, (hash) =>
        hash === kept ? hash : `'sha256-${Buffer.alloc(32).toString("base64")}'`,
      );
      await route.fulfill({ response, headers });
    });
    for (const url of ["/timeline", "/matrix"]) await expectRefusedAndInert(page, url, violations);
  });
});
