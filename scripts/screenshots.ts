// npm run screenshots -- [--base http://127.0.0.1:3000] [--out tests/.tmp/shots] [paths…]
// Full-page screenshots of each page type at desktop (1280 px) and phone (390 px) widths, in Debian's Chromium.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: "string", default: "http://127.0.0.1:3000" },
    out: { type: "string", default: "tests/.tmp/shots" },
    dark: { type: "boolean", default: false },
    viewport: { type: "boolean", default: false },
    /** Also write the full page in viewport-high slices, for reading details. */
    slices: { type: "boolean", default: false },
  },
});
const paths = positionals.length > 0 ? positionals : ["/", "/issues", "/articles", "/actors"];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
mkdirSync(values.out!, { recursive: true });
for (const [name, width] of [
  ["desktop", 1280],
  ["phone", 390],
] as const) {
  const context = await browser.newContext({
    viewport: { width, height: width > 500 ? 900 : 844 },
    deviceScaleFactor: 1,
    colorScheme: values.dark ? "dark" : "light",
  });
  const page = await context.newPage();
  for (const p of paths) {
    await page.goto(values.base + p, { waitUntil: "load" });
    const file = path.join(
      values.out!,
      `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${name}${values.dark ? "-dark" : ""}.png`,
    );
    await page.screenshot({ path: file, fullPage: !values.viewport });
    console.log(file);
    if (values.slices) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const step = page.viewportSize()!.height;
      for (let y = 0, i = 1; y < height; y += step, i++) {
        const slice = file.replace(/\.png$/, `-${i}.png`);
        await page.screenshot({
          path: slice,
          fullPage: true,
          clip: { x: 0, y, width: width, height: Math.min(step, height - y) },
        });
        console.log(slice);
      }
    }
  }
  await context.close();
}
await browser.close();
