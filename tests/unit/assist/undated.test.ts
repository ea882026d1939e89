import { describe, expect, it } from "vitest";
import { runAssist } from "@/lib/assist";
import { findPastAction } from "@/lib/assist/cues";
import { draftFileText } from "@/lib/assist/draft-file";
import { formatProblem, runPipeline } from "@/lib/content";
import { parseBody } from "@/lib/content/markdown";
import { fixtureFiles } from "../../support/fixtures";

// Events in sentences that state no date: a known actor as the subject of a completed action. Fictional sentences.

/** The words from the subject to its verb, when `name` is the subject of a completed action in `text`. */
function action(text: string, name: string): string | null {
  const start = text.indexOf(name);
  const found = findPastAction(text, [{ start, end: start + name.length, text: name }]);
  return found && text.slice(found.subject.start, found.verbEnd);
}

describe("findPastAction", () => {
  it("finds a known actor doing something in the past or the past perfect", () => {
    expect(action("Tehran quietly withdrew its envoys from the talks.", "Tehran")).toBe(
      "Tehran quietly withdrew",
    );
    expect(action("The envoy said that Jerusalem had formally ratified the accord.", "Jerusalem")).toBe(
      "Jerusalem had formally ratified",
    );
    // Through an inserted phrase, and through a demonym to the noun it modifies.
    expect(action("Washington, after a long delay, approved the loan.", "Washington")).toBe(
      "Washington, after a long delay, approved",
    );
    expect(action("An Iranian drone—launched from a ship—struck the pier.", "Iranian")).toBe(
      "Iranian drone—launched from a ship—struck",
    );
  });

  it("finds nothing in a plan, a threat, a forecast, a condition, a refusal or a negation", () => {
    expect(action("Washington will impose new tariffs on steel.", "Washington")).toBeNull();
    expect(action("Tehran threatened to close the strait to tankers.", "Tehran")).toBeNull();
    expect(action("Jerusalem planned to reopen the crossing.", "Jerusalem")).toBeNull();
    expect(action("Tehran could have retaliated against the base.", "Tehran")).toBeNull();
    expect(action("If Washington lifted the sanctions, the talks resumed.", "Washington")).toBeNull();
    expect(action("Washington declined to comment on the report.", "Washington")).toBeNull();
    expect(action("Jerusalem never signed the protocol.", "Jerusalem")).toBeNull();
  });

  it("reads reported speech strictly: a future or a plan inside what was said is no event", () => {
    expect(action("Tehran warned that it would retaliate within days.", "Tehran")).toBeNull();
    expect(
      action("Washington announced, in a short statement, that it will withdraw.", "Washington"),
    ).toBeNull();
    expect(action("Washington said “we will strike the depots” after the raid.", "Washington")).toBeNull();
  });

  it("finds nothing when the actor is not the subject", () => {
    expect(action("Talks with Tehran collapsed.", "Tehran")).toBeNull();
    expect(action("Tehran’s envoy left the hall.", "Tehran")).toBeNull();
    expect(action("Jerusalem remains wary of the deal.", "Jerusalem")).toBeNull();
    // A name inside a quotation is the speaker's.
    expect(action("The minister said “Tehran cheated” and left.", "Tehran")).toBeNull();
  });
});

// A fictional brief published on Thursday 12 March 2026: one undated happening, one dated paragraph whose date an
// undated sentence takes, a plan and a reported threat with no date.
const BRIEF = `Tehran quietly withdrew its envoys from the talks over missiles.

Envoys from Washington and Tehran met in Vienna on Monday. Jerusalem, watching closely, sent observers to the talks.

Washington said that Tehran would retaliate against any new sanctions. Jerusalem will send a delegation to the talks.`;
const PUBLISHED = { start: "2026-03-12", end: "2026-03-12" };

async function assist() {
  const files = await fixtureFiles();
  const result = runPipeline(files);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  const blocks = parseBody(BRIEF);
  return {
    files,
    ...runAssist({
      slug: "envoys-brief",
      blocks,
      published: PUBLISHED,
      actors: result.content.actors,
      issues: result.content.issues,
      takenEventSlugs: new Set(result.content.events.map((e) => e.slug)),
    }),
  };
}

describe("runAssist on sentences with no date", () => {
  it("proposes a past action as an event dated only as before publication, for the reviewer to set", async () => {
    const { draft } = await assist();
    expect(
      draft.events.map((e) => [e.date.stated, e.date.start, e.date.end, e.date.precision, e.actors]),
    ).toEqual([
      ["Tehran quietly withdrew", "2025-03-11", "2026-03-12", "range", ["iran"]],
      ["on Monday", "2026-03-09", undefined, "day", ["us", "iran"]],
      // No date of its own: it takes the paragraph's.
      ["on Monday", "2026-03-09", undefined, "day", ["israel"]],
    ]);
    const undated = draft.events[0]!;
    expect(undated.date.basis).toMatch(/no date stated; it happened before publication/);
    expect(undated.date.basis).toMatch(/the reviewer must set the date/);
    expect(undated.date.bounds).toEqual({
      after: { note: expect.stringMatching(/^no date stated: the start is open/) },
      before: "published",
    });
    expect(undated.slug).toMatch(/-2026-03$/);
  });

  it("proposes no plan and no reported threat, even without a date", async () => {
    const { draft } = await assist();
    const summaries = draft.events.map((e) => e.summary).join("\n");
    expect(summaries).not.toContain("would retaliate");
    expect(summaries).not.toContain("will send");
  });

  it("takes no date from a sentence that reports no happening", async () => {
    const files = await fixtureFiles();
    const result = runPipeline(files);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const { draft } = runAssist({
      slug: "absent-brief",
      blocks: parseBody(
        "Washington did not attend the talks over missiles on Monday. Tehran sent envoys to the talks over missiles.",
      ),
      published: PUBLISHED,
      actors: result.content.actors,
      issues: result.content.issues,
    });
    // "on Monday" dates a meeting Washington stayed away from, not the envoys: theirs is open.
    expect(draft.events.map((e) => [e.date.stated, e.date.precision])).toEqual([["Tehran sent", "range"]]);
  });

  it("writes a draft the content pipeline accepts as it is", async () => {
    const { draft, files } = await assist();
    const article = `---\ntitle: Envoys brief\npublisher: null\nurl: null\nkind: news\npublished:\n  date: 2026-03-12\n  precision: day\n  basis: Fixture.\nperspective:\n  text: A fictional news report.\n  basis: Fixture.\nreview: draft\n---\n\n${BRIEF}\n`;
    const result = runPipeline([
      ...files,
      { path: "tests/fixtures/content/articles/envoys-brief.md", text: article },
      { path: "tests/fixtures/content/drafts/envoys-brief.yaml", text: draftFileText("envoys-brief", draft) },
    ]);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.review.draftArticles).toEqual(["envoys-brief"]);
  });
});
