import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { toolEnv } from "../../lib/env";
import { startServer } from "../lib/server";
import type { Context } from "./context";

/** The app build in NEXT_DIST_DIR, made with `npm run build` when there is none. */
export function ensureAppBuild(): void {
  if (existsSync(path.join(toolEnv().NEXT_DIST_DIR, "BUILD_ID"))) return;
  console.log("No app build found: running `npm run build` first.");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

/** Starts the real app once (over the database it was built with) and finds its routes. */
export async function realApp(ctx: Context): Promise<NonNullable<Context["app"]>> {
  if (ctx.app) return ctx.app;
  ensureAppBuild();
  const server = await startServer();
  const get = async <T>(url: string) => (await (await fetch(server.base + url)).json()) as T;
  const issues = await get<{ issues: { slug: string }[] }>("/api/v1/issues");
  const articles = await get<{ articles: { slug: string }[] }>("/api/v1/articles");
  ctx.app = {
    server,
    routes: [
      { name: "/", url: "/" },
      { name: "/issues/<first>", url: `/issues/${issues.issues[0]!.slug}` },
      { name: "/timeline", url: "/timeline", chart: true },
      { name: "/matrix", url: "/matrix" },
      { name: "/articles/<latest>", url: `/articles/${articles.articles.at(-1)!.slug}` },
    ],
  };
  return ctx.app;
}
