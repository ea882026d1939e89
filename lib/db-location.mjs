// Where the database files live. Shared by the app (lib/db.ts) and the scripts, which run without TypeScript.
import path from "node:path";

/** What `npm run db:build` writes. */
export const BUILT_DB = "prisma/faultlines.db";
/** The snapshot `npm run build` takes and the production server reads, so a rebuild never changes it underfoot. */
export const SERVING_DB = "prisma/serving.db";

/** The database URL the app reads: DATABASE_URL when set, else the snapshot in production, the built file in dev. */
export function appDatabaseUrl(env = process.env) {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  // Relative to the working directory (the project root for `next start`), like every path in this project.
  return `file:./${env.NODE_ENV === "production" ? SERVING_DB : BUILT_DB}`;
}

/** The file path behind a `file:` URL. */
export function databaseFile(url) {
  if (!url.startsWith("file:")) throw new Error(`not a SQLite file URL: ${url}`);
  return path.resolve(url.slice("file:".length));
}
