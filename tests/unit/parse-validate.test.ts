import { describe, expect, it } from "vitest";
import { parseArticle, parseYaml } from "@/lib/content/parse";
import { actorsSchema, frontmatterSchema } from "@/lib/content/schema";
import { validate, validateAnnotation } from "@/lib/content/validate";

describe("parseYaml", () => {
  it("knows the line of every value", () => {
    const parsed = parseYaml("f.yaml", "- slug: a\n  name: A\n- slug: b\n  aliases:\n    - B1\n    - B2\n");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.lineOf([1, "aliases", 1])).toBe(6);
    expect(parsed.value.lineOf([1, "missing"])).toBe(3);
  });

  it("reports syntax errors with their line", () => {
    const parsed = parseYaml("f.yaml", "a: 1\nb: [unclosed\nc: 3\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({
      file: "f.yaml",
      message: expect.stringContaining("invalid YAML"),
    });
  });

  it("rejects duplicate keys", () => {
    const parsed = parseYaml("f.yaml", "a: 1\na: 2\n");
    expect(parsed.ok).toBe(false);
  });
});

describe("parseArticle", () => {
  it("splits frontmatter from body and keeps file lines", () => {
    const text = "---\ntitle: T\nkind: news\n---\n\nFirst paragraph.\n";
    const parsed = parseArticle("a.md", "a", text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.blocks).toMatchObject([{ n: 1, text: "First paragraph.", line: 6 }]);
    expect(parsed.value.frontmatter.lineOf(["kind"])).toBe(3);
  });

  it("requires frontmatter and text", () => {
    expect(parseArticle("a.md", "a", "no frontmatter")).toMatchObject({ ok: false });
    expect(parseArticle("a.md", "a", "---\ntitle: T\n---\n")).toMatchObject({ ok: false });
  });
});

describe("validate", () => {
  const check = <S extends Parameters<typeof validate>[1]>(text: string, schema: S) => {
    const parsed = parseYaml("f.yaml", text);
    if (!parsed.ok) throw new Error("bad fixture");
    return validate(parsed.value, schema);
  };

  it("reports a missing field at the line of its parent", () => {
    const result = check("- slug: us\n  name: US\n  kind: state\n", actorsSchema);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: 'missing field "[0].description"' }],
    });
  });

  it("reports unknown keys, bad enums and bad slugs", () => {
    const result = check(
      "- slug: Not A Slug\n  name: US\n  kind: country\n  description: d\n  colour: red\n",
      actorsSchema,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1: \[0\]\.slug: must be a slug/),
        expect.stringMatching(/^3: \[0\]\.kind: /),
        '1: [0]: unknown field "colour"',
      ]),
    );
  });

  const annotation = (text: string) => {
    const parsed = parseYaml("f.yaml", text);
    if (!parsed.ok) throw new Error("bad fixture");
    return validateAnnotation(parsed.value);
  };
  const position = "  - actor: us\n    issue: i\n    stance: s\n    summary: s\n    claim: reported\n";

  it("accepts evidence as a string or an object and needs at least one", () => {
    const ok = annotation(
      `positions:\n${position}    evidence:\n      - four words of quote\n      - quote: four more words here\n        paragraph: 2\n`,
    );
    expect(ok).toMatchObject({ problems: [], value: { positions: [{ path: ["positions", 0] }] } });
    const none = annotation(`positions:\n${position}    evidence: []\n`);
    expect(none).toMatchObject({
      value: { positions: [] },
      problems: [{ line: 7, message: expect.stringContaining("at least one") }],
    });
  });

  it("checks an annotation entry by entry, keeping the good ones with their place in the file", () => {
    const result = annotation(
      `positions:\n${position.replace("reported", "rumour")}    evidence: [four words of quote]\n${position}    evidence: [four words of quote]\n`,
    );
    expect(result.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^6: positions\[0\]\.claim: /),
    ]);
    expect(result.value?.positions.map((p) => p.path)).toEqual([["positions", 1]]);
  });

  it("tells an event definition from a reference, and rejects what is neither", () => {
    const result = annotation(
      "events:\n  - slug: a\n    evidence: [four words of quote]\n  - slug: b\n    title: B\n    evidence: [four words of quote]\n",
    );
    expect(result.value?.events.map((e) => e.value.kind)).toEqual(["reference"]);
    expect(result.problems).toEqual([
      {
        file: "f.yaml",
        line: 4,
        message: expect.stringContaining('event "b" is missing summary, claim, date, actors, issues'),
      },
    ]);
    expect(result.failedEvents).toEqual(["b"]);
  });

  it("reads a bare year in frontmatter as a date", () => {
    const result = check(
      "title: T\nkind: news\npublished:\n  date: 2025\n  precision: year\n  basis: b\nperspective:\n  text: t\n  basis: b\n",
      frontmatterSchema,
    );
    expect(result).toMatchObject({ ok: true, value: { published: { date: "2025" } } });
  });
});
