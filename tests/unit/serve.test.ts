import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { nonceToHashes, policyNonce } from "@/lib/serve/csp";
import { chooseEncoding, compress } from "@/lib/serve/encoding";
import { deferHydration, loaderScript } from "@/lib/serve/hydrate";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const NONCE = "AbC+/d12==";
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'sha256-fallback='; object-src 'none'`;

describe("nonceToHashes", () => {
  const html =
    `<head><link rel="preload" as="script" nonce="${NONCE}" href="/a.js"></head><body>` +
    `<script src="/a.js" async="" nonce="${NONCE}"></script>` +
    `<script nonce="${NONCE}">self.__next_f.push([1,"{\\"nonce\\":\\"${NONCE}\\"}"])</script>` +
    `<script>alert("injected")</script></body>`;

  it("allows by hash exactly the inline scripts that carried the nonce, and takes the nonce out", () => {
    const page = nonceToHashes(html, POLICY);
    expect(page.html).not.toContain(NONCE);
    expect(page.html).toContain(`<script>self.__next_f.push([1,"{\\"nonce\\":\\"\\"}"])</script>`);
    expect(page.policy).toBe(
      `default-src 'self'; script-src 'self' ${sha('self.__next_f.push([1,"{\\"nonce\\":\\"\\"}"])')} 'sha256-fallback='; object-src 'none'`,
    );
    // A script without the nonce is not Next's: it gets no hash.
    expect(page.policy).not.toContain(sha('alert("injected")'));
    expect(policyNonce(page.policy)).toBeNull();
  });

  it("leaves a page without a nonce as it is", () => {
    const policy = "script-src 'self' 'sha256-x='";
    expect(nonceToHashes("<script>x</script>", policy)).toEqual({ html: "<script>x</script>", policy });
  });
});

describe("deferHydration", () => {
  const page =
    `<html><head><link rel="stylesheet" href="/a.css"/>` +
    `<script src="/c/runtime.js" async=""></script><script src="/c/page.js" async=""></script>` +
    `<script src="/c/polyfills.js" noModule=""></script></head><body><main>Events</main>` +
    `<script id="_R_">(globalThis.T=globalThis.T||[]).push(1)</script>` +
    `<link rel="preload" as="script" fetchPriority="low" href="/c/late.js"/>` +
    `<script src="/c/late.js" async=""></script><script>self.__next_f.push([0])</script></body></html>`;
  const policy = "default-src 'self'; script-src 'self' 'sha256-next='; object-src 'none'";

  it("hands Next's scripts to one loader at the end of the body, allowed by its hash", () => {
    const out = deferHydration(page, policy);
    const sources = ["/c/runtime.js", "/c/page.js", "/c/late.js"];
    const loader = loaderScript(sources);
    expect(out.html).toBe(
      `<html><head><link rel="stylesheet" href="/a.css"/>` +
        `<script src="/c/polyfills.js" noModule=""></script></head><body><main>Events</main>` +
        `<script type="module" id="_R_">(globalThis.T=globalThis.T||[]).push(1)</script>` +
        `<script type="module">self.__next_f.push([0])</script><script type="module">${loader}</script></body></html>`,
    );
    expect(out.policy).toBe(
      `default-src 'self'; script-src 'self' 'sha256-next=' ${sha(loader)}; object-src 'none'`,
    );
  });

  it("leaves a page without Next's scripts, or a policy without script-src, as it is", () => {
    const plain = "<html><head></head><body><p>x</p></body></html>";
    expect(deferHydration(plain, policy)).toEqual({ html: plain, policy });
    expect(deferHydration(page, "default-src 'none'")).toEqual({ html: page, policy: "default-src 'none'" });
  });
});

describe("compress and chooseEncoding", () => {
  const body = Buffer.from("<p>Faultlines</p>\n".repeat(200));

  it("stores brotli and gzip forms that decode to the body", async () => {
    const bodies = await compress(body, "text/html; charset=utf-8");
    expect(brotliDecompressSync(bodies.br!)).toEqual(body);
    expect(gunzipSync(bodies.gzip!)).toEqual(body);
    expect(bodies.br!.length).toBeLessThan(body.length / 10);
  });

  it("does not compress images or tiny bodies", async () => {
    expect(await compress(body, "image/png")).toEqual({ identity: body });
    expect(await compress(Buffer.from("{}"), "application/json")).toEqual({ identity: Buffer.from("{}") });
  });

  it("picks brotli, then gzip, as the client accepts them", async () => {
    const bodies = await compress(body, "application/json");
    expect(chooseEncoding("gzip, deflate, br, zstd", bodies)).toBe("br");
    expect(chooseEncoding("gzip, br;q=0", bodies)).toBe("gzip");
    expect(chooseEncoding("GZIP", bodies)).toBe("gzip");
    expect(chooseEncoding("*", bodies)).toBe("br");
    expect(chooseEncoding(undefined, bodies)).toBe("identity");
    expect(chooseEncoding("deflate", bodies)).toBe("identity");
    expect(chooseEncoding("br", { identity: body })).toBe("identity");
  });
});
