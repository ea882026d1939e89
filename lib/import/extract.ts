// A saved web page to its article: Mozilla's Readability (Firefox Reader View) over linkedom's DOM finds the body
// and drops the page furniture. Before it runs, everything that could act or hide is removed — scripts, frames,
// embeds, forms, hidden text, cookie dialogs — so only words a reader could see are left to import.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { ImportError } from "./errors";

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** The article body as HTML, furniture removed. */
  html: string;
  words: number;
}

const INERT_TAGS =
  "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, svg, math, canvas, video, audio, source, track, map, form, input, button, select, textarea, label, dialog, link, meta, base";
const HIDDEN =
  '[hidden], [aria-hidden="true"], [role="dialog"], [role="alertdialog"], [aria-modal="true"], [type="hidden"]';
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$))/i;
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:cookie|consent|gdpr|newsletter|paywall|share|sharing|social|related|comments?)(?:$|[\s_-])/i;

/** At least this many words are an article; fewer is a page of furniture or an empty extraction. */
export const MIN_ARTICLE_WORDS = 40;

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Removes everything that is not visible text: the inert tags, hidden elements, and furniture by class or id. */
export function stripPage(document: Document): void {
  for (const el of [...document.querySelectorAll(INERT_TAGS)]) el.remove();
  for (const el of [...document.querySelectorAll(HIDDEN)]) el.remove();
  for (const el of [...document.querySelectorAll("[style]")]) {
    if (HIDDEN_STYLE.test(el.getAttribute("style") ?? "")) el.remove();
  }
  for (const el of [...document.querySelectorAll("[class], [id]")]) {
    if (el.tagName === "BODY" || el.tagName === "HTML" || el.tagName === "ARTICLE" || el.tagName === "MAIN")
      continue;
    const name = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
    if (FURNITURE_NAME.test(name)) el.remove();
  }
  // Event handlers and script URLs cannot run from Markdown, but nothing downstream should even see them.
  for (const el of [...document.querySelectorAll("*")]) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name)) el.removeAttribute(attr.name);
    }
  }
}

export function extractArticle(html: string, file: string): ExtractedArticle {
  const document = parseDocument(html);
  stripPage(document);
  const result = new Readability(document, { charThreshold: 200, keepClasses: false }).parse();
  const text = result?.textContent ?? "";
  const words = text.split(/\s+/).filter(Boolean).length;
  if (!result || words < MIN_ARTICLE_WORDS) {
    throw new ImportError(
      `no article text found in ${file} (${words} word${words === 1 ? "" : "s"} left after removing page furniture; an article has at least ${MIN_ARTICLE_WORDS})`,
    );
  }
  return {
    title: result.title?.trim() || null,
    byline: result.byline?.trim() || null,
    siteName: result.siteName?.trim() || null,
    publishedTime: result.publishedTime?.trim() || null,
    html: result.content ?? "",
    words,
  };
}
