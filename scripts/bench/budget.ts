import { gzipSync } from "node:zlib";
import { CHROMIUM_ARGS, chromiumPath } from "../lib/chromium";
import { realApp } from "./app";
import { add, BUDGET, type Section } from "./context";

/** First-load JavaScript and HTML bytes per route, as Chromium receives them. */
export const budget: Section = {
  name: "budget",
  async run(ctx) {
    const app = await realApp(ctx);
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      for (const route of app.routes) {
        const page = await browser.newPage();
        const scripts: Promise<{ raw: number; sent: number }>[] = [];
        page.on("requestfinished", (request) => {
          if (request.resourceType() !== "script") return;
          scripts.push(
            Promise.all([request.response(), request.sizes()]).then(async ([response, sizes]) => ({
              raw: (await response?.body())?.length ?? 0,
              sent: sizes.responseBodySize,
            })),
          );
        });
        const response = await page.goto(app.server.base + route.url, { waitUntil: "load" });
        await page.waitForTimeout(1000);
        const html = (await response?.text()) ?? "";
        const sizes = await Promise.all(scripts);
        const raw = sizes.reduce((n, s) => n + s.raw, 0);
        const sent = sizes.reduce((n, s) => n + s.sent, 0);
        const htmlBytes = Buffer.byteLength(html);
        add(ctx, "budget", `${route.name} first-load JS (${sizes.length} files)`, raw, "bytes");
        add(
          ctx,
          "budget",
          `${route.name} first-load JS as sent (compressed)`,
          sent,
          "bytes",
          sent > BUDGET.firstLoadJsGzipBytes,
        );
        add(ctx, "budget", `${route.name} HTML`, htmlBytes, "bytes", htmlBytes > BUDGET.htmlBytes);
        add(ctx, "budget", `${route.name} HTML gzipped`, gzipSync(html).length, "bytes");
        if (route.chart) {
          // The chart's library arrives when a pointer first reaches the drawing (EventsChartSlot): what that adds.
          const before = scripts.length;
          await page.getByRole("img", { name: /^Bar chart/ }).hover();
          await page.locator(".recharts-surface").first().waitFor({ timeout: 15_000 });
          await page.waitForTimeout(500);
          const chart = (await Promise.all(scripts.slice(before))).reduce((n, s) => n + s.sent, 0);
          add(
            ctx,
            "budget",
            `${route.name} chart JS on first hover, as sent`,
            chart,
            "bytes",
            chart > BUDGET.chartJsGzipBytes,
          );
        }
        await page.close();
        // On a phone the page starts its scripts on first use (lib/serve/hydrate.ts): what a reader who only reads
        // downloads.
        const phone = await browser.newPage({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
        });
        let phoneScripts = 0;
        phone.on("request", (request) => {
          if (request.resourceType() === "script") phoneScripts++;
        });
        await phone.goto(app.server.base + route.url, { waitUntil: "load" });
        await phone.waitForTimeout(1000);
        add(
          ctx,
          "budget",
          `${route.name} scripts fetched on a phone before first use`,
          phoneScripts,
          "count",
        );
        await phone.close();
      }
    } finally {
      await browser.close();
    }
  },
};
