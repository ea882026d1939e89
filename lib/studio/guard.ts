// Who may use the studio. It exists only in a server started by `npm run studio`, which sets a fresh random token
// for the run and listens on 127.0.0.1; `npm start` sets none, so every studio page and write answers 404 there.
// A write must come from a page of this server (its Origin is this host; a browser's Sec-Fetch-Site says
// same-origin) and carry the run's token, which only pages of this server embed.
import { timingSafeEqual } from "node:crypto";

export const STUDIO_TOKEN_ENV = "FAULTLINES_STUDIO_TOKEN";

/** The run's token, or null when this server is not the studio. */
export function studioToken(): string | null {
  const token = process.env[STUDIO_TOKEN_ENV];
  return token && token.length >= 16 ? token : null;
}

/** The content folder the studio edits. */
export function studioContentDir(): string {
  return process.env.FAULTLINES_CONTENT || "content";
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why a write is refused (403), or null. */
export function refuseWrite(headers: Headers, sentToken: string | null): string | null {
  const token = studioToken();
  if (!token) return "this server is not the studio";
  const host = headers.get("host") ?? "";
  if (!LOCAL_HOSTS.has(host.replace(/:\d+$/, "")))
    return `the studio answers on 127.0.0.1 only, not on "${host}"`;
  const origin = headers.get("origin");
  if (origin !== `http://${host}`)
    return origin
      ? `a write from ${origin} is refused: only pages of this studio may write`
      : "a write without an Origin header is refused: only pages of this studio may write";
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin")
    return `a ${site} write is refused: only pages of this studio may write`;
  if (!sentToken) return "the studio session token is missing: reload the page";
  const a = Buffer.from(sentToken);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    return "the studio session token does not match this run (the studio was restarted?): reload the page";
  return null;
}
