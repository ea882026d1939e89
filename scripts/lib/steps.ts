// The steps `npm start`, `npm run build` and `npm test` share: find out what is stale and rebuild only that.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { BUILD_STAMP, CSP_MANIFEST, databaseFiles, postgresUrl, toolEnv } from "../../lib/env";
import { writeCspManifest } from "./csp-manifest";
import { precompressAssets } from "../../lib/serve/encoding";
import { appInputs, databaseInputs } from "./fingerprint";
import { dbBuildArgs, run, tsxArgs } from "./run";

// Read once, when a step first loads: a build for other folders runs in its own process (scripts/test.ts).
const env = toolEnv();
const STAMP = path.join(env.NEXT_DIST_DIR, BUILD_STAMP);
const PG_URL = postgresUrl(env);

/** PostgreSQL: the fingerprint of the build `faultlines.current` names, or null when nothing was built. */
function servingPgInputs(): string | null {
  const result = spawnSync(process.execPath, tsxArgs("scripts/pg-inputs.ts"), { encoding: "utf8" });
  if (result.status !== 0) {
    console.error(`Cannot read PostgreSQL at DATABASE_URL:\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout.trim() || null;
}

/** The inputs fingerprint stored in a database, or null when it is missing or unreadable. */
function storedInputs(file: string): string | null {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("SELECT value FROM Meta WHERE key = 'inputs'").get() as
        { value: string } | undefined;
      return row?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Builds the database when it is missing or older than the content, migrations or pipeline. */
export function ensureDatabase(): string {
  const current = databaseInputs(env.FAULTLINES_CONTENT);
  if (PG_URL) {
    // The app's role cannot build: db:build runs as the owner role, on purpose (README, "Running for a team").
    const serving = servingPgInputs();
    if (serving === null) {
      console.error(
        "PostgreSQL at DATABASE_URL has no Faultlines build: run `npm run db:build` as the owner role.",
      );
      process.exit(1);
    }
    if (serving !== current)
      console.log(
        "Note: PostgreSQL serves a build of other content; run `npm run db:build` as the owner role.",
      );
    return serving;
  }
  const { built } = databaseFiles(env);
  if (storedInputs(built) === current) return current;
  console.log(existsSync(built) ? "Content changed: rebuilding the database." : "Building the database.");
  run(process.execPath, dbBuildArgs(env.FAULTLINES_CONTENT, built));
  return current;
}

/** Copies the built database to the serving snapshot, atomically. */
export function snapshotDatabase(): void {
  if (PG_URL) return; // each PostgreSQL build is a snapshot already
  const { built, serving } = databaseFiles(env);
  if (built === serving) return;
  const temp = `${serving}.copy-${process.pid}`;
  copyFileSync(built, temp);
  renameSync(temp, serving);
}

function readStamp(): { app: string; database: string } | null {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8")) as { app: string; database: string };
  } catch {
    return null;
  }
}

/** Whether the app build matches the current code and database. */
export function appIsFresh(databaseFingerprint: string): boolean {
  const stamp = readStamp();
  return (
    stamp !== null &&
    stamp.app === appInputs() &&
    stamp.database === databaseFingerprint &&
    (PG_URL ? servingPgInputs() : storedInputs(databaseFiles(env).serving)) === databaseFingerprint &&
    existsSync(path.join(env.NEXT_DIST_DIR, "BUILD_ID")) &&
    existsSync(path.join(env.NEXT_DIST_DIR, CSP_MANIFEST))
  );
}

/** db (if stale) → snapshot → next build → stamp. */
export function buildApp(): void {
  const database = ensureDatabase();
  snapshotDatabase();
  run(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const pages = writeCspManifest(env.NEXT_DIST_DIR);
  console.log(`Content-Security-Policy hashes recorded for ${pages} prerendered pages.`);
  console.log(`Brotli forms written for ${precompressAssets(env.NEXT_DIST_DIR)} build assets.`);
  writeFileSync(
    STAMP,
    JSON.stringify({ app: appInputs(), database, builtAt: new Date().toISOString() }, null, 2),
  );
}
