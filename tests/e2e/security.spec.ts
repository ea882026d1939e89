import { expect, test } from "@playwright/test";

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

test("every page hydrates under its policy: no script is blocked", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const { issues } = (await (await page.request.get("/api/v1/issues")).json()) as {
    issues: { slug: string }[];
  };
  for (const path of [...PAGES, `/issues/${issues[0]!.slug}`, `/issues/${issues[0]!.slug}?from=share`]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    // React's runtime has run: the client router exists.
    await expect.poll(() => page.evaluate(() => "next" in window), { message: path }).toBe(true);
  }
  expect(violations).toEqual([]);
});
