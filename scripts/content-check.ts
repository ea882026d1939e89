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
const quotes = [...c.events, ...c.positions, ...c.divergences].reduce((n, x) => n + x.evidence.length, 0);
console.log(
  `${values.content}/ is valid: ${c.articles.length} articles, ${c.actors.length} actors, ${c.issues.length} issues, ` +
    `${c.events.length} events, ${c.positions.length} positions, ${c.divergences.length} divergence ratings, ${quotes} quotes.`,
);
