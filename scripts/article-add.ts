// npm run article:add -- <file> [--url URL] [--slug SLUG] [--published YYYY-MM-DD] [--content DIR]
// Imports a saved page (.html), plain text or Markdown as content/articles/<slug>.md marked `review: draft`, with
// the draft assist's suggestions in content/drafts/<slug>.yaml. Bad input: one line on stderr, nothing written.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runAssist } from "../lib/assist";
import { draftFileText } from "../lib/assist/draft-file";
import { checkContentDir, ContentError, formatProblem } from "../lib/content";
import { parsePartialDate } from "../lib/content/dates";
import { parseBody } from "../lib/content/markdown";
import { WriteRefused, writeNewContentFiles } from "../lib/content/write";
import { toolEnv } from "../lib/env";
import { importDocument, ImportError } from "../lib/import";
import { articleFileText } from "../lib/import/article-file";

function fail(message: string): never {
  console.error(`article:add: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: "string" },
      slug: { type: "string" },
      published: { type: "string" },
      content: { type: "string", default: toolEnv().FAULTLINES_CONTENT },
    },
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (positionals.length !== 1) {
  fail(
    "usage: npm run article:add -- <file.html|.txt|.md> [--url URL] [--slug SLUG] [--published YYYY-MM-DD]",
  );
}
const file = positionals[0]!;
const contentDir = values.content!;

let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "it is a folder, not a file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : (error as Error).message;
  fail(`cannot read ${file}: ${why}`);
}

try {
  const existing = await checkContentDir(contentDir);
  if (!existing.ok) {
    fail(
      `${contentDir}/ has ${existing.problems.length} errors already (first: ${formatProblem(existing.problems[0]!)}); run npm run content:check`,
    );
  }
  const article = importDocument(file, bytes, {
    url: values.url,
    slug: values.slug,
    published: values.published,
  });
  const { slug } = article;
  const taken = new Set([...existing.content.articles.map((a) => a.slug), ...existing.review.draftArticles]);
  if (taken.has(slug))
    fail(`an article "${slug}" exists already: choose another --slug (nothing is overwritten)`);

  const published = parsePartialDate(article.frontmatter.published.date);
  if ("error" in published) fail(published.error);
  const { content } = existing;
  const { draft, detail } = runAssist({
    slug,
    blocks: parseBody(article.body),
    published,
    actors: content.actors,
    issues: content.issues,
    takenEventSlugs: new Set(content.events.map((e) => e.slug)),
  });

  const articlePath = `articles/${slug}.md`;
  const draftPath = `drafts/${slug}.yaml`;
  await writeNewContentFiles(contentDir, [
    { path: articlePath, text: articleFileText(article) },
    { path: draftPath, text: draftFileText(slug, draft) },
  ]);

  const fm = article.frontmatter;
  const blocks = parseBody(article.body);
  const words = blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
  const show = (p: string) => path.join(contentDir, p);
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const items = Object.values(draft).reduce((n, list) => n + list.length, 0);
  console.log(`Imported ${path.basename(file)} as “${fm.title}”.`);
  console.log(
    `  ${show(articlePath)}  ${count(blocks.length, "paragraph")}, ${count(words, "word")}, review: draft`,
  );
  const field = (label: string, value: string) => console.log(`    ${label.padEnd(12)} ${value}`);
  field("publisher", fm.publisher ?? "none found (null)");
  field("url", fm.url ?? "none found (null)");
  field("kind", `${fm.kind} (${article.sources.kind})`);
  field("published", `${fm.published.date} (${fm.published.precision}): ${fm.published.basis}`);
  field("perspective", "empty: yours to write once you have read the article (required to publish)");
  console.log(`  ${show(draftPath)}  ${count(items, "suggestion")}:`);
  console.log(
    `    ${count(draft.events.length, "event")}, ${count(draft.positions.length, "position")}, ` +
      `${count(draft.actors.length, "known actor")} (${count(draft.mentions.length, "mention")}), ` +
      `${count(draft.candidates.length, "new name")}, ${count(draft.dates.length, "date phrase")}, ` +
      `${count(draft.not_events.length, "not-event")}, ${count(draft.issues.length, "issue")}`,
  );
  for (const { event } of detail.events)
    field("event", `${event.date.stated} → ${event.date.start}: ${event.title}`);
  console.log("Next:");
  console.log(`  1. Check the frontmatter of ${show(articlePath)} and its text against the page;`);
  console.log("     write its perspective (text and basis) once you have read it.");
  console.log(`  2. Move what you accept from ${show(draftPath)} into ${show(`annotations/${slug}.yaml`)}`);
  console.log("     (same section name), rewrite titles and summaries in your words, delete the rest.");
  console.log("  3. npm run content:check — it validates both files and counts the drafts left.");
  console.log(`  4. Publish: delete the line “review: draft” from ${show(articlePath)}, then npm start.`);
} catch (error) {
  if (error instanceof ImportError || error instanceof WriteRefused) fail(error.message);
  if (error instanceof ContentError)
    fail(`the import would not be valid content: ${formatProblem(error.problems[0]!)}`);
  throw error;
}
