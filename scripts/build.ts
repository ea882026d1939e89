// npm run build: the database if stale, a snapshot of it for the server, then the Next.js production build.
// With --if-stale, nothing is built when the app is already up to date with its code and database.
import { appIsFresh, buildApp, ensureDatabase } from "./lib/steps";

if (process.argv.includes("--if-stale") && appIsFresh(ensureDatabase()))
  console.log("The app build is up to date.");
else buildApp();
