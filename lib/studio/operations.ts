// The studio's write operations. Each one turns a reviewer's action into new text for the article's draft and
// annotation files (and, to publish, its article file), edited with the `yaml` Document API so comments, key order
// and untouched items stay as they were, and hands it to the one content writer, which validates the whole content
// and writes all files or none. Items are addressed by section and index in the version of the files the page
// showed; the writer refuses the change if any file moved on since.
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document } from "yaml";
import { uniqueSlug } from "@/lib/assist";
import { CLAIM_KINDS, type ClaimKind } from "@/lib/domain";
import { contentVersion, replaceContentFiles, StaleVersion } from "@/lib/content/write";
import { PRECISIONS } from "@/lib/dates";

/** Draft sections with the reviewed shapes: accepting one of their items moves it into the annotation file. */
export const ACCEPTABLE = ["events", "positions", "actors"] as const;
/** What the assist found, for reference: rejected (deleted) once used or not wanted. */
export const FINDINGS = ["mentions", "candidates", "dates", "not_events", "issues"] as const;
export type Acceptable = (typeof ACCEPTABLE)[number];
export type Section = Acceptable | (typeof FINDINGS)[number];

export interface ItemEdit {
  title?: string;
  summary?: string;
  stance?: string;
  claim?: string;
}

export interface NewItem {
  kind: "event" | "position";
  quote: string;
  paragraph: number;
  title?: string;
  summary: string;
  stance?: string;
  claim: string;
  actors: string[];
  issue: string;
  date?: { stated: string; start: string; precision: string; basis: string };
}

export type Operation =
  | { op: "accept"; section: Acceptable; index: number; edit?: ItemEdit }
  | { op: "reject"; section: Section; index: number }
  | { op: "accept-all"; section: Acceptable }
  | { op: "create"; item: NewItem }
  | { op: "publish"; perspective?: { text: string; basis: string } };

/** A request the studio cannot act on (unknown item, bad field): nothing was written. */
export class BadOperation extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadOperation";
  }
}

export interface FileState {
  path: string;
  text: string | null;
  version: string;
}

/** The three files the studio edits for one article, as they are now. */
export function readArticleFiles(
  contentDir: string,
  slug: string,
): Record<"article" | "draft" | "annotation", FileState> {
  const read = (rel: string): FileState => {
    const file = path.join(contentDir, rel);
    const text = existsSync(file) ? readFileSync(file, "utf8") : null;
    return { path: rel, text, version: contentVersion(text) };
  };
  return {
    article: read(`articles/${slug}.md`),
    draft: read(`drafts/${slug}.yaml`),
    annotation: read(`annotations/${slug}.yaml`),
  };
}

/** The version the page sends back with every edit: all three files, so a change to any of them is noticed. */
export function reviewVersion(files: Record<string, FileState>): string {
  return Object.values(files)
    .map((f) => f.version)
    .join(".");
}

const ANNOTATION_HEADER = (slug: string) =>
  ` Reviewed annotations for articles/${slug}.md: items accepted in the studio or written by hand.`;

function yamlDoc(text: string): Document {
  return parseDocument(text) as unknown as Document;
}

function sectionOf(doc: Document, section: string, create: boolean): YAMLSeq {
  const node = doc.get(section, true);
  if (isSeq(node)) return node;
  if (!create) throw new BadOperation(`the draft has no "${section}" section`);
  const seq = new YAMLSeq();
  doc.set(section, seq);
  return doc.get(section, true) as YAMLSeq;
}

function setText(map: YAMLMap, key: string, value: string | undefined) {
  if (value === undefined) return;
  const trimmed = value.trim();
  if (trimmed === "") throw new BadOperation(`${key} must not be empty`);
  map.set(key, trimmed);
}

/** The new text of each file an operation changes. Pure: reads nothing, writes nothing. */
export function planOperation(
  slug: string,
  files: Record<"article" | "draft" | "annotation", FileState>,
  operation: Operation,
  takenEventSlugs: Set<string> = new Set(),
): { path: string; text: string; version: string }[] {
  const out = (f: FileState, text: string) => ({ path: f.path, text, version: f.version });
  if (operation.op === "publish") {
    const text = files.article.text;
    if (text === null) throw new BadOperation(`no article "${slug}"`);
    const lines = text.split("\n");
    const close = lines.indexOf("---", 1);
    if (lines[0] !== "---" || close < 0) throw new BadOperation("the article has no frontmatter block");
    const frontmatter = yamlDoc(lines.slice(1, close).join("\n"));
    if (frontmatter.get("review") !== "draft") throw new BadOperation("the article is already published");
    frontmatter.delete("review");
    const { perspective } = operation;
    if (perspective) {
      frontmatter.setIn(["perspective", "text"], need(perspective.text, "perspective"));
      frontmatter.setIn(["perspective", "basis"], need(perspective.basis, "perspective basis"));
    }
    const head = frontmatter.toString({ lineWidth: 110, minContentWidth: 40 });
    return [out(files.article, ["---", head.replace(/\n$/, ""), ...lines.slice(close)].join("\n"))];
  }

  if (operation.op === "create") {
    const annotation = yamlDoc(files.annotation.text ?? "");
    if (files.annotation.text === null) annotation.commentBefore = ANNOTATION_HEADER(slug);
    if (!isMap(annotation.contents)) annotation.contents = new YAMLMap();
    const item = newItem(operation.item, takenEventSlugs);
    const seq = sectionOf(annotation, operation.item.kind === "event" ? "events" : "positions", true);
    seq.flow = false;
    seq.items.push(annotation.createNode(item));
    return [out(files.annotation, annotation.toString({ lineWidth: 0 }))];
  }

  if (files.draft.text === null) throw new BadOperation(`no draft file for "${slug}"`);
  const draft = yamlDoc(files.draft.text);
  const seq = sectionOf(draft, operation.section, false);
  if (operation.op === "reject") {
    if (!seq.items[operation.index])
      throw new BadOperation(`no ${operation.section} item ${operation.index + 1}`);
    seq.items.splice(operation.index, 1);
    return [out(files.draft, draft.toString({ lineWidth: 0 }))];
  }

  const indices = operation.op === "accept-all" ? seq.items.map((_, i) => i) : [operation.index];
  if (indices.length === 0) throw new BadOperation(`no ${operation.section} left to accept`);
  const moved = indices.map((i) => {
    const node = seq.items[i];
    if (!isMap(node)) throw new BadOperation(`no ${operation.section} item ${i + 1}`);
    return node;
  });
  if (operation.op === "accept" && operation.edit) {
    const node = moved[0]!;
    const { title, summary, stance, claim } = operation.edit;
    if (claim !== undefined && !(CLAIM_KINDS as readonly string[]).includes(claim))
      throw new BadOperation(`claim must be one of ${CLAIM_KINDS.join(", ")}`);
    setText(node, "title", operation.section === "events" ? title : undefined);
    setText(node, "stance", operation.section === "positions" ? stance : undefined);
    if (operation.section !== "actors") setText(node, "summary", summary);
    if (claim !== undefined && operation.section !== "actors") node.set("claim", claim as ClaimKind);
  }
  seq.items = seq.items.filter((_, i) => !indices.includes(i));

  const annotation = yamlDoc(files.annotation.text ?? "");
  if (files.annotation.text === null) annotation.commentBefore = ANNOTATION_HEADER(slug);
  if (!isMap(annotation.contents)) annotation.contents = new YAMLMap();
  const target = sectionOf(annotation, operation.section, true);
  target.flow = false;
  for (const node of moved) {
    // The draft's section comment belongs to the draft, not to the item.
    node.commentBefore = undefined;
    node.spaceBefore = false;
    target.items.push(node);
  }
  return [
    out(files.draft, draft.toString({ lineWidth: 0 })),
    out(files.annotation, annotation.toString({ lineWidth: 0 })),
  ];
}

function need(value: string | undefined, name: string): string {
  const v = value?.trim();
  if (!v) throw new BadOperation(`${name} must not be empty`);
  return v;
}

function newItem(item: NewItem, taken: Set<string>): Record<string, unknown> {
  const quote = item.quote.replace(/\s+/g, " ").trim();
  if (!quote) throw new BadOperation("select the words of the article that show it (the quote is empty)");
  if (!Number.isInteger(item.paragraph) || item.paragraph < 1)
    throw new BadOperation("the quote's paragraph is missing");
  if (!(CLAIM_KINDS as readonly string[]).includes(item.claim))
    throw new BadOperation(`claim must be one of ${CLAIM_KINDS.join(", ")}`);
  if (!item.issue) throw new BadOperation("choose an issue");
  if (item.actors.length === 0) throw new BadOperation("choose an actor");
  const evidence = [{ quote, paragraph: item.paragraph }];
  if (item.kind === "position") {
    return {
      actor: item.actors[0],
      issue: item.issue,
      stance: need(item.stance, "stance"),
      summary: need(item.summary, "summary"),
      claim: item.claim,
      evidence,
    };
  }
  const date = item.date;
  if (!date) throw new BadOperation("an event needs a date");
  if (!(PRECISIONS as readonly string[]).includes(date.precision))
    throw new BadOperation(`precision must be one of ${PRECISIONS.join(", ")}`);
  const start = need(date.start, "date start");
  const title = need(item.title, "title");
  return {
    slug: uniqueSlug(title, start, taken),
    title,
    summary: need(item.summary, "summary"),
    claim: item.claim,
    date: {
      stated: need(date.stated, "stated date"),
      start,
      precision: date.precision,
      basis: need(date.basis, "date basis"),
    },
    actors: item.actors,
    issues: [item.issue],
    evidence,
  };
}

export interface Applied {
  message: string;
  changed: { file: string; line: number }[];
  /** What to write back to undo it: each file's text before, and the version it has now. */
  undo: { path: string; text: string | null; version: string }[];
}

/**
 * Plans and writes one operation, if the files are still at `version`. Throws StaleVersion (another edit came
 * first), ContentError (the result would not be valid content, with file:line) or BadOperation; in each case no
 * file was touched.
 */
export async function applyOperation(
  contentDir: string,
  slug: string,
  version: string,
  operation: Operation,
  takenEventSlugs?: Set<string>,
): Promise<Applied> {
  const files = readArticleFiles(contentDir, slug);
  if (reviewVersion(files) !== version)
    throw new StaleVersion(
      `the files of "${slug}" changed since this page was loaded (in another tab or an editor): nothing was written; reload to see them as they are now`,
    );
  const planned = planOperation(slug, files, operation, takenEventSlugs);
  const { changed } = await replaceContentFiles(contentDir, planned);
  const byPath = new Map(Object.values(files).map((f) => [f.path, f]));
  return {
    message: describe(operation),
    changed,
    undo: planned.map((p) => ({
      path: p.path,
      text: byPath.get(p.path)!.text,
      version: contentVersion(p.text),
    })),
  };
}

/** Writes back what an operation replaced (deleting a file it created), if nothing changed the files since. */
export async function undoOperation(contentDir: string, undo: Applied["undo"]) {
  return replaceContentFiles(contentDir, undo);
}

function describe(operation: Operation): string {
  const one = { events: "event", positions: "position", actors: "actor" } as const;
  switch (operation.op) {
    case "accept":
      return `Accepted the ${one[operation.section]}${operation.edit ? " with your changes" : ""}.`;
    case "accept-all":
      return `Accepted every remaining ${one[operation.section]}.`;
    case "reject":
      return "Rejected the suggestion.";
    case "create":
      return `Added the ${operation.item.kind} with the selected words as its evidence.`;
    case "publish":
      return "Published the article: it reaches the public site at the next npm start.";
  }
}
