import { describe, expect, it } from "vitest";
import type { Level } from "@/lib/domain";
import type { IssueSummary } from "@/lib/queries/issues";
import type { ArticleRef, DivergenceView } from "@/lib/queries/types";
import { changesBetween, mostDivergent, snapshotCounts } from "@/lib/views/home";

const article = (slug: string, rank: number): ArticleRef => ({
  slug,
  title: slug,
  publisher: null,
  rank,
  perspective: { text: "", basis: "" },
  published: {
    start: `202${rank}-01-01`,
    end: `202${rank}-01-31`,
    precision: "month",
    stated: null,
    basis: "",
  },
});
const OLD = article("old", 1);
const NEW = article("new", 2);

function issue(slug: string, levels: [ArticleRef, Level][]): IssueSummary {
  const ref = { slug: "x", name: "X", kind: "state" as const };
  return {
    slug,
    title: slug,
    summary: "",
    divergence: levels.map(([a, level]): DivergenceView => ({
      issue: { slug, title: slug },
      article: a,
      a: ref,
      b: ref,
      level,
      ratedBy: "editorial",
      rationale: "",
      evidence: [],
    })),
  };
}

const ISSUES = [
  issue("apart", [
    [OLD, "partial"],
    [NEW, "divergent"],
  ]),
  issue("closer", [
    [OLD, "divergent"],
    [NEW, "aligned"],
  ]),
  issue("same", [
    [OLD, "partial"],
    [NEW, "partial"],
  ]),
  issue("fresh", [[NEW, "aligned"]]),
  issue("now-comparable", [
    [OLD, "none"],
    [NEW, "divergent"],
  ]),
  issue("gone", [[OLD, "divergent"]]),
  issue("never", []),
];

describe("snapshotCounts", () => {
  it("counts issues per level in one snapshot and the ones it does not rate", () => {
    expect(snapshotCounts(ISSUES, NEW)).toMatchObject({
      counts: { aligned: 2, partial: 1, divergent: 2, none: 0 },
      uncovered: 2,
    });
  });
});

describe("changesBetween", () => {
  it("classifies each issue's move, furthest-apart first", () => {
    expect(changesBetween(ISSUES, OLD, NEW).map((c) => `${c.issue.slug}:${c.kind}`)).toEqual([
      "apart:further",
      "closer:closer",
      "fresh:new",
      "now-comparable:new",
      "same:same",
      "gone:dropped",
    ]);
  });
});

describe("mostDivergent", () => {
  it("lists divergent before partial by latest rating, leaving out aligned and unrated issues", () => {
    expect(mostDivergent(ISSUES).map((i) => i.slug)).toEqual(["apart", "now-comparable", "gone", "same"]);
  });
});
