import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVE_ENV, SERVE_NODE_ARGS, SERVE_SCRIPT } from "@/scripts/lib/serve-process";

describe("the production server's process", () => {
  it("is started by `npm run serve` with the same settings as everywhere else", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> })
      .scripts;
    const env = Object.entries(SERVE_ENV).map(([name, value]) => `${name}=${value}`);
    expect(scripts.serve).toBe([...env, "node", ...SERVE_NODE_ARGS, SERVE_SCRIPT].join(" "));
  });
});
