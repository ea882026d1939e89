import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What a client island imports ships to every browser. The URL-state split exists for this: the islands write links
// with lib/url-state/hrefs.ts (no zod), and only the server reads URLs with the zod schemas. This walks each island's
// import graph (type-only imports are erased, so they are skipped) and checks nothing server-side or zod is in it.

const ROOT = path.resolve(import.meta.dirname, "../..");
const FORBIDDEN = ["zod", "server-only", "@prisma/client", "better-sqlite3", "@/lib/db", "@/generated"];

function islands(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".tsx"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => /^["']use client["']/m.test(readFileSync(file, "utf8")));
}

/** The value imports of a module: `import … from "x"` and `export … from "x"`, not `import type`. */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gms;
  for (const match of source.matchAll(pattern)) {
    if (match[2]) continue;
    // `import { type A, type B } from "x"` is erased too.
    const names = /^\{([^}]*)\}$/.exec(match[3]!.trim())?.[1];
    if (names && names.split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "))) continue;
    specifiers.push(match[4]!);
  }
  for (const match of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) specifiers.push(match[1]!);
  return specifiers;
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && /\.(ts|tsx|css)$/.test(candidate))
      return candidate;
  }
  return null;
}

/** Every specifier the module reaches through value imports, with the path that first reached it. */
function graph(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file) || file.endsWith(".css")) return;
    seen.add(file);
    for (const specifier of valueImports(readFileSync(file, "utf8"))) {
      const here = [...trail, path.relative(ROOT, file)];
      if (!reached.has(specifier)) reached.set(specifier, here);
      const next = resolve(file, specifier);
      if (next) visit(next, here);
    }
  };
  visit(entry, []);
  return reached;
}

describe("client islands", () => {
  const files = [...islands(path.join(ROOT, "components")), ...islands(path.join(ROOT, "app"))];

  it("are found, the header's search box among them", () => {
    expect(files.map((f) => path.relative(ROOT, f))).toContain("components/search/search-box.tsx");
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))(
    "%s imports no zod and nothing server-side",
    (_, file) => {
      const bad = [...graph(file)]
        .filter(([specifier]) => FORBIDDEN.some((f) => specifier === f || specifier.startsWith(`${f}/`)))
        .map(([specifier, trail]) => `${specifier} (via ${trail.join(" → ")})`);
      expect(bad).toEqual([]);
    },
  );
});
