// Plain text and Markdown files to the article subset. Plain text: the first line is the title, blank lines part
// paragraphs, lines starting "- ", "* " or "• " are items. Markdown: its frontmatter (if any) and first "# "
// heading give the title; emphasis marks and images go, links to the web stay, other links keep their words.
import { parse as parseYamlText } from "yaml";
import { webHref } from "./to-markdown";

export interface PlainDocument {
  title: string | null;
  body: string;
  /** Frontmatter fields of a Markdown file, when it has them. */
  meta: { publisher?: string; url?: string; published?: string };
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function blocksOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

function render(blocks: string[][]): string {
  return blocks
    .map((lines) => {
      const items = lines.every((l) => /^[-*•]\s+/.test(l));
      if (items) return lines.map((l) => `- ${oneLine(l.replace(/^[-*•]\s+/, ""))}`).join("\n");
      if (/^#{1,6}\s/.test(lines[0]!) && lines.length === 1) return oneLine(lines[0]!);
      return oneLine(lines.join(" "));
    })
    .join("\n\n");
}

export function fromText(text: string): PlainDocument {
  const blocks = blocksOf(text);
  const first = blocks[0];
  // A first block of one short line without a full stop is the title.
  if (first && first.length === 1 && first[0]!.split(/\s+/).length <= 20 && !/[.!?]$/.test(first[0]!)) {
    return { title: oneLine(first[0]!), body: render(blocks.slice(1)), meta: {} };
  }
  return { title: null, body: render(blocks), meta: {} };
}

export function fromMarkdown(text: string, base: string | null): PlainDocument {
  let source = text.replace(/\r\n?/g, "\n");
  const meta: PlainDocument["meta"] = {};
  let title: string | null = null;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (front) {
    try {
      const data = parseYamlText(front[1]!) as Record<string, unknown> | null;
      if (data && typeof data === "object") {
        if (typeof data.title === "string") title = data.title.trim();
        if (typeof data.publisher === "string") meta.publisher = data.publisher;
        if (typeof data.url === "string") meta.url = data.url;
        const date = data.date ?? data.published;
        if (typeof date === "string" || typeof date === "number") meta.published = String(date);
        if (date instanceof Date) meta.published = date.toISOString().slice(0, 10);
      }
    } catch {
      // Not YAML after all: the block stays part of the text.
    }
    source = source.slice(front[0].length);
  }
  const lines = source.split("\n").map((line) =>
    line
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/\[([^\]\n]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, words: string, href: string) => {
        const web = webHref(href, base);
        return web ? `[${words}](${web})` : words;
      })
      .replace(/(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1/g, "$2")
      .replace(/(?<![\p{L}\p{N}*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\p{L}\p{N}*])/gu, "$2")
      .replace(/`([^`\n]+)`/g, "$1")
      .replace(/^>\s?/, "")
      .replace(/^\d+[.)]\s+/, "- ")
      .replace(/^(```|~~~).*$/, ""),
  );
  const blocks = blocksOf(lines.join("\n"));
  const heading = blocks[0]?.[0] && /^#\s+(.+)$/.exec(blocks[0][0]);
  if (!title && heading && blocks[0]!.length === 1) {
    title = oneLine(heading[1]!);
    blocks.shift();
  }
  return { title, body: render(blocks), meta };
}
