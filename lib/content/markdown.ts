// The small Markdown subset article bodies use: headings, paragraphs, bullet items and inline links. Written here
// rather than taken from a Markdown library because quotes are matched against, and offsets counted in, exactly the
// plain text this produces, and nothing else (raw HTML, emphasis) is allowed to mean anything.

export type BlockKind = "heading" | "paragraph" | "list-item";

export interface Block {
  /** 1-based paragraph number: the `#p-<n>` anchor. */
  n: number;
  kind: BlockKind;
  /** 1–6 for headings, 0 otherwise. */
  level: number;
  /** Inline Markdown as written. */
  source: string;
  /** Plain text (links reduced to their words). */
  text: string;
  /** 1-based line in the file where the block starts. */
  line: number;
}

export type Inline = { type: "text"; text: string } | { type: "link"; text: string; href: string };

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/** Splits inline Markdown into text and links. Anything else, HTML included, stays literal text. */
export function parseInline(source: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of source.matchAll(LINK)) {
    const index = match.index;
    if (index > last) parts.push({ type: "text", text: source.slice(last, index) });
    parts.push({ type: "link", text: match[1] ?? "", href: match[2] ?? "" });
    last = index + match[0].length;
  }
  if (last < source.length) parts.push({ type: "text", text: source.slice(last) });
  return parts;
}

export function inlineText(source: string): string {
  return parseInline(source)
    .map((part) => part.text)
    .join("");
}

/**
 * Splits an article body into numbered blocks. `firstLine` is the file line the body starts on, so each block
 * knows where it came from. Consecutive non-blank lines of a paragraph are joined with a space.
 */
export function parseBody(body: string, firstLine = 1): Block[] {
  const blocks: Block[] = [];
  let pending: { lines: string[]; line: number } | null = null;

  const push = (kind: BlockKind, level: number, source: string, line: number) => {
    blocks.push({ n: blocks.length + 1, kind, level, source, text: inlineText(source), line });
  };
  const flush = () => {
    if (pending) push("paragraph", 0, pending.lines.join(" "), pending.line);
    pending = null;
  };

  body.split(/\r?\n/).forEach((raw, index) => {
    const line = firstLine + index;
    const text = raw.trim();
    if (text === "") return flush();
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading) {
      flush();
      return push("heading", heading[1]!.length, heading[2]!.trim(), line);
    }
    const item = /^[-*]\s+(.*)$/.exec(text);
    if (item) {
      flush();
      return push("list-item", 0, item[1]!.trim(), line);
    }
    if (pending) pending.lines.push(text);
    else pending = { lines: [text], line };
  });
  flush();
  return blocks;
}

/** Links are followed only to the web; anything else (`javascript:`, `data:`) renders as plain words. */
export function isSafeHref(href: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(href);
}
