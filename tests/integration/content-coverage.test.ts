import { beforeAll, describe, expect, it } from "vitest";
import { checkContentDir, formatProblem, type ResolvedContent } from "@/lib/content";

// The real content in content/: it must pass the pipeline and meet the coverage rules an analyst relies on.
let content: ResolvedContent;

beforeAll(async () => {
  const result = await checkContentDir("content");
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  content = result.content;
});

describe("content coverage", () => {
  it("has both a US and an Israeli position on every issue, in at least one article", () => {
    const missing = content.issues.flatMap((issue) =>
      ["us", "israel"]
        .filter((actor) => !content.positions.some((p) => p.issue === issue.slug && p.actor === actor))
        .map((actor) => `${issue.slug}: no ${actor} position`),
    );
    expect(missing).toEqual([]);
  });

  it("gives every actor a part in at least one event or position, or as the affiliation of one that has", () => {
    const used = new Set([
      ...content.events.flatMap((e) => [...e.actors, ...(e.via ? [e.via] : [])]),
      ...content.positions.flatMap((p) => [p.actor, p.voice, p.via].filter((a): a is string => a !== null)),
    ]);
    // An employer named only to say who an analyst is (RAND for Shira Efron) has its part through that analyst.
    const affiliations = content.actors.filter((a) => used.has(a.slug)).map((a) => a.affiliation);
    const placed = new Set([...used, ...affiliations.filter((a): a is string => a !== null)]);
    expect(content.actors.map((a) => a.slug).filter((slug) => !placed.has(slug))).toEqual([]);
  });

  it("puts every event in at least one issue, with at least one actor", () => {
    expect(content.events.filter((e) => e.issues.length === 0).map((e) => e.slug)).toEqual([]);
    expect(content.events.filter((e) => e.actors.length === 0).map((e) => e.slug)).toEqual([]);
  });

  it("rates the US–Israel divergence for every issue an article takes a side on, and says none honestly", () => {
    const problems: string[] = [];
    for (const article of content.articles) {
      for (const issue of content.issues) {
        const sides = ["us", "israel"].filter((actor) =>
          content.positions.some(
            (p) => p.article === article.slug && p.issue === issue.slug && p.actor === actor,
          ),
        );
        const rating = content.divergences.find(
          (d) =>
            d.article === article.slug && d.issue === issue.slug && [d.a, d.b].sort().join() === "israel,us",
        );
        if (sides.length > 0 && !rating)
          problems.push(`${article.slug}/${issue.slug}: positions but no rating`);
        if (rating && rating.level !== "none" && sides.length < 2) {
          problems.push(
            `${article.slug}/${issue.slug}: rated ${rating.level} with only ${sides.join() || "no"} position`,
          );
        }
        if (rating && rating.level === "none" && sides.length === 2) {
          problems.push(`${article.slug}/${issue.slug}: rated none although both sides have positions`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("cites at least one quote of four or more words for every event, position and rating", () => {
    const claims = [...content.events, ...content.positions, ...content.divergences];
    expect(claims.every((c) => c.evidence.length > 0)).toBe(true);
    expect(claims.flatMap((c) => c.evidence).every((q) => q.quote.trim().split(/\s+/).length >= 4)).toBe(
      true,
    );
  });

  it("dates every event no later than the article that defines it, with a basis", () => {
    const published = new Map(content.articles.map((a) => [a.slug, a.published.end]));
    const late = content.events.filter((e) => e.date.start > published.get(e.article)!);
    expect(late.map((e) => e.slug)).toEqual([]);
    expect(content.events.every((e) => e.date.basis.length > 10 && e.date.stated.length > 0)).toBe(true);
  });

  it("keeps a person whose name is a country's apart from the country", () => {
    const israel = content.actors.find((a) => a.slug === "israel")!;
    const katz = content.actors.find((a) => a.name === "Israel Katz");
    expect(katz?.kind).not.toBe("state");
    expect(katz?.aliases).not.toContain("Israel");
    expect(israel.aliases).not.toContain("Katz");
  });
});
