// npm run studio: the site with its review mode, for this computer only. Builds what is stale (like npm start),
// then serves on 127.0.0.1 (PORT, default 3030) with a fresh random session token: only pages of this run can write,
// and `npm start`, which sets no token, serves no studio at all.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { STUDIO_TOKEN_ENV } from "../lib/studio/guard";
import { appIsFresh, buildApp, ensureDatabase } from "./lib/steps";

const port = process.env.PORT || "3030";
const database = ensureDatabase();
if (!appIsFresh(database)) {
  console.log("Building the app.");
  buildApp();
}

const token = randomBytes(24).toString("base64url");
const server = spawn(
  process.execPath,
  [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", port, "-H", "127.0.0.1"],
  {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", [STUDIO_TOKEN_ENV]: token },
  },
);
server.stdout!.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (/Ready|started server/i.test(String(chunk)))
    console.log(
      `\nStudio: http://127.0.0.1:${port}/studio — reviewing ${process.env.FAULTLINES_CONTENT || "content"}/ (this computer only; Ctrl-C to stop).\n` +
        "Public pages show the content as it was built; npm start rebuilds them with what you accepted.\n",
    );
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
