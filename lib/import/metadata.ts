// What a saved page says about itself: title, publisher, canonical URL, kind, and the publication date with the
// place it came from. Everything here is a suggestion for the reviewer; a date is never taken from today.
import type { ArticleKind } from "@/lib/domain";
import { isIsoDay, type Precision } from "@/lib/dates";

export interface PublishedDate {
  date: string;
  precision: Exclude<Precision, "week" | "range">;
  /** Where it came from, in words: the basis sentence of the frontmatter. */
  basis: string;
}

export interface PageMetadata {
  title: string | null;
  publisher: string | null;
  url: string | null;
  kind: ArticleKind | null;
  published: PublishedDate | null;
}

type JsonLd = Record<string, unknown>;

function jsonLd(document: Document): JsonLd[] {
  const out: JsonLd[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value && typeof value === "object") {
      const node = value as JsonLd;
      out.push(node);
      if (node["@graph"]) visit(node["@graph"]);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken JSON-LD block is furniture like any other; the meta tags may still say what is needed.
    }
  }
  return out;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report/;

function typesOf(node: JsonLd): string[] {
  const t = node["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (value && typeof value === "object" && "name" in value) return text((value as JsonLd).name);
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function meta(document: Document, ...keys: string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const el =
      document.querySelector(`meta[property="${key}"]`) ??
      document.querySelector(`meta[name="${key}"]`) ??
      document.querySelector(`meta[itemprop="${key}"]`);
    const value = el?.getAttribute("content")?.trim();
    if (value) return { key, value };
  }
  return null;
}

function httpUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A written timestamp to a date. The calendar date is the one the publisher wrote, in its own time zone
 * ("2026-03-06T23:30:00-05:00" is 6 March), not converted to ours.
 */
export function parsePublished(
  value: string,
): { date: string; precision: PublishedDate["precision"] } | null {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s]|$)/.exec(value.trim());
  if (!iso) return null;
  const [, y, m, d] = iso;
  if (d) return isIsoDay(`${y}-${m}-${d}`) ? { date: `${y}-${m}-${d}`, precision: "day" } : null;
  if (m) return Number(m) >= 1 && Number(m) <= 12 ? { date: `${y}-${m}`, precision: "month" } : null;
  return { date: y!, precision: "year" };
}

export function readMetadata(
  document: Document,
  fallback: { title?: string | null; siteName?: string | null } = {},
): PageMetadata {
  const ld = jsonLd(document);
  const article = ld.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t))) ?? null;

  const pageTitle = document.querySelector("title")?.textContent?.trim() || null;
  const publisher =
    meta(document, "og:site_name")?.value ?? text(article?.publisher) ?? fallback.siteName ?? null;
  let title = meta(document, "og:title")?.value ?? text(article?.headline) ?? fallback.title ?? pageTitle;
  if (title && publisher) title = title.replace(new RegExp(`\\s*[|–—-]\\s*${escape(publisher)}\\s*$`), "");

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const ogUrl = meta(document, "og:url")?.value;
  const ldUrl = text(article?.url) ?? text((article?.mainEntityOfPage as JsonLd | undefined)?.["@id"]);
  const url = httpUrl(canonical, ogUrl ?? ldUrl) ?? httpUrl(ogUrl) ?? httpUrl(ldUrl);

  const types = article ? typesOf(article) : [];
  const section = meta(document, "article:section")?.value ?? "";
  const kind: ArticleKind | null =
    types.some((t) => /Opinion/.test(t)) || /opinion|comment/i.test(section)
      ? "opinion"
      : types.some((t) => /Analysis/.test(t)) || /analysis/i.test(section)
        ? "analysis"
        : types.some((t) => /NewsArticle|Reportage/.test(t))
          ? "news"
          : null;

  return { title, publisher, url, kind, published: publishedDate(document, article) };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function publishedDate(document: Document, article: JsonLd | null): PublishedDate | null {
  const found = (value: string, source: string) => {
    const parsed = parsePublished(value);
    return (
      parsed && {
        ...parsed,
        basis: `From the page’s ${source}, “${value}”: the date as the publisher wrote it.`,
      }
    );
  };
  const tag = meta(
    document,
    "article:published_time",
    "datePublished",
    "publish-date",
    "pubdate",
    "date",
    "dc.date",
    "DC.date.issued",
  );
  if (tag) {
    const r = found(tag.value, `${tag.key} meta tag`);
    if (r) return r;
  }
  const ldDate = text(article?.datePublished);
  if (ldDate) {
    const r = found(ldDate, "JSON-LD datePublished");
    if (r) return r;
  }
  const time = document.querySelector("article time[datetime], time[pubdate], time[datetime]");
  const datetime = time?.getAttribute("datetime");
  if (datetime) {
    const r = found(datetime, "time element (datetime)");
    if (r) return r;
  }
  return null;
}
