import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CSP_MANIFEST } from "@/lib/env";
import { inlineScriptHashes, writeCspManifest } from "../../scripts/lib/csp-manifest";
import { scratchDir } from "../support/scratch";

// The hash a browser computes for an inline script: SHA-256 over the exact text between the tags, base64.
const sha = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

describe("inlineScriptHashes", () => {
  it("hashes each inline script's exact text, whatever its attributes", () => {
    const bodies = [
      'self.__next_f.push([1,"a"])',
      "\n  (self.__next_f=self.__next_f||[]).push([0])\n",
      "document.documentElement.dataset.x = 'é — “quoted”'",
    ];
    const html =
      `<html><head><script>${bodies[0]}</script>` +
      `<script nonce="abc" type="text/javascript" async="">${bodies[1]}</script></head>` +
      `<body><p>text</p><script id="x" data-src="y">${bodies[2]}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual(bodies.map(sha));
  });

  it("skips external and empty scripts, and lists a repeated script once", () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script>' +
      '<script async src="/b.js"></script>' +
      "<script></script>" +
      "<script>one()</script><script>one()</script><script>two()</script>";
    expect(inlineScriptHashes(html)).toEqual([sha("one()"), sha("two()")]);
  });

  it("ends a script at its first closing tag, as the HTML parser does", () => {
    const html = '<script>a("x")</script><div>"</script>"</div><script>b()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('a("x")'), sha("b()")]);
  });

  it("hashes a script spanning lines and one whose attribute value contains 'src'", () => {
    const body = "\nfirst();\nsecond();\n";
    expect(inlineScriptHashes(`<script data-note="no srcset here">${body}</script>`)).toEqual([sha(body)]);
  });
});

describe("writeCspManifest", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("maps every prerendered page to its hashes by URL path, with the not-found page as the fallback", () => {
    dir = scratchDir("csp-manifest-");
    const app = path.join(dir, "server", "app");
    const page = (rel: string, scripts: string[]) => {
      mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
      writeFileSync(
        path.join(app, rel),
        `<!DOCTYPE html><html><body>${scripts.map((s) => `<script>${s}</script>`).join("")}` +
          `<script src="/_next/static/chunks/main.js"></script></body></html>`,
      );
    };
    page("index.html", ["home()"]);
    page("issues.html", ["issues()"]);
    page("issues/iran-talks.html", ["issue()", "home()"]);
    page("_not-found.html", ["missing()"]);
    page("_global-error.html", ["error()"]);
    // Not pages: RSC payloads and metadata written beside them.
    writeFileSync(path.join(app, "index.rsc"), "<script>nope()</script>");
    writeFileSync(path.join(app, "issues.meta"), "{}");

    expect(writeCspManifest(dir)).toBe(3);
    expect(JSON.parse(readFileSync(path.join(dir, CSP_MANIFEST), "utf8"))).toEqual({
      pages: {
        "/": [sha("home()")],
        "/issues": [sha("issues()")],
        "/issues/iran-talks": [sha("issue()"), sha("home()")],
      },
      fallback: [sha("missing()")],
    });
  });
});
