import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { parseHTML } from "linkedom";
import { envFor } from "../../lib/env";
import type { EventsResponse } from "../../lib/api/schemas";
import { CHROMIUM_ARGS, chromiumPath } from "../lib/chromium";
import { dbBuildArgs } from "../lib/run";
import { startServer } from "../lib/server";
import { writeSyntheticCorpus } from "../lib/synthetic-corpus";
import { ensureAppBuild } from "./app";
import { bareServer, nodeServer } from "./cache";
import { add, type Context, type Section } from "./context";
import { quietCpu } from "./measure";

// Time to a painted list in Chromium: the first page of /timeline over a 500-event corpus, against a plain HTML page
// listing all 500 events of the same database (no CSS, no script), in one run, so the ratio holds however busy the
// machine is. Each load is a first visit (a fresh browser context, nothing cached in the browser) at 1280×800; the two
// pages alternate. The app is served with its response cache on and /timeline warmed, so this times the browser, not
// the first render. The plain page is served uncompressed by a bare Node server: over loopback that costs nothing.
//
// Each load starts on a quiet machine: the fresh context and its tab are opened, then the bench waits until the CPU is
// idle, then navigates. Opening a window in this Chromium starts work of its own (the address bar's popup is a web
// page, loaded in a renderer of its own, about a second of CPU on this 2-core machine), and closing the last context
// tears a renderer down; a load that overlapped either was slowed by the browser, not by its page, and by how much
// depended on which page came before (up to 100 ms on /timeline, half its loads). The wait is reported.
//
// "Painted" is the paint of the first event's title (Element Timing: an init script marks the heading of the first
// `article#e-<slug>` as the parser inserts it, on both pages), next to Largest Contentful Paint and the load event.
//
// Where the gap goes: in the same alternation, /timeline's own HTML (the cached bytes) from a bare server, then the
// same with its scripts taken out, then also its stylesheets: three pages between the app and the plain list, each
// step a part of the page. The bare server passes every other request (stylesheets, scripts) to the app.
// And both pages once more, each visit opening a page of another site first.

const EVENTS = 500;
/** The first page of /timeline (DEFAULT_PAGE_SIZE). */
const FIRST_PAGE = 25;
const GOAL_RATIO = 1.5;
/** The first event's title on both pages: the app's EventItem heading, and the plain page's copy of it. */
const TITLE = 'article[id^="e-"] > :is(h2, h3, h4)';
const EVENT = 'article[id^="e-"]';

/** The page of another site a visit starts from, for the visits that arrive by a link. */
const ELSEWHERE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title></head><body><p>Another site.</p></body></html>`;

/** Marks the first event title for Element Timing and keeps the paint entries the page reports. */
const INIT_SCRIPT = `(() => {
  const seen = (window.__paint = { element: [], lcp: [] });
  new PerformanceObserver((list) => seen.element.push(...list.getEntries())).observe({ type: "element", buffered: true });
  new PerformanceObserver((list) => seen.lcp.push(...list.getEntries())).observe({ type: "largest-contentful-paint", buffered: true });
  const mark = new MutationObserver(() => {
    const title = document.querySelector(${JSON.stringify(TITLE)});
    if (!title) return;
    title.setAttribute("elementtiming", "first-event");
    mark.disconnect();
  });
  mark.observe(document, { childList: true, subtree: true });
})();`;

interface Load {
  /** How long the machine took to go quiet before the navigation, ms. */
  quiet: number;
  /** Navigation start to the first event's title painted, ms. */
  element: number;
  lcp: number;
  fcp: number;
  load: number;
  /** JSHeapUsedSize after load, bytes. */
  heap: number;
  /** Main-thread time until then (CDP Performance metrics), ms: script, layout, style recalculation, all tasks. */
  script: number;
  layout: number;
  style: number;
  task: number;
  events: number;
  firstEvent: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Writes the 500-event corpus and builds it with the real db:build into the section's own scratch database. */
function buildDatabase(ctx: Context): string {
  const dir = path.join(ctx.dir, "paint");
  const contentDir = path.join(dir, "content");
  const db = path.join(dir, "paint.db");
  const { actors, issues, articles, seed } = ctx.options;
  writeSyntheticCorpus(contentDir, { events: EVENTS, actors, issues, articles, seed });
  const result = spawnSync(process.execPath, dbBuildArgs(contentDir, db), { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`db:build failed on the 500-event corpus:\n${result.stderr.slice(0, 4000)}`);
  }
  return db;
}

/** Every event of the database, from the app's own /api/v1/events (following `next`), as a plain HTML list. */
async function plainList(base: string): Promise<string> {
  const { actors } = (await (await fetch(`${base}/api/v1/actors`)).json()) as {
    actors: { slug: string; name: string }[];
  };
  const names = new Map(actors.map((a) => [a.slug, a.name]));
  const events: EventsResponse["events"] = [];
  for (let next: string | null = "/api/v1/events"; next;) {
    const page = (await (await fetch(base + next)).json()) as EventsResponse;
    events.push(...page.events);
    next = page.next;
  }
  if (events.length !== EVENTS)
    throw new Error(`the events API listed ${events.length} events, not ${EVENTS}`);
  const items = events.map(
    (e) =>
      `<li><article id="e-${escapeHtml(e.slug)}"><p><time datetime="${e.date.start}">${escapeHtml(e.date.stated)}</time></p>` +
      `<h2 id="e-${escapeHtml(e.slug)}-title">${escapeHtml(e.title)}</h2><p>${escapeHtml(e.summary)}</p>` +
      `<p>Actors: ${e.actors.map((slug) => escapeHtml(names.get(slug) ?? slug)).join(", ")}</p></article></li>`,
  );
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>Events</title></head>` +
    `<body><main><h1>Events</h1><ol>\n${items.join("\n")}\n</ol></main></body></html>\n`
  );
}

/** `html` with every element `selector` matches taken out (linkedom's DOM, serialised again). */
function without(html: string, selector: string): string {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll(selector)) element.remove();
  return document.toString();
}

/**
 * A bare Node server answering each of `pages` (path → HTML, no header of the app's) from memory and passing any other
 * request through to `app` unchanged: the app's stylesheets and scripts, with the app's own answers.
 */
async function variantServer(ctx: Context, app: string, pages: Record<string, string>) {
  const file = path.join(ctx.dir, "paint-variants.json");
  writeFileSync(file, JSON.stringify({ app, pages }));
  const code = `
    const http = require("http");
    const { app, pages } = JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"));
    const target = new URL(app);
    const bodies = new Map(Object.entries(pages).map(([url, html]) => [url, Buffer.from(html)]));
    http.createServer((req, res) => {
      const body = bodies.get(req.url);
      if (body) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
        return res.end(body);
      }
      const headers = { ...req.headers, host: target.host };
      const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    }).listen(0, "127.0.0.1", function () { console.log(this.address().port); });`;
  return nodeServer(code);
}

/**
 * One first visit: a fresh context, the page loaded (after `from`, a page of another site, when given), its paint
 * entries and heap read once it has painted.
 */
async function loadOnce(browser: Browser, url: string, from?: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    if (from) await page.goto(from, { waitUntil: "load" });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const quiet = await quietCpu();
    const response = await page.goto(url, { waitUntil: "load", timeout: 30_000 });
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
    const seen = await page.evaluate(
      async ({ event, title }) => {
        const paint = (
          window as unknown as { __paint: { element: PerformanceEntry[]; lcp: PerformanceEntry[] } }
        ).__paint;
        // The paints of the last frame are reported a frame later; the first event may paint after load.
        const until = performance.now() + 5000;
        do await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
        while (paint.element.length === 0 && performance.now() < until);
        const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return {
          element: paint.element.find(
            (e) => (e as PerformanceEntry & { identifier: string }).identifier === "first-event",
          )?.startTime,
          lcp: paint.lcp.at(-1)?.startTime,
          fcp: fcp?.startTime,
          load: nav?.loadEventStart,
          events: document.querySelectorAll(event).length,
          firstEvent: document.querySelector(title)?.closest(event)?.id ?? "",
        };
      },
      { event: EVENT, title: TITLE },
    );
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string, scale = 1) => {
      const value = metrics.find((m) => m.name === name)?.value;
      return value === undefined ? undefined : value * scale;
    };
    const load = {
      ...seen,
      quiet,
      heap: metric("JSHeapUsedSize"),
      script: metric("ScriptDuration", 1000),
      layout: metric("LayoutDuration", 1000),
      style: metric("RecalcStyleDuration", 1000),
      task: metric("TaskDuration", 1000),
    };
    const missing = Object.entries(load).find(([, v]) => v === undefined);
    if (missing) throw new Error(`${url}: no ${missing[0]} reported`);
    return load as Load;
  } finally {
    await context.close();
  }
}

export const paint: Section = {
  name: "paint",
  async run(ctx) {
    ensureAppBuild();
    const db = buildDatabase(ctx);
    const server = await startServer({ env: { ...envFor({ db }), RESPONSE_CACHE_MB: "64" } });
    let plain: Awaited<ReturnType<typeof bareServer>> | undefined;
    let variants: Awaited<ReturnType<typeof nodeServer>> | undefined;
    const { chromium } = await import("@playwright/test");
    let browser: Browser | undefined;
    try {
      // Warm: the cache stores /timeline on its first request (the server also renders it at start).
      await (await fetch(`${server.base}/timeline`)).arrayBuffer();
      const warm = await fetch(`${server.base}/timeline`);
      const appHtml = await warm.text();
      if (warm.headers.get("x-cache") !== "HIT") throw new Error("/timeline is not answered from the cache");
      if (!appHtml.includes(`of ${EVENTS} events`))
        throw new Error("/timeline does not read the 500-event database");
      const html = await plainList(server.base);
      plain = await bareServer(ctx, "paint-plain", Buffer.from(html), "text/html; charset=utf-8");
      add(ctx, "paint", "/timeline HTML (first page)", Buffer.byteLength(appHtml), "bytes");
      add(ctx, "paint", `plain list HTML (${EVENTS} events)`, Buffer.byteLength(html), "bytes");
      const noScripts = without(appHtml, 'script, link[rel="preload"][as="script"]');
      const unstyled = without(noScripts, 'link[rel="stylesheet"], style');
      if (noScripts.includes("<script") || /rel="stylesheet"|<style/.test(unstyled))
        throw new Error("a part the paint variants leave out is still in their HTML");
      variants = await variantServer(ctx, server.base, {
        "/same": appHtml,
        "/no-scripts": noScripts,
        "/no-scripts-styles": unstyled,
        "/elsewhere": ELSEWHERE,
      });
      // A page of another site: `localhost` where the pages are on 127.0.0.1 (a site is its host, not its port).
      const elsewhere = `${variants.base.replace("127.0.0.1", "localhost")}/elsewhere`;

      browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      const pages: { name: string; url: string; from?: string; events: number; loads: Load[] }[] = [
        { name: "/timeline", url: `${server.base}/timeline`, events: FIRST_PAGE, loads: [] as Load[] },
        { name: "plain list", url: `${plain.base}/`, events: EVENTS, loads: [] as Load[] },
        ...[
          { name: "/timeline", url: `${server.base}/timeline`, events: FIRST_PAGE },
          { name: "plain list", url: `${plain.base}/`, events: EVENTS },
        ].map((page) => ({ ...page, name: `${page.name}, from another site`, from: elsewhere, loads: [] })),
        ...(
          [
            ["/same", "its bytes from a bare server (none of the app's headers)"],
            ["/no-scripts", "also without scripts"],
            ["/no-scripts-styles", "also without stylesheets"],
          ] as const
        ).map(([url, name]) => ({
          name: `/timeline, ${name}`,
          url: variants!.base + url,
          events: FIRST_PAGE,
          loads: [] as Load[],
        })),
      ];
      for (let i = 0; i < ctx.options.warmup + ctx.options.runs; i++) {
        // Alternate which goes first, so neither always follows the other.
        for (const page of i % 2 ? [...pages].reverse() : pages) {
          const load = await loadOnce(browser, page.url, page.from);
          if (load.events !== page.events) {
            throw new Error(`${page.name} shows ${load.events} events, not ${page.events}`);
          }
          if (i >= ctx.options.warmup) page.loads.push(load);
        }
      }
      const waits = pages.flatMap((p) => p.loads.map((l) => l.quiet)).sort((a, b) => a - b);
      add(
        ctx,
        "paint",
        `wait for a quiet machine before a load, median of ${waits.length}`,
        median(waits),
        "ms",
      );
      add(
        ctx,
        "paint",
        "wait for a quiet machine before a load, longest (at most 3,000)",
        waits.at(-1)!,
        "ms",
      );
      const [app, bare, appFrom, bareFrom, ...parts] = pages.map((p) => p.loads);
      const firsts = new Set(pages.map((p) => p.loads[0]!.firstEvent));
      if (firsts.size !== 1)
        throw new Error(`the pages start with different events: ${[...firsts].join(", ")}`);
      const of = (loads: Load[], key: keyof Omit<Load, "firstEvent">) => median(loads.map((l) => l[key]));
      const runs = `median of ${ctx.options.runs}`;
      for (const page of pages.slice(0, 2)) {
        const label = `${page.name} (${page.events} events)`;
        add(ctx, "paint", `${label}: first event painted, ${runs}`, of(page.loads, "element"), "ms");
        add(ctx, "paint", `${label}: largest contentful paint, ${runs}`, of(page.loads, "lcp"), "ms");
        add(ctx, "paint", `${label}: first contentful paint, ${runs}`, of(page.loads, "fcp"), "ms");
        add(ctx, "paint", `${label}: load event, ${runs}`, of(page.loads, "load"), "ms");
        add(ctx, "paint", `${label}: JS heap used after load`, of(page.loads, "heap") / 1024 / 1024, "MB");
        for (const [key, name] of [
          ["task", "all tasks"],
          ["script", "script"],
          ["layout", "layout"],
          ["style", "style recalculation"],
        ] as const) {
          add(
            ctx,
            "paint",
            `${label}: main thread until painted and loaded, ${name}`,
            of(page.loads, key),
            "ms",
          );
        }
      }
      const ratio = (key: keyof Omit<Load, "firstEvent">) => of(app!, key) / of(bare!, key);
      const painted = ratio("element");
      add(
        ctx,
        "paint",
        `ratio: first event painted, /timeline / plain list (goal ≤ ${GOAL_RATIO})`,
        painted,
        "ratio",
        painted > GOAL_RATIO,
      );
      add(ctx, "paint", "ratio: largest contentful paint, /timeline / plain list", ratio("lcp"), "ratio");
      add(ctx, "paint", "ratio: load event, /timeline / plain list", ratio("load"), "ratio");
      add(ctx, "paint", "ratio: JS heap used after load, /timeline / plain list", ratio("heap"), "ratio");
      // Arriving by a link from another site, as a reader's first visit from a search or a message does, both pages
      // start in a new renderer (site isolation; seen in Chromium's process list), so the app's
      // Cross-Origin-Opener-Policy is no longer what tells them apart. A fresh tab keeps its first renderer for the
      // plain list only.
      const fromElsewhere = of(appFrom!, "element") / of(bareFrom!, "element");
      add(
        ctx,
        "paint",
        `/timeline, from another site: first event painted, ${runs}`,
        of(appFrom!, "element"),
        "ms",
      );
      add(
        ctx,
        "paint",
        `plain list, from another site: first event painted, ${runs}`,
        of(bareFrom!, "element"),
        "ms",
      );
      add(
        ctx,
        "paint",
        "ratio: first event painted from another site, /timeline / plain list",
        fromElsewhere,
        "ratio",
      );
      // Where the gap goes: each page between the app and the plain list against the plain list.
      pages.slice(4).forEach((page, i) => {
        const element = of(parts[i]!, "element");
        add(ctx, "paint", `${page.name}: first event painted, ${runs}`, element, "ms");
        add(
          ctx,
          "paint",
          `ratio: ${page.name}, first event painted / plain list`,
          element / of(bare!, "element"),
          "ratio",
        );
      });
    } finally {
      await browser?.close();
      plain?.stop();
      variants?.stop();
      await server.stop();
    }
  },
};
