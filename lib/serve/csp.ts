import { createHash } from "node:crypto";

// A page rendered per request carries a fresh nonce on Next's scripts (proxy.ts). A cached page is sent to many
// requests, so it cannot: before it is stored, each inline script that carries the render's nonce is allowed by its
// SHA-256 instead, and the nonce is taken out of the page and its headers. Only scripts Next marked with the nonce are
// hashed, so markup injected into a page still cannot run; the nonce itself never leaves the server.

const NONCE_SOURCE = /'nonce-([A-Za-z0-9+/=_-]+)'/;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g;

/** The nonce a policy allows, if any. */
export function policyNonce(policy: string): string | null {
  return NONCE_SOURCE.exec(policy)?.[1] ?? null;
}

/** A CSP source allowing the inline script `text` by its SHA-256. */
export function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * The page with its nonce replaced by hashes: the HTML without the nonce (attributes removed, and an empty string
 * where React's payload names it), and the policy with the hashes of the scripts that carried it in its place.
 */
export function nonceToHashes(html: string, policy: string): { html: string; policy: string } {
  const nonce = policyNonce(policy);
  if (!nonce) return { html, policy };
  const attribute = ` nonce="${nonce}"`;
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    if (match[1]!.includes(attribute)) {
      hashes.add(sha256(match[2]!.replaceAll(nonce, "")));
    }
  }
  const out = html.replaceAll(attribute, "").replaceAll(nonce, "");
  const replaced = policy.replace(`'nonce-${nonce}'`, [...hashes].join(" "));
  // The proxy also allows the not-found page's scripts, often the same bootstrap: each source once.
  const policyOut = replaced
    .split(";")
    .map((directive) => [...new Set(directive.trim().split(/\s+/))].join(" "))
    .join("; ");
  return { html: out, policy: policyOut };
}

/** A Link header's `nonce="…"` parameters, removed: preloads need none under 'self'. */
export function withoutNonceParams(link: string, nonce: string): string {
  return link.replaceAll(`; nonce="${nonce}"`, "");
}
