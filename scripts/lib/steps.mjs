// The steps `npm start` and `npm run build` share: find out what is stale and rebuild only that.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BUILT_DB, databaseFile, SERVING_DB } from "../../lib/db-location.mjs";
import { writeCspManifest } from "./csp-manifest.mjs";
import { appInputs, databaseInputs } from "./fingerprint.mjs";

const DIST = process.env.NEXT_DIST_DIR || ".next";
/** The content folder; tests and the benchmark point it elsewhere. */
const CONTENT = process.env.FAULTLINES_CONTENT || "content";
const STAMP = path.join(DIST, "faultlines-build.json");

/** The database `db:build` writes and the one the server reads (the same file when DATABASE_URL is set). */
export function databasePaths() {
  if (process.env.DATABASE_URL) {
    const file = databaseFile(process.env.DATABASE_URL);
    return { built: file, serving: file };
  }
  return { built: path.resolve(BUILT_DB), serving: path.resolve(SERVING_DB) };
}

/** The inputs fingerprint stored in a database, or null when it is missing or unreadable. */
export function storedInputs(file) {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT value FROM Meta WHERE key = 'inputs'").get()?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Builds the database when it is missing or older than the content, migrations or pipeline. */
export function ensureDatabase() {
  const { built } = databasePaths();
  const current = databaseInputs(CONTENT);
  if (storedInputs(built) === current) return current;
  console.log(existsSync(built) ? "Content changed: rebuilding the database." : "Building the database.");
  run(process.execPath, ["--import", "tsx", "scripts/db-build.ts", "--content", CONTENT, "--db", built]);
  return current;
}

/** Copies the built database to the serving snapshot, atomically. */
export function snapshotDatabase() {
  const { built, serving } = databasePaths();
  if (built === serving) return;
  const temp = `${serving}.copy-${process.pid}`;
  copyFileSync(built, temp);
  renameSync(temp, serving);
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return null;
  }
}

/** Whether the app build matches the current code and database. */
export function appIsFresh(databaseFingerprint) {
  const stamp = readStamp();
  return (
    stamp !== null &&
    stamp.app === appInputs() &&
    stamp.database === databaseFingerprint &&
    storedInputs(databasePaths().serving) === databaseFingerprint &&
    existsSync(path.join(DIST, "BUILD_ID")) &&
    existsSync(path.join(DIST, "faultlines-csp.json"))
  );
}

/** db (if stale) → snapshot → next build → stamp. */
export function buildApp() {
  const database = ensureDatabase();
  snapshotDatabase();
  run(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const pages = writeCspManifest(DIST);
  console.log(`Content-Security-Policy hashes recorded for ${pages} prerendered pages.`);
  writeFileSync(
    STAMP,
    JSON.stringify({ app: appInputs(), database, builtAt: new Date().toISOString() }, null, 2),
  );
}
