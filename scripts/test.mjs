// npm test: static checks, unit and integration tests, a production build, then end-to-end tests in Chromium.
import { run } from "./lib/steps.mjs";
import { appIsFresh, buildApp, ensureDatabase } from "./lib/steps.mjs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const step = (name) => console.log(`\n▶ ${name}`);

step("check: lint, types, format");
run(npm, ["run", "--silent", "check"]);
step("unit and integration tests");
run(npm, ["run", "--silent", "test:unit"]);
step("production build");
if (appIsFresh(ensureDatabase())) console.log("The app build is up to date.");
else buildApp();
step("end-to-end tests");
run(npm, ["run", "--silent", "test:e2e"]);
