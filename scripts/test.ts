// npm test: static checks, unit and integration tests, production builds, then end-to-end tests in Chromium.
import { envFor, HOSTILE } from "../lib/env";
import { run, tsxArgs } from "./lib/run";
import { appIsFresh, buildApp, ensureDatabase } from "./lib/steps";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const step = (name: string) => console.log(`\n▶ ${name}`);

step("check: lint, types, format");
run(npm, ["run", "--silent", "check"]);
step("unit and integration tests");
run(npm, ["run", "--silent", "test:unit"]);
step("production build");
if (appIsFresh(ensureDatabase())) console.log("The app build is up to date.");
else buildApp();
step("production build over hostile content (tests/fixtures/hostile)");
// Its own process: the build steps read their folders from the environment when they load.
run(process.execPath, tsxArgs("scripts/build.ts", "--if-stale"), envFor(HOSTILE));
step("end-to-end tests");
run(npm, ["run", "--silent", "test:e2e"]);
