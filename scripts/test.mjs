// npm test: static checks, unit and integration tests, production builds, then end-to-end tests in Chromium.
import { appIsFresh, buildApp, ensureDatabase, run } from "./lib/steps.mjs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const step = (name) => console.log(`\n▶ ${name}`);

step("check: lint, types, format");
run(npm, ["run", "--silent", "check"]);
step("unit and integration tests");
run(npm, ["run", "--silent", "test:unit"]);
step("production build");
if (appIsFresh(ensureDatabase())) console.log("The app build is up to date.");
else buildApp();
step("production build over hostile content (tests/fixtures/hostile)");
// Its own process: the build steps read their folders from the environment when they load.
run(process.execPath, ["scripts/build.mjs", "--if-stale"], {
  NEXT_DIST_DIR: ".next-hostile",
  DATABASE_URL: "file:tests/.tmp/hostile.db",
  FAULTLINES_CONTENT: "tests/fixtures/hostile",
});
step("end-to-end tests");
run(npm, ["run", "--silent", "test:e2e"]);
