import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_ARGS, chromiumPath } from "../lib/chromium";
import { realApp } from "./app";
import { add, BUDGET, type Section } from "./context";

/** Lighthouse scores per route, desktop preset and default mobile, in Debian's Chromium. */
export const lighthouse: Section = {
  name: "lighthouse",
  async run(ctx) {
    const app = await realApp(ctx);
    const target = BUDGET.lighthouse;
    for (const route of app.routes) {
      for (const preset of ["desktop", "mobile"] as const) {
        const scores = runLighthouse(app.server.base + route.url, preset, ctx.dir);
        const name = `${route.name} ${preset}`;
        const slow = preset === "desktop" && scores.performance < target.performanceDesktop;
        add(ctx, "lighthouse", `${name} performance`, scores.performance, "score", slow);
        add(
          ctx,
          "lighthouse",
          `${name} accessibility`,
          scores.accessibility,
          "score",
          scores.accessibility < target.accessibility,
        );
        add(
          ctx,
          "lighthouse",
          `${name} best practices`,
          scores["best-practices"],
          "score",
          scores["best-practices"] < target.bestPractices,
        );
        add(ctx, "lighthouse", `${name} SEO`, scores.seo, "score", scores.seo < target.seo);
      }
    }
  },
};

/** Lighthouse now and then fails to record a trace (NO_NAVSTART); one retry, then the error stands. */
function runLighthouse(url: string, preset: "desktop" | "mobile", dir: string) {
  try {
    return runLighthouseOnce(url, preset, dir);
  } catch (error) {
    console.warn(`${(error as Error).message.split("\n")[0]} — retrying once`);
    return runLighthouseOnce(url, preset, dir);
  }
}

function runLighthouseOnce(url: string, preset: "desktop" | "mobile", dir: string) {
  const out = path.join(dir, `lighthouse-${preset}-${Date.now()}.json`);
  const flags = ["--headless=new", ...CHROMIUM_ARGS].join(" ");
  const args = [
    path.resolve("node_modules/lighthouse/cli/index.js"),
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    `--chrome-flags=${flags}`,
    "--only-categories=performance,accessibility,best-practices,seo",
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, CHROME_PATH: chromiumPath() },
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}:\n${result.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    categories: Record<string, { score: number | null }>;
  };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
  };
}
