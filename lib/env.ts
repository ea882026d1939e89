import path from "node:path";
import { z } from "zod";

// Everything Faultlines reads from the environment, checked here, and the files and folders it names. The app
// (lib/db.ts, proxy.ts, next.config.ts, the site's URL), the scripts (build, start, test, bench) and the test configs
// all read it through this module, so each name is spelt once. NODE_ENV is not here: Next.js sets it and inlines it.

/** What `npm run db:build` writes. */
export const BUILT_DB = "prisma/faultlines.db";
/** The snapshot `npm run build` takes and the production server reads, so a rebuild never changes it underfoot. */
const SERVING_DB = "prisma/serving.db";
/** Beside the app build: the hashes of each prerendered page's inline scripts, for its Content-Security-Policy. */
export const CSP_MANIFEST = "faultlines-csp.json";
/** Beside the app build: the fingerprints of the code and database it was built from. */
export const BUILD_STAMP = "faultlines-build.json";
/** The second build `npm test` makes and serves, over content written to attack the pages. */
export const HOSTILE = {
  dist: ".next-hostile",
  db: "tests/.tmp/hostile.db",
  content: "tests/fixtures/hostile",
};

/** An empty variable counts as unset, as `VAR= npm start` means. */
const setting = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema);

const port = z.coerce.number().int().min(1).max(65_535);

/** Which store a database URL names: `file:` is the embedded SQLite default, `postgres(ql)://` a PostgreSQL server. */
export type Store = "sqlite" | "postgresql";
const PG_URL = /^postgres(ql)?:\/\//;
export const storeOf = (url: string): Store => (PG_URL.test(url) ? "postgresql" : "sqlite");

const appSchema = z.object({
  /**
   * The database to read (and for db:build, to write) instead of the default files: `file:<path>` for SQLite, or
   * `postgresql://user@host:port/db` for PostgreSQL (the app connects as a role that can only read).
   */
  DATABASE_URL: setting(
    z
      .string()
      .refine((url) => url.startsWith("file:") || PG_URL.test(url), "must start with file: or postgresql://")
      .optional(),
  ),
  /** Where the app build lives; the benchmark and the hostile build use their own. */
  NEXT_DIST_DIR: setting(z.string().default(".next")),
  /** The public origin, for canonical URLs, Open Graph and the sitemap. */
  SITE_URL: setting(z.url({ protocol: /^https?$/ }).default("http://localhost:3000")).transform((url) =>
    url.replace(/\/+$/, ""),
  ),
});

const toolSchema = appSchema.extend({
  /** The content folder the build steps read; tests and the benchmark point it elsewhere. */
  FAULTLINES_CONTENT: setting(z.string().default("content")),
  /** The port `npm start` serves on. */
  PORT: setting(port.default(3000)),
  /** The response cache's bound, in MB of stored bodies and headers (lib/serve); 0 renders every request. */
  RESPONSE_CACHE_MB: setting(z.coerce.number().min(0).default(64)),
  /** The Chromium the end-to-end tests, the benchmark and the screenshots drive; else `chromium` on the PATH. */
  CHROME_PATH: setting(z.string().optional()),
  /** The end-to-end tests' server port, and the hostile build's; each a free one when unset. */
  E2E_PORT: setting(port.optional()),
  E2E_HOSTILE_PORT: setting(port.optional()),
  /** The import journey's own app (tests/e2e/import.spec.ts); a free one when unset. */
  E2E_IMPORT_PORT: setting(port.optional()),
  /** The studio journey's studio and the public server it starts after; free ones when unset. */
  E2E_STUDIO_PORT: setting(port.optional()),
  E2E_STUDIO_PUBLIC_PORT: setting(port.optional()),
  /** The hostile build the end-to-end tests serve: another build of it (a deliberately broken one, say). */
  E2E_HOSTILE_DIST: setting(z.string().default(HOSTILE.dist)),
  FUZZ_REQUESTS: setting(z.coerce.number().int().positive().default(2400)),
  /**
   * Test-only fault injection in db:build (tests/integration/db-build.test.ts): `load` fails inside the load
   * transaction, `pause-load` stops there until killed.
   */
  FAULTLINES_FAULT: setting(z.enum(["load", "pause-load"]).optional()),
  /** The fuzz run's seed; unset, a new one each run (printed when the run fails, to replay it). */
  FUZZ_SEED: setting(z.coerce.number().int().positive().optional()),
  /** PostgreSQL: the role db:build grants read access to each new build; the app connects as it. */
  PG_READER_ROLE: setting(
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default("faultlines_reader"),
  ),
  /** PostgreSQL: how many finished builds db:build keeps (the serving one and the ones before it). */
  PG_KEEP_BUILDS: setting(z.coerce.number().int().min(1).default(3)),
});

export type AppEnv = z.infer<typeof appSchema>;
type Source = Readonly<Record<string, string | undefined>>;
export type ToolEnv = z.infer<typeof toolSchema>;

function read<S extends z.ZodType>(schema: S, source: Source): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  throw new Error(`invalid environment:\n  ${problems.join("\n  ")}`);
}

/** What the app reads: a bad value stops it at start with the variable named. */
export function appEnv(source: Source = process.env): AppEnv {
  return read(appSchema, source);
}

/** What the scripts and test configs read, the app's settings included. */
export function toolEnv(source: Source = process.env): ToolEnv {
  return read(toolSchema, source);
}

/** The database URL the app reads: DATABASE_URL when set, else the snapshot in production, the built file in dev. */
export function appDatabaseUrl(env: AppEnv = appEnv()): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  // Relative to the working directory (the project root for `next start`), like every path in this project.
  return `file:./${process.env.NODE_ENV === "production" ? SERVING_DB : BUILT_DB}`;
}

/** The file path behind a `file:` URL. */
function databaseFile(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`not a SQLite file URL: ${url}`);
  return path.resolve(url.slice("file:".length));
}

/** The PostgreSQL URL DATABASE_URL names, or null on the SQLite default. */
export function postgresUrl(env: AppEnv = appEnv()): string | null {
  return env.DATABASE_URL && storeOf(env.DATABASE_URL) === "postgresql" ? env.DATABASE_URL : null;
}

/**
 * The database `db:build` writes and the one the server reads (the same file when DATABASE_URL is set). On
 * PostgreSQL there are no files: db:build writes a new schema and switches the serving pointer (lib/db-pg.ts).
 */
export function databaseFiles(env: AppEnv = appEnv()): { built: string; serving: string } {
  if (env.DATABASE_URL) {
    const file = databaseFile(env.DATABASE_URL);
    return { built: file, serving: file };
  }
  // For the scripts, which copy and replace these files; the bundler must not trace them into the app's output.
  return {
    built: path.resolve(/*turbopackIgnore: true*/ BUILT_DB),
    serving: path.resolve(/*turbopackIgnore: true*/ SERVING_DB),
  };
}

/** The variables that point a child process (a build, a server) at another app build, database or content. */
export function envFor(target: { dist?: string; db?: string; content?: string }): Record<string, string> {
  return {
    ...(target.dist ? { NEXT_DIST_DIR: target.dist } : {}),
    ...(target.db ? { DATABASE_URL: `file:${target.db}` } : {}),
    ...(target.content ? { FAULTLINES_CONTENT: target.content } : {}),
  };
}
