// npm run db:build [-- --content <dir>] [-- --db <file or postgresql:// URL>]
// SQLite: builds a new database from content/ into a temporary file beside the target and renames it over the
// target only when everything succeeded: a failed build leaves the previous database byte-for-byte as it was.
// PostgreSQL (DATABASE_URL or --db postgresql://…, as a role that may create schemas): loads into a new schema and
// switches the serving pointer to it in one transaction (scripts/lib/pg-build.ts).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { checkContentDir, formatProblem } from "../lib/content";
import { loadContent } from "../lib/content/load";
import { databaseFiles, postgresUrl, storeOf, toolEnv } from "../lib/env";
import { databaseInputs } from "./lib/fingerprint";
import { applyMigrations } from "./lib/migrate";
import { buildIntoPostgres } from "./lib/pg-build";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    db: { type: "string" },
    quiet: { type: "boolean" },
  },
});
const contentDir = values.content!;
const pgUrl = values.db ? (storeOf(values.db) === "postgresql" ? values.db : null) : postgresUrl();
const target = pgUrl ?? path.resolve(values.db ?? databaseFiles().built);
const log = (line: string) => values.quiet || console.log(line);

const started = performance.now();
const result = await checkContentDir(contentDir);
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(
    `\n${result.problems.length} error${result.problems.length === 1 ? "" : "s"} in ${contentDir}/; ` +
      `${pgUrl || existsSync(target) ? "the previous database is unchanged" : "no database was written"}.`,
  );
  process.exit(1);
}

const printCounts = (counts: Awaited<ReturnType<typeof loadContent>>) =>
  log(
    [
      `  articles    ${counts.articles} (${counts.paragraphs} paragraphs)`,
      `  actors      ${counts.actors}`,
      `  issues      ${counts.issues}`,
      `  events      ${counts.events}`,
      `  positions   ${counts.positions}`,
      `  divergence  ${counts.divergences} ratings`,
      `  quotes      ${counts.quotes}`,
      `  search      ${counts.searchDocuments} documents indexed`,
    ].join("\n"),
  );
const meta = () => ({ inputs: databaseInputs(contentDir), builtAt: new Date().toISOString() });

if (pgUrl) {
  const env = toolEnv();
  try {
    const built = await buildIntoPostgres(pgUrl, {
      readerRole: env.PG_READER_ROLE,
      keep: env.PG_KEEP_BUILDS,
      // No search index: it is SQLite FTS5, and search on PostgreSQL is not built yet.
      load: (prisma) => loadContent(prisma, result.content, meta(), { search: false }),
    });
    const ms = Math.round(performance.now() - started);
    log(`Built PostgreSQL schema ${built.schema} from ${contentDir}/ in ${ms} ms, now serving:`);
    printCounts(built.counts);
    if (built.dropped.length) log(`  dropped old builds: ${built.dropped.join(", ")}`);
    process.exit(0);
  } catch (error) {
    console.error(
      `db:build failed; the previous database is unchanged.\n${error instanceof Error ? error.stack : error}`,
    );
    process.exit(1);
  }
}

mkdirSync(path.dirname(target), { recursive: true });
const temp = path.join(path.dirname(target), `.build-${process.pid}-${path.basename(target)}`);
removeAbandonedBuilds();
let prisma: PrismaClient | undefined;
try {
  await applyMigrations(`file:${temp}`);
  prisma = withInjectedFault(new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${temp}` }) }));
  const counts = await loadContent(prisma, result.content, meta());
  await prisma.$disconnect();
  prisma = undefined;
  renameSync(temp, target);
  const ms = Math.round(performance.now() - started);
  log(`Built ${path.relative(process.cwd(), target)} from ${contentDir}/ in ${ms} ms:`);
  printCounts(counts);
} catch (error) {
  await prisma?.$disconnect().catch(() => {});
  rmSync(temp, { force: true });
  console.error(
    `db:build failed; the previous database is unchanged.\n${error instanceof Error ? error.stack : error}`,
  );
  process.exit(1);
}

/**
 * A build that was killed (SIGKILL, power loss) cannot clean up: its temporary file and SQLite journal stay beside
 * the target. Removes those of builds whose process is gone; a build still running keeps its files.
 */
function removeAbandonedBuilds() {
  const dir = path.dirname(target);
  const base = path.basename(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^\\.build-(\\d+)-${base}(-journal|-wal|-shm)?$`);
  for (const name of readdirSync(dir)) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && (pid === process.pid || !isRunning(pid))) rmSync(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Test-only fault injection, set by tests/integration/db-build.test.ts and nowhere else. Both faults strike inside
 * the load transaction, after the articles, actors, issues and events are written and before the quotes are:
 * FAULTLINES_FAULT=load fails there; FAULTLINES_FAULT=pause-load stops there and says so on stderr, so a test can
 * kill the build at a known point.
 */
function withInjectedFault(client: PrismaClient): PrismaClient {
  const fault = toolEnv().FAULTLINES_FAULT;
  if (!fault) return client;
  return client.$extends({
    query: {
      evidence: {
        async createMany() {
          if (fault === "load") throw new Error("injected fault (FAULTLINES_FAULT=load)");
          console.error("FAULTLINES_FAULT=pause-load: paused inside the load transaction");
          // Paused, not hung for good: a build nobody kills gives up after a minute.
          return new Promise<never>(() => setTimeout(() => process.exit(1), 60_000));
        },
      },
    },
  }) as unknown as PrismaClient;
}
