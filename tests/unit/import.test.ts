import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBody } from "@/lib/content/markdown";
import { importDocument, ImportError, slugify } from "@/lib/import";
import { articleFileText } from "@/lib/import/article-file";
import { decodeBytes } from "@/lib/import/decode";
import { extractArticle, parseDocument, stripPage } from "@/lib/import/extract";
import { parsePublished, readMetadata } from "@/lib/import/metadata";
import { fromMarkdown, fromText } from "@/lib/import/plain";
import { toMarkdown, webHref } from "@/lib/import/to-markdown";

const FIXTURES = "tests/fixtures/import";
const read = (name: string) => readFileSync(`${FIXTURES}/${name}`);
const LONG =
  "The harbour board met on the quay and agreed to widen the channel before the autumn storms arrive in force. ".repeat(
    4,
  );

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e.message;
    throw e;
  }
  throw new Error("expected an ImportError");
}

describe("extractArticle", () => {
  const html = read("oslo-talks.html").toString("utf8");
  it("keeps the article and drops navigation, share buttons, cookie notice, related links and the comment form", () => {
    const body = toMarkdown(
      extractArticle(html, "oslo-talks.html").html,
      "https://ledger.example.org/analysis/x",
    );
    expect(body).toContain("Negotiators from Washington and Tehran met in Oslo on Tuesday");
    expect(body).toContain("## A quiet split with Jerusalem");
    for (const furniture of [
      "Podcasts",
      "Share on social",
      "cookies",
      "What the Geneva round achieved",
      "Leave a comment",
      "Post comment",
      "All rights reserved",
      "Copy link",
    ]) {
      expect(body).not.toContain(furniture);
    }
  });

  it("imports scripts, frames, script links and hidden text as nothing but inert words", () => {
    const article = extractArticle(read("hostile-page.html").toString("utf8"), "hostile-page.html");
    const body = toMarkdown(article.html, "https://dispatch.example.org/kessel");
    for (const gone of [
      "stolen",
      "tracker",
      "ads.example",
      "Hidden text",
      "hidden line",
      "Decorative",
      "Search",
      "onload",
      "onclick",
      "javascript:",
      "data:text",
    ]) {
      expect(body).not.toContain(gone);
    }
    // The link words stay; only web links stay links. A script written as text in the article is text.
    expect(body).toContain("before noon. Officials on both sides");
    expect(body).toContain(
      "[the traffic figures](https://dispatch.example.org/kessel-figures) and a summary.",
    );
    expect(body).toContain("“<script>alert(1)</script> is not a valid permit code”");
    expect(parseBody(body).map((b) => b.kind)).toEqual(["paragraph", "paragraph", "paragraph", "paragraph"]);
  });

  it("strips, before extraction, everything that could run or that a reader cannot see", () => {
    const document = parseDocument(
      `<!doctype html><html><head></head><body><p onclick="x()">Seen <a href="/a" onmouseover="y()">words</a>.</p><script>run()</script><iframe src="f"></iframe><p style="color:red; display: none">gone 1</p><p style="visibility:hidden">gone 2</p><p hidden>gone 3</p><div aria-hidden="true">gone 4</div><div role="dialog">gone 5</div><div class="cookie-notice">gone 6</div><ul class="share-tools"><li>gone 7</li></ul><form><input value="gone 8"></form><p style="color: blue">Kept.</p></body></html>`,
    );
    stripPage(document);
    expect(document.body.innerHTML).toBe(
      '<p>Seen <a href="/a">words</a>.</p><p style="color: blue">Kept.</p>',
    );
  });

  it("refuses a page with no article in it", () => {
    const html = `<html><body><nav><a href="/">Home</a><a href="/news">News</a></nav><p>Subscribe today.</p></body></html>`;
    expect(error(() => extractArticle(html, "empty.html"))).toMatch(
      /^no article text found in empty\.html \(\d+ words? left after removing page furniture/,
    );
  });
});

describe("readMetadata", () => {
  it("reads title, publisher, canonical URL, kind and the date with where it came from", () => {
    const document = parseDocument(read("oslo-talks.html").toString("utf8"));
    expect(readMetadata(document)).toEqual({
      title: "Oslo round ends without a deal as allies split over missiles",
      publisher: "The Northern Ledger",
      url: "https://ledger.example.org/analysis/oslo-round-missiles",
      kind: "analysis",
      published: {
        date: "2026-03-06",
        precision: "day",
        basis:
          "From the page’s article:published_time meta tag, “2026-03-06T08:30:00+01:00”: the date as the publisher wrote it.",
      },
    });
  });

  it("falls back to JSON-LD and <time datetime>, and strips the site name from the title", () => {
    const ld = parseDocument(
      `<html><head><title>Quay works | Harbour Dispatch</title><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-11","publisher":{"name":"Harbour Dispatch"},"url":"https://dispatch.example.org/q"}]}</script></head><body></body></html>`,
    );
    expect(readMetadata(ld)).toMatchObject({
      title: "Quay works",
      publisher: "Harbour Dispatch",
      url: "https://dispatch.example.org/q",
      kind: "news",
      published: { date: "2025-11", precision: "month" },
    });
    const time = parseDocument(`<article><time datetime="2024-02-29T23:30:00-05:00">29 Feb</time></article>`);
    expect(readMetadata(time).published).toMatchObject({ date: "2024-02-29", precision: "day" });
    expect(readMetadata(parseDocument("<p>No dates here.</p>")).published).toBeNull();
  });

  it("keeps the publisher's calendar date, and refuses impossible ones", () => {
    expect(parsePublished("2026-03-06T23:30:00-05:00")).toEqual({ date: "2026-03-06", precision: "day" });
    expect(parsePublished("2026-02-30")).toBeNull();
    expect(parsePublished("March 6")).toBeNull();
  });
});

describe("toMarkdown", () => {
  it("keeps the words verbatim, without escapes or emphasis marks, and lists as items", () => {
    const html = `<h2>Costs <em>rise</em></h2><p>Fees rose by 5* and [not a link] — <strong>sharply</strong>_ on 1 May.</p><ul><li>First <b>point</b></li><li>Second<ul><li>nested</li></ul></li></ul><blockquote><p>A quoted line.</p></blockquote>`;
    expect(toMarkdown(html, null)).toBe(
      "## Costs rise\n\nFees rose by 5* and [not a link] — sharply_ on 1 May.\n\n- First point\n- Second\n- nested\n\nA quoted line.",
    );
  });

  it("resolves relative links against the page's address and keeps only web links", () => {
    expect(webHref("/a b(c)", "https://x.example/p/")).toBe("https://x.example/a%20b%28c%29");
    expect(webHref("mailto:a@b.c", null)).toBeNull();
    expect(webHref("/relative", null)).toBeNull();
  });
});

describe("decodeBytes", () => {
  it("reads UTF-8, a byte-order mark and a declared charset", () => {
    expect(decodeBytes(Buffer.from("café", "utf8"), "a.txt", false)).toBe("café");
    expect(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), "a.txt", false)).toBe("a");
    const latin = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><p>caf'),
      Buffer.from([0xe9]),
      Buffer.from("</p>"),
    ]);
    expect(decodeBytes(latin, "a.html", true)).toContain("café");
  });

  it("refuses an unknown encoding, bytes that are not what they claim, and binary files, in one line", () => {
    expect(error(() => decodeBytes(Buffer.from('<meta charset="x-martian">hi'), "a.html", true))).toBe(
      'a.html declares the unknown encoding "x-martian"',
    );
    expect(error(() => decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9]), "a.txt", false))).toBe(
      "a.txt is in an unknown encoding: it is not UTF-8 and declares no charset",
    );
    expect(error(() => decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), "a.txt", false))).toBe(
      "a.txt is not a text file (it contains NUL bytes)",
    );
    expect(error(() => decodeBytes(Buffer.alloc(0), "a.txt", false))).toBe("a.txt is empty");
  });
});

describe("fromText and fromMarkdown", () => {
  it("takes a plain text's first short line as the title", () => {
    expect(fromText("Quay works begin\n\nFirst paragraph\ncontinues here.\n\n- one\n- two\n")).toEqual({
      title: "Quay works begin",
      body: "First paragraph continues here.\n\n- one\n- two",
      meta: {},
    });
  });

  it("reads a Markdown file's frontmatter and heading, keeps web links and drops marks", () => {
    const md =
      "---\ntitle: Quay works\npublisher: Harbour Dispatch\ndate: 2025-10-02\n---\n# Ignored heading\n\nThe **board** met [on the quay](https://x.example/q) and [here](javascript:x).\n\n1. First\n2. Second\n\n![a photo](p.png)\n";
    expect(fromMarkdown(md, null)).toEqual({
      title: "Quay works",
      body: "# Ignored heading\n\nThe board met [on the quay](https://x.example/q) and here.\n\n- First\n- Second",
      meta: { publisher: "Harbour Dispatch", published: "2025-10-02" },
    });
  });
});

describe("importDocument", () => {
  it("builds a draft article: frontmatter with the page's metadata and review: draft, then the body", () => {
    const article = importDocument("oslo-talks.html", read("oslo-talks.html"));
    expect(article.slug).toBe("oslo-round-ends-without-deal-allies");
    const text = articleFileText(article);
    expect(text).toMatch(
      /^---\ntitle: Oslo round ends without a deal as allies split over missiles\npublisher: The Northern Ledger\n/,
    );
    expect(text).toContain("\nreview: draft\n---\n\nNegotiators from Washington");
    // The required perspective is left for a person to write: nothing standing in for it could be published.
    expect(article.frontmatter.perspective).toEqual({ text: "", basis: "" });
    expect(text).toContain('\nperspective:\n  text: ""\n  basis: ""\n');
    expect(text).toContain(
      "[fourth round of indirect talks](https://ledger.example.org/analysis/fourth-round-preview)",
    );
  });

  it("lets --published, --slug and --url override the page, and never uses today", () => {
    const noDate = Buffer.from(`Quay works\n\n${LONG}`);
    expect(error(() => importDocument("quay.txt", noDate))).toBe(
      "no publication date in quay.txt (looked for article:published_time, JSON-LD datePublished, <time datetime>): pass --published YYYY-MM-DD",
    );
    const given = importDocument("quay.txt", noDate, {
      published: "2025-10-02",
      slug: "quay-works",
      url: "https://x.example/q",
    });
    expect(given).toMatchObject({
      slug: "quay-works",
      frontmatter: {
        url: "https://x.example/q",
        published: { date: "2025-10-02", precision: "day" },
        perspective: { text: "", basis: "" },
      },
    });
    expect(error(() => importDocument("quay.txt", noDate, { published: "2 Oct 2025" }))).toMatch(
      /^--published must be a date written YYYY-MM-DD/,
    );
    expect(
      error(() => importDocument("quay.txt", noDate, { published: "2025-10-02", slug: "Quay Works" })),
    ).toBe('"Quay Works" is not a slug: lowercase words joined by hyphens');
    expect(error(() => importDocument("quay.pdf", noDate))).toBe(
      "quay.pdf: unsupported file type (import .html, .txt or .md)",
    );
    expect(
      error(() =>
        importDocument("short.txt", Buffer.from("Title\n\nToo short."), { published: "2025-10-02" }),
      ),
    ).toMatch(/^no article text found in short\.txt/);
  });

  it("makes slugs from the words of a title that carry meaning", () => {
    expect(slugify("The Fall of the Quay: What Next?")).toBe("fall-quay-what-next");
    expect(slugify("Türkiye’s élan")).toBe("turkiyes-elan");
  });
});
