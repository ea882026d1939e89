import { describe, expect, it } from "vitest";
import { runAssist } from "@/lib/assist";
import { draftFileText } from "@/lib/assist/draft-file";
import { formatProblem, runPipeline } from "@/lib/content";
import { parseBody } from "@/lib/content/markdown";
import { fixtureFiles } from "../../support/fixtures";

// A fictional brief, published on Thursday 12 March 2026, over the fixture actors and issues.
export const BRIEF = `Envoys from Washington and Tehran met in Vienna on Monday for a new round of talks.

The President said on Tuesday that a deal was close. He also spoke to the Prime Minister.

Tehran threatened on Wednesday to quit the talks over missiles. Jerusalem will send a team to Vienna next week.

The Prime Minister insists that any deal must curb missiles, and Israeli officials agree. Washington declined to comment.

According to Jerusalem, the inspectors left Iran yesterday.

Nadia Farrow, an analyst at the Meridian Institute, said the gap between the allies over missiles is narrow. Washington declined to comment.`;

const PUBLISHED = { start: "2026-03-12", end: "2026-03-12" };

async function assist() {
  const files = await fixtureFiles();
  const result = runPipeline(files);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  const { content } = result;
  const blocks = parseBody(BRIEF);
  return {
    files,
    blocks,
    ...runAssist({
      slug: "vienna-brief",
      blocks,
      published: PUBLISHED,
      actors: content.actors,
      issues: content.issues,
      takenEventSlugs: new Set(content.events.map((e) => e.slug)),
    }),
  };
}

describe("runAssist", () => {
  it("proposes dated happenings with a known actor as events, resolved on the publication date", async () => {
    const { draft } = await assist();
    expect(draft.events.map((e) => [e.date.stated, e.date.start, e.actors, e.claim])).toEqual([
      ["on Monday", "2026-03-09", ["us", "iran"], "reported"],
      ["on Tuesday", "2026-03-10", ["the-president"], "statement"],
      // "He also spoke …": no date of its own, and "He" is the President of the sentence before.
      ["on Tuesday", "2026-03-10", ["the-president", "the-prime-minister"], "reported"],
      ["yesterday", "2026-03-11", ["israel", "iran"], "reported"],
    ]);
    const inspectors = draft.events[3]!;
    expect(inspectors.via).toBe("israel");
    expect(inspectors.issues.length).toBeGreaterThan(0);
    expect(draft.events[0]!.issues).toEqual(["iran-talks"]);
    expect(draft.events[0]!.slug).toMatch(/^[a-z0-9-]+-2026-03$/);
  });

  it("marks threats and plans as not events, with the reason", async () => {
    const { draft } = await assist();
    expect(draft.not_events.map((n) => [n.reason, n.stated, n.actors])).toEqual([
      ["threat", "on Wednesday", ["iran"]],
      ["plan", "next week", ["israel"]],
    ]);
  });

  it("proposes a position for a side of the pair, voiced by its person", async () => {
    const { draft } = await assist();
    expect(draft.positions).toContainEqual(
      expect.objectContaining({
        actor: "israel",
        issue: "iran-missiles",
        voice: "the-prime-minister",
        claim: "statement",
      }),
    );
  });

  it("lists actors, mentions, new names, dates and issues, every piece of evidence verbatim from the article", async () => {
    const { draft, blocks } = await assist();
    expect(draft.actors.map((a) => a.actor)).toEqual([
      "us",
      "iran",
      "the-president",
      "the-prime-minister",
      "israel",
    ]);
    expect(draft.mentions.filter((m) => m.actor === "israel").map((m) => m.text)).toEqual([
      "Jerusalem",
      "Jerusalem",
    ]);
    expect(draft.candidates.map((c) => [c.name, c.kind])).toEqual(
      expect.arrayContaining([
        ["Nadia Farrow", "person"],
        ["Meridian Institute", "organisation"],
        ["Vienna", "place"],
      ]),
    );
    expect(draft.dates.map((d) => d.stated)).toEqual([
      "on Monday",
      "on Tuesday",
      "on Wednesday",
      "next week",
      "yesterday",
    ]);
    expect(draft.issues.map((i) => i.issue).sort()).toEqual(["iran-missiles", "iran-talks"]);
    const text = blocks.map((b) => b.text).join("\n");
    const quotes = Object.values(draft).flatMap((list) =>
      (list as { evidence: (string | { quote: string })[] }[]).flatMap((item) => item.evidence),
    );
    expect(quotes.length).toBeGreaterThan(20);
    for (const q of quotes) expect(text).toContain(typeof q === "string" ? q : q.quote);
  });

  it("writes a draft file the content pipeline accepts as it is", async () => {
    const { draft, files } = await assist();
    const article = `---\ntitle: Vienna brief\npublisher: null\nurl: null\nkind: news\npublished:\n  date: 2026-03-12\n  precision: day\n  basis: Fixture.\nperspective:\n  text: A fictional news report.\n  basis: Fixture.\nreview: draft\n---\n\n${BRIEF}\n`;
    const result = runPipeline([
      ...files,
      { path: "tests/fixtures/content/articles/vienna-brief.md", text: article },
      { path: "tests/fixtures/content/drafts/vienna-brief.yaml", text: draftFileText("vienna-brief", draft) },
    ]);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.review.draftArticles).toEqual(["vienna-brief"]);
    expect(result.review.draftFiles[0]).toMatchObject({
      file: "tests/fixtures/content/drafts/vienna-brief.yaml",
      article: "vienna-brief",
    });
    expect(result.content.articles.map((a) => a.slug)).not.toContain("vienna-brief");
  });

  it("gives a date wider than a year the bounds the dating policy asks for, so the draft stays valid", async () => {
    const files = await fixtureFiles();
    const result = runPipeline(files);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const text =
      "Washington imposed new sanctions on Tehran between 2019 and 2021 over its missiles.\n\nTehran will keep building missiles from 2026 to 2028, Jerusalem warned.";
    const { draft } = runAssist({
      slug: "sanctions-brief",
      blocks: parseBody(text),
      published: PUBLISHED,
      actors: result.content.actors,
      issues: result.content.issues,
    });
    const words = (stated: string) => ({
      note: `the text's own words, “${stated}” (a draft bound: check it)`,
    });
    expect(draft.dates.map((d) => [d.stated, d.start, d.end, d.precision, d.bounds])).toEqual([
      [
        "between 2019 and 2021",
        "2019-01-01",
        "2021-12-31",
        "range",
        { after: words("between 2019 and 2021"), before: "published" },
      ],
      [
        "from 2026 to 2028",
        "2026-01-01",
        "2028-12-31",
        "range",
        { after: words("from 2026 to 2028"), before: words("from 2026 to 2028") },
      ],
    ]);
    expect(draft.events.map((e) => e.date.bounds)).toEqual([
      { after: words("between 2019 and 2021"), before: "published" },
    ]);

    const article = `---\ntitle: Sanctions brief\npublisher: null\nurl: null\nkind: news\npublished:\n  date: 2026-03-12\n  precision: day\n  basis: Fixture.\nperspective:\n  text: A fictional news report.\n  basis: Fixture.\nreview: draft\n---\n\n${text}\n`;
    const withDraft = (d: typeof draft) =>
      runPipeline([
        ...files,
        { path: "tests/fixtures/content/articles/sanctions-brief.md", text: article },
        {
          path: "tests/fixtures/content/drafts/sanctions-brief.yaml",
          text: draftFileText("sanctions-brief", d),
        },
      ]);
    const accepted = withDraft(draft);
    if (!accepted.ok) throw new Error(accepted.problems.map(formatProblem).join("\n"));
    // Without its bounds, each wide date is an error at its line, in the events and in the dates section.
    const unbounded = withDraft({
      ...draft,
      events: draft.events.map((e) => ({ ...e, date: { ...e.date, bounds: undefined } })),
      dates: draft.dates.map((d) => ({ ...d, bounds: undefined })),
    });
    expect(unbounded.ok ? [] : unbounded.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^the date 2019-01-01–2021-12-31 is wider than a year and gives no reason/),
      expect.stringMatching(/^the date 2019-01-01–2021-12-31 is wider than a year and gives no reason/),
      expect.stringMatching(/^the date 2026-01-01–2028-12-31 is wider than a year and gives no reason/),
    ]);
  });
});
