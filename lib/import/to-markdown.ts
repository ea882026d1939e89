// Article HTML to the Markdown subset content/articles uses (headings, paragraphs, "-" items, [words](url) links),
// with turndown doing the walking. The words stay verbatim: no escaping (the subset has none), emphasis and other
// inline markup keep their words and lose their marks, and a link survives only if it goes to the web.
import TurndownService from "turndown";

/** A link target the reader may follow: http(s) only, resolved against the page's address when relative. */
export function webHref(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    if (!/^https?:$/.test(url.protocol)) return null;
    // The subset's link syntax ends at ")" or white space.
    return url.href.replace(
      /[()\s]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
    );
  } catch {
    return null;
  }
}

const INLINE_MARKUP = [
  "em",
  "i",
  "strong",
  "b",
  "u",
  "s",
  "del",
  "ins",
  "mark",
  "small",
  "sub",
  "sup",
  "abbr",
  "cite",
  "q",
  "span",
  "time",
  "code",
  "kbd",
  "samp",
  "var",
  "dfn",
] as const;

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

export function toMarkdown(html: string, base: string | null): string {
  const service = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", br: " " });
  service.escape = (s: string) => s;
  service.addRule("inline", { filter: [...INLINE_MARKUP], replacement: (content) => content });
  service.addRule("drop", {
    filter: ["img", "picture", "figure", "hr", "button", "input", "select", "textarea"],
    replacement: (_content, node) => {
      const caption = (node as HTMLElement).querySelector?.("figcaption")?.textContent;
      return node.nodeName === "FIGURE" && caption ? `\n\n${oneLine(caption)}\n\n` : "";
    },
  });
  service.addRule("link", {
    filter: "a",
    replacement: (content, node) => {
      const words = oneLine(content);
      const href = webHref((node as HTMLElement).getAttribute("href"), base);
      return href && words && !/[[\]]/.test(words) ? `[${words}](${href})` : content;
    },
  });
  service.addRule("heading", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content, node) => `\n\n${"#".repeat(Number(node.nodeName[1]))} ${oneLine(content)}\n\n`,
  });
  // Nested lists come out as items of their own after their parent: the subset has one level.
  service.addRule("item", {
    filter: "li",
    replacement: (content) => {
      const lines = content.split("\n").map((l) => l.trim());
      const own = oneLine(lines.filter((l) => !l.startsWith("- ")).join(" "));
      const nested = lines.filter((l) => l.startsWith("- "));
      return (
        [own ? `- ${own}` : "", ...nested]
          .filter(Boolean)
          .map((l) => `\n${l}`)
          .join("") + "\n"
      );
    },
  });
  service.addRule("list", { filter: ["ul", "ol"], replacement: (content) => `\n\n${content.trim()}\n\n` });
  service.addRule("block", {
    filter: [
      "blockquote",
      "pre",
      "p",
      "div",
      "section",
      "article",
      "aside",
      "header",
      "footer",
      "dd",
      "dt",
      "caption",
    ],
    replacement: (content) => `\n\n${content}\n\n`,
  });
  service.addRule("row", { filter: "tr", replacement: (content) => `\n\n${oneLine(content)}\n\n` });
  service.addRule("cell", { filter: ["td", "th"], replacement: (content) => ` ${oneLine(content)} ` });

  const markdown = service.turndown(html);
  // One block per line: paragraphs and items on one line each, blank lines between blocks.
  return markdown
    .split(/\n{2,}/)
    .flatMap((block) => {
      const lines = block
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length === 0) return [];
      if (lines.every((l) => l.startsWith("- ")))
        return [lines.map((l) => `- ${oneLine(l.slice(2))}`).join("\n")];
      return [oneLine(lines.join(" "))];
    })
    .filter((block) => block !== "" && block !== "-")
    .join("\n\n");
}
