import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { ContentProblem } from "./errors";
import { parseBody, type Block } from "./markdown";

export type Path = ReadonlyArray<string | number>;

/** A parsed YAML document that can say which line any value in it came from. */
export interface LocatedYaml {
  file: string;
  data: unknown;
  /** The line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: Path): number;
}

export interface ParsedArticle {
  file: string;
  slug: string;
  frontmatter: LocatedYaml;
  blocks: Block[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

/** Parses YAML text. `lineOffset` shifts lines for YAML embedded in a larger file (frontmatter). */
export function parseYaml(file: string, text: string, lineOffset = 0): Parsed<LocatedYaml> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        line: counter.linePos(error.pos[0]).line + lineOffset,
        message: `invalid YAML: ${firstSentence(error.message)}`,
      })),
    };
  }
  const lineAt = (offset: number) => counter.linePos(offset).line + lineOffset;
  return {
    ok: true,
    value: {
      file,
      data: doc.toJS(),
      lineOf: (path) => lineOfPath(doc, path, lineAt) ?? 1 + lineOffset,
    },
  };
}

function firstSentence(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function lineOfPath(doc: Document, path: Path, lineAt: (offset: number) => number): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}

/** Splits `---` frontmatter from a Markdown article and parses both halves. */
export function parseArticle(file: string, slug: string, text: string): Parsed<ParsedArticle> {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== "---") {
    return {
      ok: false,
      problems: [{ file, line: 1, message: "an article starts with a `---` frontmatter block" }],
    };
  }
  const close = lines.indexOf("---", 1);
  if (close < 0) {
    return {
      ok: false,
      problems: [{ file, line: 1, message: "the frontmatter block has no closing `---`" }],
    };
  }
  const frontmatter = parseYaml(file, lines.slice(1, close).join("\n"), 1);
  if (!frontmatter.ok) return frontmatter;
  const blocks = parseBody(lines.slice(close + 1).join("\n"), close + 2);
  if (blocks.length === 0) {
    return {
      ok: false,
      problems: [{ file, line: close + 2, message: "the article has no text after its frontmatter" }],
    };
  }
  return { ok: true, value: { file, slug, frontmatter: frontmatter.value, blocks } };
}
