// npm run db:build [-- --content <dir>] [-- --db <file>]
// Builds a new database from content/ into a temporary file beside the target and renames it over the target only
// when everything succeeded: a failed build leaves the previous database byte-for-byte as it was.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { checkContentDir, formatProblem } from "../lib/content";
import { loadContent } from "../lib/content/load";
import { databaseFiles } from "../lib/env";
import { databaseInputs } from "./lib/fingerprint";
import { applyMigrations } from "./lib/migrate";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    db: { type: "string" },
    quiet: { type: "boolean" },
  },
});
const contentDir = values.content!;
const target = path.resolve(values.db ?? databaseFiles().built);
const log = (line: string) => values.quiet || console.log(line);

const started = performance.now();
const result = await checkContentDir(contentDir);
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(
    `\n${result.problems.length} error${result.problems.length === 1 ? "" : "s"} in ${contentDir}/; ` +
      `${existsSync(target) ? "the previous database is unchanged" : "no database was written"}.`,
  );
  process.exit(1);
}

mkdirSync(path.dirname(target), { recursive: true });
const temp = path.join(path.dirname(target), `.build-${process.pid}-${path.basename(target)}`);
rmSync(temp, { force: true });
let prisma: PrismaClient | undefined;
try {
  await applyMigrations(`file:${temp}`);
  prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${temp}` }) });
  const counts = await loadContent(prisma, result.content, {
    inputs: databaseInputs(contentDir),
    builtAt: new Date().toISOString(),
  });
  await prisma.$disconnect();
  prisma = undefined;
  renameSync(temp, target);
  const ms = Math.round(performance.now() - started);
  log(`Built ${path.relative(process.cwd(), target)} from ${contentDir}/ in ${ms} ms:`);
  log(
    [
      `  articles    ${counts.articles} (${counts.paragraphs} paragraphs)`,
      `  actors      ${counts.actors}`,
      `  issues      ${counts.issues}`,
      `  events      ${counts.events}`,
      `  positions   ${counts.positions}`,
      `  divergence  ${counts.divergences} ratings`,
      `  quotes      ${counts.quotes}`,
    ].join("\n"),
  );
} catch (error) {
  await prisma?.$disconnect().catch(() => {});
  rmSync(temp, { force: true });
  console.error(
    `db:build failed; the previous database is unchanged.\n${error instanceof Error ? error.stack : error}`,
  );
  process.exit(1);
}
