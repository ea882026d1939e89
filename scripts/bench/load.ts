import { realApp } from "./app";
import { add, type Section } from "./context";
import { rssMegabytes } from "./measure";

/** Loads the real app with autocannon on five routes: requests per second, latency, errors, server memory. */
export const load: Section = {
  name: "load",
  async run(ctx) {
    const app = await realApp(ctx);
    const { default: autocannon } = await import("autocannon");
    const { loadSeconds: seconds, connections } = ctx.options;
    add(ctx, "load", "server memory before (RSS)", rssMegabytes(app.server.pid), "MB");
    const targets = [
      ...app.routes.filter((r) => ["/", "/issues/<first>", "/matrix"].includes(r.name)),
      { name: "/timeline?actor=us", url: "/timeline?actor=us" },
      { name: "/api/v1/events", url: "/api/v1/events" },
    ];
    for (const target of targets) {
      const result = await autocannon({ url: app.server.base + target.url, connections, duration: seconds });
      const failed = result.errors + result.timeouts + result.non2xx;
      add(ctx, "load", `${target.name} requests/s`, result.requests.average, "req/s");
      add(ctx, "load", `${target.name} latency p50`, result.latency.p50, "ms");
      add(ctx, "load", `${target.name} latency p99`, result.latency.p99, "ms");
      add(ctx, "load", `${target.name} errors and non-2xx`, failed, "count", failed > 0);
    }
    add(ctx, "load", "server memory after (RSS)", rssMegabytes(app.server.pid), "MB");
    add(ctx, "load", `settings: ${connections} connections, ${seconds} s per route`, targets.length, "count");
  },
};
