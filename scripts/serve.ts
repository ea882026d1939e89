// The production server (`npm run serve`; `npm start` builds first): Next.js behind the response cache of lib/serve,
// on PORT (default 3000) and every interface, the cache bounded by RESPONSE_CACHE_MB. `-p <port>` and
// `-H <hostname>` as for `next start`.
import { parseArgs } from "node:util";
import { toolEnv } from "../lib/env";
import { startFaultlinesServer } from "../lib/serve/server";

const env = toolEnv();
const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const running = await startFaultlinesServer({
  dir: process.cwd(),
  port: values.port ? Number(values.port) : env.PORT,
  hostname: values.hostname ?? "0.0.0.0",
  distDir: env.NEXT_DIST_DIR,
  cacheBytes: Math.round(env.RESPONSE_CACHE_MB * 1024 * 1024),
});
console.log(`Faultlines on ${running.base} (response cache ${env.RESPONSE_CACHE_MB} MB)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
