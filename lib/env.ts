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

const appSchema = z.object({
  /** The SQLite database to read (and for db:build, to write) instead of the default files: `file:<path>`. */
  DATABASE_URL: setting(z.string().optional()),
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
  /** The end-to-end tests' server port; the hostile build's is 90 above, the database swap test's 50 above. */
  E2E_PORT: setting(port.default(3100)),
  /** Set by `npm test`: the end-to-end run must include the hostile build. */
  E2E_REQUIRE_HOSTILE: setting(z.string().optional()).transform(Boolean),
  FUZZ_REQUESTS: setting(z.coerce.number().int().positive().default(2400)),
  FUZZ_SEED: setting(z.coerce.number().int().default(20261122)),
  CI: setting(z.string().optional()).transform(Boolean),
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

/** The database `db:build` writes and the one the server reads (the same file when DATABASE_URL is set). */
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
