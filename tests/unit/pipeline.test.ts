import { describe, expect, it, vi } from "vitest";
import { formatProblem, runPipeline } from "@/lib/content";
import { edit, fixtureFiles, lineOf, linesOf } from "../support/fixtures";

const WINTER = "annotations/winter-brief.yaml";
const SPRING = "annotations/spring-brief.yaml";

async function errorsAfter(suffix: string, from: string, to: string): Promise<string[]> {
  const result = runPipeline(edit(await fixtureFiles(), suffix, from, to));
  if (result.ok) throw new Error("expected the pipeline to fail");
  return result.problems.map(formatProblem);
}

describe("runPipeline on valid content", () => {
  it("resolves aliases, dates and quotes", async () => {
    const result = runPipeline(await fixtureFiles());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const { content } = result;
    expect(content.articles.map((a) => [a.slug, a.rank])).toEqual([
      ["spring-brief", 1],
      ["winter-brief", 2],
    ]);
    const talks = content.events.find((e) => e.slug === "talks-open")!;
    expect(talks.actors).toEqual(["us", "iran"]);
    // Evidence from the second article's reference is attached to the event defined in the first.
    expect(talks.evidence.map((e) => e.article)).toEqual(["spring-brief", "winter-brief"]);
    const geneva = content.events.find((e) => e.slug === "geneva-round")!;
    expect(geneva.date).toMatchObject({
      stated: "yesterday",
      start: "2026-02-16",
      end: "2026-02-16",
      precision: "day",
    });
    const week = content.events.find((e) => e.slug === "leaders-meet")!;
    expect(week.date).toMatchObject({ start: "2026-02-09", end: "2026-02-15", precision: "week" });
    const quote = content.positions.find((p) => p.voice === "the-president")!.evidence[0]!;
    expect(quote).toMatchObject({
      article: "winter-brief",
      paragraph: 2,
      quote: "a deal “would be the best outcome” for everyone",
    });
    const winter = content.articles.find((a) => a.slug === "winter-brief")!;
    expect(winter.paragraphs[1]!.text.slice(quote.start, quote.end)).toBe(quote.quote);
    expect(content.divergences[0]).toMatchObject({ a: "us", b: "israel", level: "divergent" });
    expect(winter.perspective).toEqual({
      text: "A fictional news report with no stated standpoint.",
      basis: "Fixture article; no publisher is shown.",
    });
  });
});

describe("runPipeline and the clock", () => {
  it("resolves the same content whatever today is", async () => {
    const files = await fixtureFiles();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const runs = ["2019-01-01T00:00:00Z", "2026-02-17T12:00:00Z", "2040-06-30T00:00:00Z"].map((today) => {
        vi.setSystemTime(new Date(today));
        return runPipeline(files);
      });
      expect(runs[0]!.ok).toBe(true);
      for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("runPipeline on broken content", () => {
  it("requires every article to state its perspective, with a basis", async () => {
    const ARTICLE = "articles/winter-brief.md";
    const missing = await errorsAfter(
      ARTICLE,
      "perspective:\n  text: A fictional news report with no stated standpoint.\n  basis: Fixture article; no publisher is shown.\n",
      "",
    );
    expect(missing).toContain(`tests/fixtures/content/${ARTICLE}:2: missing field "perspective"`);
    const noBasis = await errorsAfter(ARTICLE, "  basis: Fixture article; no publisher is shown.\n", "");
    expect(noBasis).toContain(
      `tests/fixtures/content/${ARTICLE}:${lineOf(ARTICLE, "text: A fictional news")}: missing field "perspective.basis"`,
    );
  });

  it("names file and line for a quote that is not in the article", async () => {
    const errors = await errorsAfter(
      WINTER,
      "- The two leaders met last week",
      "- The two leaders met last month",
    );
    expect(errors).toEqual([
      `tests/fixtures/content/${WINTER}:${lineOf(WINTER, "The two leaders met last week")}: quote not found in article "winter-brief": "The two leaders met last month"`,
    ]);
  });

  it("names an unknown actor and suggests the near one", async () => {
    const errors = await errorsAfter(WINTER, "actors: [us, iran]", "actors: [us, irna]");
    expect(errors).toEqual([
      `tests/fixtures/content/${WINTER}:${lineOf(WINTER, "actors: [us, iran]")}: unknown actor "irna" (did you mean "iran"?)`,
    ]);
  });

  it("rejects a rule that disagrees with explicit dates", async () => {
    const errors = await errorsAfter(
      WINTER,
      "      resolve: yesterday\n",
      "      resolve: yesterday\n      start: 2026-02-15\n      precision: day\n",
    );
    expect(errors[0]).toMatch(/winter-brief\.yaml:\d+: rule yesterday gives 2026-02-16–2026-02-16/);
  });

  it("rejects impossible dates and untruthful precision", async () => {
    expect(await errorsAfter(SPRING, "start: 2025-05\n", "start: 2025-02-30\n")).toEqual([
      `tests/fixtures/content/${SPRING}:${lineOf(SPRING, "start: 2025-05")}: 2025-02-30 is not a calendar date`,
    ]);
    expect((await errorsAfter(SPRING, "precision: month", "precision: day"))[0]).toMatch(
      /spring-brief\.yaml:\d+: precision "day" does not describe 2025-05-01–2025-05-31/,
    );
  });

  it("rejects an event dated after its article", async () => {
    expect((await errorsAfter(SPRING, "start: 2025-05\n", "start: 2025-08\n"))[0]).toMatch(
      /after the article was published/,
    );
  });

  it("rejects duplicate slugs, aliases and positions", async () => {
    const dupActor = await errorsAfter("actors.yaml", "- slug: iran\n", "- slug: israel\n");
    expect(dupActor.some((e) => /actors\.yaml:\d+: duplicate actor slug "israel"/.test(e))).toBe(true);
    const dupAlias = await errorsAfter("actors.yaml", "aliases: [Tehran]", "aliases: [Jerusalem]");
    expect(dupAlias[0]).toMatch(/"Jerusalem" already names actor "israel"/);
    const dupEvent = await errorsAfter(WINTER, "slug: geneva-round", "slug: leaders-meet");
    expect(dupEvent[0]).toMatch(
      /duplicate event slug "leaders-meet": already defined at .*winter-brief\.yaml:\d+/,
    );
  });

  it("rejects a quote shorter than four words", async () => {
    expect(await errorsAfter(WINTER, "- The two leaders met last week", "- leaders met")).toEqual([
      `tests/fixtures/content/${WINTER}:${lineOf(WINTER, "The two leaders met last week")}: quote "leaders met" is shorter than 4 words`,
    ]);
  });

  it("rejects a quote found in two paragraphs, and accepts it once the paragraph is named", async () => {
    const ARTICLE = "articles/winter-brief.md";
    const twice = edit(
      await fixtureFiles(),
      ARTICLE,
      "about its nuclear programme.",
      "about its nuclear programme, and any deal must also curb missiles.",
    );
    const result = runPipeline(twice);
    if (result.ok) throw new Error("expected the pipeline to fail");
    // The position and the rating both cite it; each is reported at its own line.
    const lines = linesOf(WINTER, "- any deal must also curb missiles");
    expect(lines).toHaveLength(2);
    expect(result.problems.map(formatProblem)).toEqual(
      lines.map(
        (line) =>
          `tests/fixtures/content/${WINTER}:${line}: quote "any deal must also curb missiles" occurs in paragraphs 1, 2 of "winter-brief": add paragraph: <n>`,
      ),
    );
    const named = edit(
      edit(
        twice,
        WINTER,
        "    evidence:\n      - any deal must also curb missiles\ndivergence:",
        "    evidence:\n      - quote: any deal must also curb missiles\n        paragraph: 2\ndivergence:",
      ),
      WINTER,
      "Israel wants missiles in it.\n    evidence:\n      - any deal must also curb missiles",
      "Israel wants missiles in it.\n    evidence:\n      - { quote: any deal must also curb missiles, paragraph: 1 }",
    );
    const fixed = runPipeline(named);
    if (!fixed.ok) throw new Error(fixed.problems.map(formatProblem).join("\n"));
    expect(fixed.content.positions.find((p) => p.stance === "Curb missiles")!.evidence[0]).toMatchObject({
      paragraph: 2,
    });
    expect(fixed.content.divergences.find((d) => d.issue === "iran-missiles")!.evidence[0]).toMatchObject({
      paragraph: 1,
    });
  });

  it("reports every error of a run together, sorted by file and line", async () => {
    let files = edit(await fixtureFiles(), WINTER, "actors: [us, iran]", "actors: [us, irna]");
    files = edit(files, SPRING, "issues: [iran-talks]", "issues: [iran-tlaks]");
    files = edit(files, "issues.yaml", "related: [iran-missiles]", "related: [nowhere]");
    const result = runPipeline(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.file.split("/").pop())).toEqual([
      "spring-brief.yaml",
      "winter-brief.yaml",
      "issues.yaml",
    ]);
  });

  it("reports a schema error in an event once, not again where another file refers to the event", async () => {
    expect(await errorsAfter(SPRING, "claim: reported\n    date:", "claim: rumour\n    date:")).toEqual([
      `tests/fixtures/content/${SPRING}:${lineOf(SPRING, "claim: reported")}: events[0].claim: Invalid option: expected one of "reported"|"statement"|"assessment"`,
    ]);
    expect(
      await errorsAfter(SPRING, "    summary: Washington opens direct talks with Tehran.\n", ""),
    ).toEqual([
      expect.stringMatching(/spring-brief\.yaml:2: events\[0\]: event "talks-open" is missing summary/),
    ]);
  });

  it("reports a broken article or annotation file once, not again for what depends on it", async () => {
    expect(await errorsAfter("articles/spring-brief.md", "kind: analysis", "kind: rumour")).toEqual([
      expect.stringMatching(/articles\/spring-brief\.md:5: kind: Invalid option/),
    ]);
    expect(await errorsAfter(SPRING, "divergence:", "divergenz:")).toEqual([
      `tests/fixtures/content/${SPRING}:1: unknown field "divergenz"`,
    ]);
  });

  it("keeps checking the rest of a file that has a bad entry", async () => {
    let files = edit(await fixtureFiles(), SPRING, "claim: statement", "claim: rumour");
    files = edit(files, SPRING, "issue: iran-talks\n    level", "issue: iran-tlaks\n    level");
    const result = runPipeline(files);
    if (result.ok) throw new Error("expected the pipeline to fail");
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^positions\[1\]\.claim: Invalid option/),
      'unknown issue "iran-tlaks" (did you mean "iran-talks"?)',
    ]);
  });

  it("requires a referenced event to be defined somewhere", async () => {
    const errors = await errorsAfter(WINTER, "  - slug: talks-open\n", "  - slug: talks-opened\n");
    expect(errors[0]).toMatch(
      /event "talks-opened" is not defined in any annotation file \(did you mean "talks-open"\?\)/,
    );
  });
});
