import { describe, expect, it } from "vitest";
import { formatProblem, runPipeline, type ContentFile } from "@/lib/content";
import { edit, fixtureFiles } from "../support/fixtures";

// The review stage: article–actor links, draft articles kept out of the content, and draft files checked like
// reviewed annotations, with errors at their file and line.
const DIR = "tests/fixtures/content";
const WINTER_ARTICLE = "articles/winter-brief.md";
const WINTER = "annotations/winter-brief.yaml";
const DRAFT_PATH = `${DIR}/drafts/winter-brief.yaml`;

const DRAFT = `events:
  - slug: president-remark
    title: The President calls a deal the best outcome
    summary: The President says a deal would be the best outcome.
    claim: statement
    date:
      stated: On Friday
      start: 2026-02-13
      precision: day
      basis: The last Friday before publication.
    actors: [the-president]
    issues: [iran-talks]
    evidence:
      - On Friday the President said a deal
positions:
  - actor: us
    issue: iran-talks
    stance: Keep talking
    summary: The leaders agreed to keep talking.
    claim: reported
    evidence:
      - agreed to keep talking to Tehran
actors:
  - actor: iran
    evidence:
      - agreed to keep talking to Tehran
mentions:
  - actor: iran
    text: Tehran
    evidence:
      - agreed to keep talking to Tehran
candidates:
  - name: Geneva
    kind: place
    count: 1
    evidence:
      - Talks resumed yesterday in Geneva
dates:
  - stated: yesterday
    start: 2026-02-16
    precision: day
    basis: The day before publication.
    evidence:
      - Talks resumed yesterday in Geneva
not_events: []
issues:
  - issue: iran-talks
    evidence:
      - agreed to keep talking to Tehran
`;

async function withDraft(text = DRAFT, extra: (files: ContentFile[]) => ContentFile[] = (f) => f) {
  return runPipeline(extra([...(await fixtureFiles()), { path: DRAFT_PATH, text }]));
}

function errors(result: ReturnType<typeof runPipeline>): string[] {
  if (result.ok) throw new Error("expected the pipeline to fail");
  return result.problems.map(formatProblem);
}

const lineIn = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
/** Adds a line at the end of an article's frontmatter. */
const frontmatterLine = (files: ContentFile[], article: string, line: string) =>
  edit(files, article, "\n---\n", `\n${line}\n---\n`);

describe("annotation actors list", () => {
  it("links an article to the actors it discusses, with located evidence", async () => {
    const files = edit(
      await fixtureFiles(),
      WINTER,
      "divergence:\n",
      "actors:\n  - actor: Tehran\n    evidence:\n      - agreed to keep talking to Tehran\ndivergence:\n",
    );
    const result = runPipeline(files);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.content.articleActors).toEqual([
      {
        article: "winter-brief",
        actor: "iran",
        evidence: [expect.objectContaining({ paragraph: 1, quote: "agreed to keep talking to Tehran" })],
      },
    ]);
  });

  it("reports an unknown actor, a missing quote and a second entry for one actor at their lines", async () => {
    const files = edit(
      await fixtureFiles(),
      WINTER,
      "divergence:\n",
      "actors:\n  - actor: iran\n    evidence:\n      - agreed to keep talking to Tehran\n  - actor: Teheran\n    evidence:\n      - agreed to keep talking to Tehran\n  - actor: iran\n    evidence:\n      - agreed to keep walking to Tehran\ndivergence:\n",
    );
    const text = files.find((f) => f.path.endsWith(WINTER))!.text;
    const start = text.split("\n").indexOf("actors:") + 1;
    expect(errors(runPipeline(files))).toEqual([
      `${DIR}/${WINTER}:${start + 4}: unknown actor "Teheran"`,
      `${DIR}/${WINTER}:${start + 7}: actor "iran" is already listed for this article at ${DIR}/${WINTER}:${start + 1}`,
      `${DIR}/${WINTER}:${start + 9}: quote not found in article "winter-brief": "agreed to keep walking to Tehran"`,
    ]);
  });
});

describe("draft articles", () => {
  it("are checked but not part of the content, nor is anything their annotations say", async () => {
    const files = frontmatterLine(await fixtureFiles(), WINTER_ARTICLE, "review: draft");
    const result = runPipeline(files);
    // The spring brief refers to no winter event, so publishing it alone is fine.
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.review.draftArticles).toEqual(["winter-brief"]);
    expect(result.content.articles.map((a) => [a.slug, a.rank])).toEqual([["spring-brief", 1]]);
    expect(result.content.events.map((e) => e.slug)).toEqual(["talks-open"]);
    expect(result.content.events[0]!.evidence.map((q) => q.article)).toEqual(["spring-brief"]);
    expect(result.content.positions.every((p) => p.article === "spring-brief")).toBe(true);
    expect(result.content.divergences.every((d) => d.article === "spring-brief")).toBe(true);
  });

  it("still have every quote checked", async () => {
    const files = edit(
      frontmatterLine(await fixtureFiles(), WINTER_ARTICLE, "review: draft"),
      WINTER,
      "- The two leaders met last week",
      "- The two leaders met last month",
    );
    expect(errors(runPipeline(files))[0]).toMatch(
      /winter-brief\.yaml:\d+: quote not found in article "winter-brief"/,
    );
  });

  it("may not define an event a published file relies on", async () => {
    const files = frontmatterLine(await fixtureFiles(), "articles/spring-brief.md", "review: draft");
    expect(errors(runPipeline(files))).toEqual([
      expect.stringMatching(
        /winter-brief\.yaml:\d+: event "talks-open" is defined in the draft article "spring-brief": publish that article first, or define the event here/,
      ),
    ]);
  });

  it("may leave the perspective empty, which a published article may not", async () => {
    const files = await fixtureFiles();
    const text = files.find((f) => f.path.endsWith(WINTER_ARTICLE))!.text;
    const stated = /\nperspective:\n  text: .*\n  basis: .*\n/.exec(text)![0];
    const empty = edit(files, WINTER_ARTICLE, stated, '\nperspective:\n  text: ""\n  basis: ""\n');
    const line = lineIn(text, "perspective:") + 1;
    expect(errors(runPipeline(empty))).toEqual([
      `${DIR}/${WINTER_ARTICLE}:${line}: perspective.text: must not be empty: write the article's perspective before publishing (only a \`review: draft\` article may leave it empty)`,
      `${DIR}/${WINTER_ARTICLE}:${line + 1}: perspective.basis: must not be empty: write the article's perspective before publishing (only a \`review: draft\` article may leave it empty)`,
    ]);
    const result = runPipeline(frontmatterLine(empty, WINTER_ARTICLE, "review: draft"));
    expect(result.ok && result.review.draftArticles).toEqual(["winter-brief"]);
  });

  it("rejects a review value that is neither draft nor accepted", async () => {
    const files = frontmatterLine(await fixtureFiles(), WINTER_ARTICLE, "review: maybe");
    expect(errors(runPipeline(files))).toContainEqual(
      expect.stringMatching(/winter-brief\.md:\d+: review: Invalid option/),
    );
  });
});

describe("draft files", () => {
  it("are checked and counted, and never loaded", async () => {
    const result = await withDraft();
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.review.draftFiles).toEqual([
      {
        file: DRAFT_PATH,
        article: "winter-brief",
        items: 7,
        sections: {
          events: 1,
          positions: 1,
          actors: 1,
          mentions: 1,
          candidates: 1,
          dates: 1,
          not_events: 0,
          issues: 1,
        },
      },
    ]);
    expect(result.content.events.map((e) => e.slug)).not.toContain("president-remark");
    expect(result.content.articleActors).toEqual([]);
  });

  it("report a bad quote, an unknown reference and an ill-formed date at their lines", async () => {
    const broken = DRAFT.replace(
      "- On Friday the President said a deal",
      "- On Friday the President said no deal",
    )
      .replace("issues: [iran-talks]", "issues: [iran-tlaks]")
      .replace("  - actor: iran\n    text: Tehran", "  - actor: persia\n    text: Tehran")
      .replace(
        "    start: 2026-02-16\n    precision: day\n    basis: The day before",
        "    start: 2026-02-16\n    precision: month\n    basis: The day before",
      )
      .replace("  - issue: iran-talks", "  - issue: iran-tlaks")
      .replace(
        "      - Talks resumed yesterday in Geneva\ndates:",
        "      - Talks resumed today in Geneva\ndates:",
      );
    expect(errors(await withDraft(broken))).toEqual([
      `${DRAFT_PATH}:${lineIn(broken, "issues: [iran-tlaks]")}: unknown issue "iran-tlaks" (did you mean "iran-talks"?)`,
      `${DRAFT_PATH}:${lineIn(broken, "said no deal")}: quote not found in article "winter-brief": "On Friday the President said no deal"`,
      `${DRAFT_PATH}:${lineIn(broken, "actor: persia")}: unknown actor "persia"`,
      `${DRAFT_PATH}:${lineIn(broken, "resumed today")}: quote not found in article "winter-brief": "Talks resumed today in Geneva"`,
      `${DRAFT_PATH}:${lineIn(broken, "precision: month")}: precision "month" does not describe 2026-02-16–2026-02-16`,
      `${DRAFT_PATH}:${lineIn(broken, "- issue: iran-tlaks")}: unknown issue "iran-tlaks" (did you mean "iran-talks"?)`,
    ]);
  });

  it("report an item accepted by copying instead of moving", async () => {
    const copied = DRAFT.replace("slug: president-remark", "slug: geneva-round");
    expect(errors(await withDraft(copied))).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/content\/drafts\/winter-brief\.yaml:2: duplicate event slug "geneva-round": already defined at tests\/fixtures\/content\/annotations\/winter-brief\.yaml:\d+$/,
      ),
    ]);
  });

  it("are named after an article that exists, and have only known sections", async () => {
    const orphan = await runPipeline([
      ...(await fixtureFiles()),
      { path: `${DIR}/drafts/autumn-brief.yaml`, text: "events: []\n" },
    ]);
    expect(errors(orphan)).toEqual([
      `${DIR}/drafts/autumn-brief.yaml:1: no article "autumn-brief": a draft file is named after its article (content/articles/autumn-brief.md)`,
    ]);
    expect(errors(await withDraft(`${DRAFT}rumours: []\n`))).toEqual([
      `${DRAFT_PATH}:1: unknown field "rumours"`,
    ]);
  });

  it("hold items that stay valid when moved into the annotation file", async () => {
    const files = edit(
      await fixtureFiles(),
      WINTER,
      "positions:\n",
      `${DRAFT.split("positions:\n")[0]!.replace("events:\n", "")}positions:\n`,
    );
    const result = runPipeline(files);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.content.events.map((e) => e.slug)).toContain("president-remark");
  });
});
