import { WIDE_SCREEN } from "@/lib/site/screens";
import { sha256 } from "./csp";

// When a stored page starts React. Every view works without JavaScript (the filters are GET forms, the chart is drawn
// with the page, the reader is plain HTML), so what the scripts add is enhancement. On a phone, downloading ~125 KB of
// scripts and hydrating a 400–1,100-element page is most of what a first visit costs: under Lighthouse's phone
// throttling it blocks the main thread 450–750 ms, and it kept every page type below the score of 95 (issue #15).
//
// So a stored page does not start its scripts from the parser. One small inline script decides instead:
// - on a wide screen (WIDE_SCREEN, where the timeline's filters open as a sidebar, which needs React), the scripts
//   load right after the first frame is painted (not preloaded: fetched during the parse, even at low priority, they
//   put the first event's paint 90–100 ms later in the benchmark's Chromium, 24 loads each);
// - on a narrower one, they load on the reader's first use: a tap or click, a key, focus moving. Before that the page
//   is what it is without JavaScript (its inline React payload is data, pushed to an array), and a reader who only
//   reads and scrolls fetches none of the app's script files. A touch that scrolls is not a tap: it fires no click.
// The page's inline scripts (Next's payload pushed to an array, its chunk list, the loader) become module scripts: the
// same text, allowed by the same hashes, run in the same order, but after the parse. A classic inline script waits
// for the stylesheets, and the parser with it: the 38 KB payload at the end of /timeline held the first paint until
// it had run (the benchmark's bytes without scripts paint about 30 ms sooner).
// The loader marks <html data-hydrate="on-use"> when use started the scripts, for what should happen only on arrival
// (components/matrix/focus-on-arrival.tsx). Next.js has no option for either (its scripts are always `async` from
// the parser), hence this rewrite of its output.

/** The events that show a reader is using the page. Not pointerdown or touchstart: a swipe to scroll starts so. */
export const INTENT_EVENTS = ["click", "keydown", "focusin"] as const;

/** Next's parser-started scripts: `async`, with a source, not the `noModule` polyfills for old browsers. */
const ASYNC_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;
/** Next's own preload hints for those scripts. */
const SCRIPT_PRELOAD = /<link rel="preload" as="script"(?: fetchPriority="low")? href="[^"]+"\/>/g;
const SCRIPT_SRC = /(^|;\s*)script-src ([^;]*)/;
/** An inline classic script: no source, no type. */
const INLINE_SCRIPT = /<script(?![^>]*\s(?:src|type)=)([^>]*)>/g;

/**
 * The inline script that appends `sources` (async: each runs as it arrives, as Next's own tags did), on a wide screen
 * after the first paint, else on first use.
 */
export function loaderScript(sources: string[]): string {
  return (
    `(function(){var s=${JSON.stringify(sources)},e=${JSON.stringify(INTENT_EVENTS)},d=0;` +
    `function go(u){if(d)return;d=1;e.forEach(function(t){removeEventListener(t,on,true)});` +
    `if(u)document.documentElement.setAttribute("data-hydrate","on-use");` +
    `s.forEach(function(u){var x=document.createElement("script");x.src=u;x.async=true;document.head.appendChild(x)})}` +
    `function on(){go(1)}e.forEach(function(t){addEventListener(t,on,{capture:true,passive:true})});` +
    `if(matchMedia(${JSON.stringify(WIDE_SCREEN)}).matches)requestAnimationFrame(function(){setTimeout(go)})})()`
  );
}

/**
 * The page with its scripts started by the loader instead of the parser, and the policy allowing the loader by its
 * hash. A page without Next's scripts (or without a script-src to add to) is returned as it is.
 */
export function deferHydration(html: string, policy: string): { html: string; policy: string } {
  const sources = [...html.matchAll(ASYNC_SCRIPT)].map((match) => match[1]!);
  if (sources.length === 0 || !SCRIPT_SRC.test(policy)) return { html, policy };
  const stripped = html
    .replace(ASYNC_SCRIPT, "")
    .replace(SCRIPT_PRELOAD, "")
    .replace(INLINE_SCRIPT, '<script type="module"$1>');
  const body = stripped.lastIndexOf("</body>");
  if (body === -1) return { html, policy };
  const loader = loaderScript(sources);
  return {
    html: stripped.slice(0, body) + `<script type="module">${loader}</script>` + stripped.slice(body),
    policy: policy.replace(SCRIPT_SRC, `$1script-src $2 ${sha256(loader)}`),
  };
}
