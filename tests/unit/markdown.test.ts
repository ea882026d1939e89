import { describe, expect, it } from "vitest";
import { inlineText, isSafeHref, parseBody, parseInline } from "@/lib/content/markdown";

describe("parseBody", () => {
  it("numbers headings, paragraphs and bullet items in order, with their lines", () => {
    const body = ["## Heading", "", "First line", "continues here.", "", "- one", "* two", "", "Last."].join(
      "\n",
    );
    const blocks = parseBody(body, 10);
    expect(blocks.map((b) => [b.n, b.kind, b.text, b.line])).toEqual([
      [1, "heading", "Heading", 10],
      [2, "paragraph", "First line continues here.", 12],
      [3, "list-item", "one", 15],
      [4, "list-item", "two", 16],
      [5, "paragraph", "Last.", 18],
    ]);
    expect(blocks[0]!.level).toBe(2);
  });

  it("returns nothing for an empty body", () => {
    expect(parseBody("\n\n  \n")).toEqual([]);
  });
});

describe("parseInline", () => {
  it("keeps link words in the text and the URL aside", () => {
    const source = "the [major uprising](https://example.org/a) there";
    expect(parseInline(source)).toEqual([
      { type: "text", text: "the " },
      { type: "link", text: "major uprising", href: "https://example.org/a" },
      { type: "text", text: " there" },
    ]);
    expect(inlineText(source)).toBe("the major uprising there");
  });

  it("leaves HTML as literal text", () => {
    expect(parseInline("<script>alert(1)</script>")).toEqual([
      { type: "text", text: "<script>alert(1)</script>" },
    ]);
  });
});

describe("isSafeHref", () => {
  it("follows only web links", () => {
    expect(isSafeHref("https://example.org/")).toBe(true);
    expect(isSafeHref("javascript:alert(1)")).toBe(false);
    expect(isSafeHref("JaVaScRiPt:alert(1)")).toBe(false);
    expect(isSafeHref("data:text/html,hi")).toBe(false);
  });
});
