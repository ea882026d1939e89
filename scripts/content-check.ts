// npm run content:check [-- --content <dir>]: validates content without writing anything.
import { parseArgs } from "node:util";
import { checkContentDir, formatProblem } from "../lib/content";

const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });
const result = await checkContentDir(values.content!);
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(
    `\n${result.problems.length} error${result.problems.length === 1 ? "" : "s"} in ${values.content}/.`,
  );
  process.exit(1);
}
const c = result.content;
const review = result.review;
const quotes = [...c.events, ...c.positions, ...c.divergences].reduce((n, x) => n + x.evidence.length, 0);
console.log(
  `${values.content}/ is valid: ${c.articles.length} articles, ${c.actors.length} actors, ${c.issues.length} issues, ` +
    `${c.events.length} events, ${c.positions.length} positions, ${c.divergences.length} divergence ratings, ${quotes} quotes.`,
);
for (const slug of review.draftArticles) {
  console.log(`${values.content}/articles/${slug}.md is a draft (review: draft): checked, not loaded.`);
}
for (const d of review.draftFiles) {
  const sections = Object.entries(d.sections)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${key}`)
    .join(", ");
  console.log(
    `${d.file}: ${d.items} draft item${d.items === 1 ? "" : "s"} still to review (${sections || "none"}).`,
  );
}
