// Fingerprints of what a build depends on, so `npm start` rebuilds the database or the app only when stale.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function listFiles(target: string, skip: (name: string) => boolean): string[] {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return [];
  }
  if (stat.isFile()) return [target];
  return readdirSync(target)
    .filter((name) => !skip(name))
    .sort()
    .flatMap((name) => listFiles(path.join(target, name), skip));
}

function hashFiles(targets: string[], skip: (name: string) => boolean = () => false): string {
  const hash = createHash("sha256");
  for (const file of targets.flatMap((t) => listFiles(t, skip))) {
    hash.update(file.split(path.sep).join("/")).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const isTestOrHidden = (name: string) => name.startsWith(".") || /\.test\.tsx?$/.test(name);

/** Everything the database is built from: the content, the migrations and the pipeline code (search index too). */
export function databaseInputs(contentDir: string): string {
  return hashFiles(
    [
      contentDir,
      "prisma/migrations",
      "prisma/schema.prisma",
      // PostgreSQL's derived schema and migrations: the snapshot id (and so every ETag) follows them too.
      "prisma/postgres",
      "lib/content",
      "lib/dates.ts",
      "lib/domain.ts",
      "lib/search",
    ],
    isTestOrHidden,
  );
}

/** Everything the app build depends on besides the database. */
export function appInputs(): string {
  return hashFiles(
    [
      "app",
      "components",
      "lib",
      "public",
      "next.config.ts",
      "package-lock.json",
      "tsconfig.json",
      "generated",
    ],
    (name) => isTestOrHidden(name) || name === "node_modules",
  );
}
