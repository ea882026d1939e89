// Import: a saved page, plain text or Markdown file → the article file's frontmatter and body. Pure: bytes in,
// text out; scripts/article-add.ts reads and writes. Bad input throws an ImportError whose message is one line.
import { parseBody } from "@/lib/content/markdown";
import { isSlug, type ArticleKind } from "@/lib/domain";
import { decodeBytes } from "./decode";
import { ImportError } from "./errors";
import { extractArticle, parseDocument } from "./extract";
import { parsePublished, readMetadata, type PublishedDate } from "./metadata";
import { fromMarkdown, fromText } from "./plain";
import { toMarkdown } from "./to-markdown";

export { ImportError } from "./errors";

export interface ImportOptions {
  url?: string;
  slug?: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY): overrides and replaces whatever the page says. */
  published?: string;
}

export interface ImportedArticle {
  slug: string;
  frontmatter: {
    title: string;
    publisher: string | null;
    url: string | null;
    kind: ArticleKind;
    published: PublishedDate;
    /** Empty: only a person who has read the article can state it, and it must be written before publishing. */
    perspective: { text: string; basis: string };
    notes: string;
    review: "draft";
  };
  body: string;
  /** Where each metadata value came from, for the command's report. */
  sources: { publisher: string | null; kind: string };
}

const FORMATS = { html: /\.x?html?$/i, text: /\.txt$/i, markdown: /\.(?:md|markdown)$/i };

export function importDocument(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): ImportedArticle {
  const url = options.url ?? null;
  if (url !== null && !/^https?:\/\/\S+$/i.test(url))
    throw new ImportError(`--url must be an http(s) address, not "${url}"`);
  let title: string | null;
  let body: string;
  let publisher: string | null = null;
  let pageUrl: string | null = null;
  let kind: ArticleKind | null = null;
  let published: PublishedDate | null = null;
  let publisherSource: string | null = null;

  if (FORMATS.html.test(fileName)) {
    const html = decodeBytes(bytes, fileName, true);
    const extracted = extractArticle(html, fileName);
    const meta = readMetadata(parseDocument(html), extracted);
    ({ title, publisher, kind, published } = meta);
    pageUrl = meta.url;
    publisherSource = publisher ? "from the page's metadata" : null;
    body = toMarkdown(extracted.html, url ?? pageUrl);
    // Readability keeps the headline in the body at times; the title lives in the frontmatter.
    if (title) body = body.replace(new RegExp(`^#{1,6} ${escape(title)}\\n\\n`), "");
  } else if (FORMATS.text.test(fileName) || FORMATS.markdown.test(fileName)) {
    const text = decodeBytes(bytes, fileName, false);
    const doc = FORMATS.text.test(fileName) ? fromText(text) : fromMarkdown(text, url);
    title = doc.title;
    body = doc.body;
    publisher = doc.meta.publisher ?? null;
    publisherSource = publisher ? "from the file's frontmatter" : null;
    pageUrl = doc.meta.url && /^https?:\/\//.test(doc.meta.url) ? doc.meta.url : null;
    const date = doc.meta.published && parsePublished(doc.meta.published);
    if (date) published = { ...date, basis: `From the file's frontmatter, “${doc.meta.published}”.` };
  } else {
    throw new ImportError(`${fileName}: unsupported file type (import .html, .txt or .md)`);
  }

  const blocks = parseBody(body);
  const words = blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
  if (blocks.length === 0 || words < 40) {
    throw new ImportError(
      `no article text found in ${fileName} (${words} words; an article has at least 40)`,
    );
  }
  if (!title) title = blocks[0]!.text.split(/\s+/).slice(0, 12).join(" ");

  if (options.published !== undefined) {
    const given = parsePublished(options.published);
    if (!given || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(options.published)) {
      throw new ImportError(
        `--published must be a date written YYYY-MM-DD (or YYYY-MM, YYYY), not "${options.published}"`,
      );
    }
    published = { ...given, basis: "Given on the command line (--published) when the article was imported." };
  }
  if (!published) {
    throw new ImportError(
      `no publication date in ${fileName} (looked for article:published_time, JSON-LD datePublished, <time datetime>): pass --published YYYY-MM-DD`,
    );
  }

  const slug = options.slug ?? slugify(title);
  if (!isSlug(slug)) throw new ImportError(`"${slug}" is not a slug: lowercase words joined by hyphens`);

  return {
    slug,
    frontmatter: {
      title,
      publisher,
      url: url ?? pageUrl,
      kind: kind ?? "analysis",
      published,
      perspective: { text: "", basis: "" },
      notes: `Imported from ${baseName(fileName)} with npm run article:add: title, publisher, URL and date as the page gives them${kind ? "" : "; the kind is a guess (the page does not say)"}.`,
      review: "draft",
    },
    body,
    sources: { publisher: publisherSource, kind: kind ? "from the page's metadata" : "a guess" },
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

const SLUG_STOP = new Set(["a", "an", "the", "of", "and", "as", "to", "in", "on", "for", "with", "at", "by"]);

/** The first words of the title that carry meaning, as a slug. */
export function slugify(title: string): string {
  const words = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((w) => !SLUG_STOP.has(w));
  return (meaningful.length >= 2 ? meaningful : words).slice(0, 6).join("-") || "article";
}
