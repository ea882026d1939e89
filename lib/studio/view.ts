// What the studio pages show: the articles with drafts, and one article with every suggestion placed beside the
// paragraph its evidence is in. Read from the files on every request (the studio edits them), never from the
// database snapshot the public pages read.
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { checkContentDir, formatProblem, type ContentProblem } from "@/lib/content";
import type { Block } from "@/lib/content/markdown";
import { parseArticle } from "@/lib/content/parse";
import { normaliseQuote, quoteFinder } from "@/lib/content/quotes";
import { ACCEPTABLE, FINDINGS, readArticleFiles, reviewVersion, type Section } from "./operations";

export interface StudioArticle {
  slug: string;
  title: string;
  draft: boolean;
  suggestions: number;
}

export async function listStudioArticles(
  contentDir: string,
): Promise<{ articles: StudioArticle[]; problems: string[] }> {
  const result = await checkContentDir(contentDir);
  if (!result.ok) return { articles: [], problems: result.problems.map(formatProblem) };
  const slugs = new Set([...result.review.draftArticles, ...result.review.draftFiles.map((f) => f.article)]);
  const articles = [...slugs].sort().map((slug) => {
    const files = readArticleFiles(contentDir, slug);
    const parsed = files.article.text ? parseArticle(files.article.path, slug, files.article.text) : null;
    const title =
      parsed?.ok && typeof (parsed.value.frontmatter.data as { title?: unknown }).title === "string"
        ? String((parsed.value.frontmatter.data as { title: string }).title)
        : slug;
    const file = result.review.draftFiles.find((f) => f.article === slug);
    return {
      slug,
      title,
      draft: result.review.draftArticles.includes(slug),
      suggestions: file ? ACCEPTABLE.reduce((n, s) => n + (file.sections[s] ?? 0), 0) : 0,
    };
  });
  return { articles, problems: [] };
}

export interface StudioItem {
  /** `events-0`: section and index in the files' current version. */
  id: string;
  /** Stable across writes (the index shifts when an item before it goes): what React keys the card by. */
  key: string;
  section: Section;
  index: number;
  paragraph: number | null;
  /** What the item is, in a few words, for its heading. */
  label: string;
  fields: { name: string; value: string }[];
  evidence: string[];
  /** The editable texts of an acceptable item. */
  edit: { title?: string; summary?: string; stance?: string; claim?: string } | null;
}

export interface StudioReview {
  slug: string;
  title: string;
  draft: boolean;
  /** Whose standpoint the source writes from: the reviewer writes it before publishing. */
  perspective: { text: string; basis: string };
  blocks: Block[];
  version: string;
  suggestions: StudioItem[];
  findings: StudioItem[];
  accepted: StudioItem[];
  actors: { slug: string; name: string }[];
  issues: { slug: string; title: string }[];
  problems: ContentProblem[];
  takenEventSlugs: Set<string>;
}

type Item = Record<string, unknown> & { evidence?: unknown[] };

export async function loadStudioReview(contentDir: string, slug: string): Promise<StudioReview | null> {
  const files = readArticleFiles(contentDir, slug);
  if (files.article.text === null) return null;
  const parsed = parseArticle(files.article.path, slug, files.article.text);
  if (!parsed.ok) return null;
  const frontmatter = parsed.value.frontmatter.data as {
    title?: string;
    review?: string;
    perspective?: { text?: string; basis?: string };
  };
  const blocks = parsed.value.blocks;
  const finders = blocks.map((b) => ({ n: b.n, find: quoteFinder(b.text) }));
  const paragraphOf = (entry: unknown): number | null => {
    const e =
      typeof entry === "string" ? { quote: entry } : (entry as { quote?: string; paragraph?: number });
    if (!e?.quote) return null;
    if (e.paragraph) return e.paragraph;
    const needle = normaliseQuote(e.quote);
    return finders.find((f) => f.find(needle))?.n ?? null;
  };
  const quoteOf = (entry: unknown) =>
    typeof entry === "string" ? entry : String((entry as { quote?: string })?.quote ?? "");

  const toItems = (data: Record<string, unknown> | null, sections: readonly Section[]) =>
    sections.flatMap((section) =>
      ((data?.[section] as Item[] | undefined) ?? []).map((item, index): StudioItem => {
        const evidence = (item.evidence ?? []).map(quoteOf);
        return {
          id: `${section}-${index}`,
          key: createHash("sha1")
            .update(`${section}\n${JSON.stringify(item)}`)
            .digest("hex")
            .slice(0, 16),
          section,
          index,
          paragraph: paragraphOf(item.evidence?.[0]),
          ...describeItem(section, item),
          evidence,
          edit:
            section === "events"
              ? { title: str(item.title), summary: str(item.summary), claim: str(item.claim) }
              : section === "positions"
                ? { stance: str(item.stance), summary: str(item.summary), claim: str(item.claim) }
                : null,
        };
      }),
    );
  const draftData = files.draft.text ? (parse(files.draft.text) as Record<string, unknown> | null) : null;
  const annotationData = files.annotation.text
    ? (parse(files.annotation.text) as Record<string, unknown> | null)
    : null;

  const result = await checkContentDir(contentDir);
  const mine = new Set(Object.values(files).map((f) => f.path));
  const problems = result.ok ? [] : result.problems.filter((i) => [...mine].some((p) => i.file.endsWith(p)));
  const corpus = result.ok ? result.content : null;
  const takenEventSlugs = new Set<string>([
    ...(corpus?.events.map((e) => e.slug) ?? []),
    ...(((draftData?.events as Item[]) ?? []).map((e) => String(e.slug)) ?? []),
    ...(((annotationData?.events as Item[]) ?? []).map((e) => String(e.slug)) ?? []),
  ]);
  return {
    slug,
    title: frontmatter.title ?? slug,
    draft: frontmatter.review === "draft",
    perspective: {
      text: frontmatter.perspective?.text ?? "",
      basis: frontmatter.perspective?.basis ?? "",
    },
    blocks,
    version: reviewVersion(files),
    suggestions: toItems(draftData, ACCEPTABLE),
    findings: toItems(draftData, FINDINGS),
    accepted: toItems(annotationData, ["events", "positions", "actors"]).map((i) => ({
      ...i,
      id: `accepted-${i.id}`,
      edit: null,
    })),
    actors: corpus?.actors.map((a) => ({ slug: a.slug, name: a.name })) ?? [],
    issues: corpus?.issues.map((i) => ({ slug: i.slug, title: i.title })) ?? [],
    problems,
    takenEventSlugs,
  };
}

const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : (str(v) ?? ""));

function describeItem(section: Section, item: Item): Pick<StudioItem, "label" | "fields"> {
  const date = item.date as { stated?: string; start?: string; end?: string; precision?: string } | undefined;
  const field = (name: string, value: unknown) =>
    value === undefined ? [] : [{ name, value: String(value) }];
  switch (section) {
    case "events":
      return {
        label: `Event: ${str(item.title) ?? str(item.slug)}`,
        fields: [
          ...field(
            "Date",
            date
              ? `${date.stated ?? ""} → ${date.start ?? "?"}${date.end ? `–${date.end}` : ""} (${date.precision ?? "?"})`
              : undefined,
          ),
          ...field("Actors", list(item.actors)),
          ...field("Issues", list(item.issues)),
          ...field("Claim", item.claim),
          ...field("Summary", item.summary),
        ],
      };
    case "positions":
      return {
        label: `Position: ${str(item.actor)} on ${str(item.issue)}`,
        fields: [
          ...field("Stance", item.stance),
          ...field("Claim", item.claim),
          ...field("Voice", item.voice),
          ...field("Summary", item.summary),
        ],
      };
    case "actors":
      return { label: `Actor: ${str(item.actor)}`, fields: [] };
    case "mentions":
      return { label: `Mention of ${str(item.actor)}: “${str(item.text)}”`, fields: [] };
    case "candidates":
      return {
        label: `New name? ${str(item.name)}`,
        fields: [...field("Guessed kind", item.kind), ...field("Times named", item.count)],
      };
    case "dates":
      return {
        label: `Date: ${str(item.stated)} → ${str(item.start)}${item.end ? `–${str(item.end)}` : ""}`,
        fields: [...field("Precision", item.precision), ...field("Basis", item.basis)],
      };
    case "not_events":
      return {
        label: `Not an event (${str(item.reason)}): “${str(item.cue)}”`,
        fields: [...field("Actors", list(item.actors))],
      };
    case "issues":
      return { label: `Issue: ${str(item.issue)}`, fields: [] };
  }
}
