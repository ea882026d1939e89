import { describe, expect, it } from "vitest";
import { formatProblem, runPipeline, type ResolvedContent } from "@/lib/content";
import { KIND_BLOCK, kindOfId, searchDocuments } from "@/lib/search/documents";
import { fixtureFiles } from "../support/fixtures";

async function fixture(): Promise<ResolvedContent> {
  const result = runPipeline(await fixtureFiles());
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.content;
}

describe("searchDocuments", () => {
  it("makes one document per issue, actor, event, position, rating and paragraph", async () => {
    const content = await fixture();
    const { documents } = searchDocuments(content);
    const count = (kind: string) => documents.filter((d) => d.kind === kind).length;
    expect(count("issue")).toBe(content.issues.length);
    expect(count("actor")).toBe(content.actors.length);
    expect(count("event")).toBe(content.events.length);
    expect(count("position")).toBe(content.positions.length);
    expect(count("rating")).toBe(content.divergences.length);
    expect(count("passage")).toBe(content.articles.reduce((n, a) => n + a.paragraphs.length, 0));
    // Ids in one block per kind, numbered from 1 within it: the kind can be read from the id.
    for (const d of documents) expect(kindOfId(d.id)).toBe(d.kind);
    expect(documents.filter((d) => d.kind === "actor").map((d) => d.id)).toEqual(
      content.actors.map((_, i) => KIND_BLOCK + i + 1),
    );
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
  });

  it("indexes an actor's aliases with it, and every name it answers to, folded", async () => {
    const { documents, names } = searchDocuments(await fixture());
    const namesOf = (id: number) => names.filter((n) => n.documentId === id).map((n) => n.name);
    const israel = documents.find((d) => d.kind === "actor" && d.key === "israel")!;
    expect(israel).toMatchObject({ title: "Israel", aliases: "Jerusalem" });
    expect(namesOf(israel.id)).toEqual(["israel", "jerusalem"]);
    // “The United States” folds to the same name as “United States”: listed once.
    expect(namesOf(documents.find((d) => d.kind === "actor" && d.key === "us")!.id)).toEqual([
      "united states",
      "washington",
    ]);
    const issue = documents.find((d) => d.kind === "issue")!;
    expect(namesOf(issue.id)).toHaveLength(1);
    expect(documents.filter((d) => d.kind === "passage").flatMap((d) => namesOf(d.id))).toEqual([]);
  });

  it("gives events and positions the names of the actors involved, and keys that locate them", async () => {
    const { documents } = searchDocuments(await fixture());
    const talks = documents.find((d) => d.kind === "event" && d.key === "talks-open")!;
    expect(talks.involved).toBe("United States · Washington · The United States · Iran · Tehran");
    const position = documents.find((d) => d.kind === "position" && d.actor === "israel")!;
    expect(position.key).toBe(`${position.issue}:${position.article}:israel`);
    expect(position.label.startsWith("Israel on ")).toBe(true);
    expect(position.label.endsWith(position.title)).toBe(true);
  });

  it("narrows passages by the actors they name or are quoted for", async () => {
    const { documents, facets } = searchDocuments(await fixture());
    const facetsOf = (kind: string, key: string, facet: string) => {
      const id = documents.find((d) => d.kind === kind && d.key === key)!.id;
      return facets
        .filter((f) => f.documentId === id && f.facet === facet)
        .map((f) => f.slug)
        .sort();
    };
    // “Washington opened direct talks with Tehran last month, and Jerusalem warned …”
    expect(facetsOf("passage", "spring-brief:2", "actor")).toEqual(["iran", "israel", "us"]);
    // “The United States kept its carrier …”: the alias, not “United States” inside it twice.
    expect(facetsOf("passage", "spring-brief:4", "actor")).toEqual(["us"]);
    expect(facetsOf("passage", "spring-brief:2", "article")).toEqual(["spring-brief"]);
    // An event is found under every source that supports it.
    expect(facetsOf("event", "talks-open", "article")).toEqual(["spring-brief", "winter-brief"]);
    expect(facetsOf("actor", "israel", "actor")).toEqual(["israel"]);
    expect(new Set(facets.map((f) => `${f.documentId}:${f.facet}:${f.slug}`)).size).toBe(facets.length);
  });

  it("reads a name with its case (“US” is the state, “us” is not) and the longest name first", async () => {
    const content = await fixture();
    content.actors.find((a) => a.slug === "us")!.aliases.push("US");
    content.actors.push({ ...content.actors[0]!, slug: "israel-katz", name: "Israel Katz", aliases: [] });
    const [first, second, third] = content.articles[0]!.paragraphs;
    first!.text = "Tell us what the talks achieved.";
    second!.text = "The US said the talks achieved little.";
    third!.text = "Israel Katz spoke.";
    const { documents, facets } = searchDocuments(content);
    const actorsOf = (n: number) => {
      const id = documents.find(
        (d) => d.kind === "passage" && d.key === `${content.articles[0]!.slug}:${n}`,
      )!.id;
      return facets.filter((f) => f.documentId === id && f.facet === "actor").map((f) => f.slug);
    };
    expect(actorsOf(first!.n)).toEqual([]);
    expect(actorsOf(second!.n)).toContain("us");
    expect(actorsOf(third!.n)).toEqual(["israel-katz"]);
  });

  it("strips control characters, so the highlight markers can never come from content", async () => {
    const content = await fixture();
    content.issues[0]!.summary = "before\u0002inside\u0003after\u0000";
    const { documents } = searchDocuments(content);
    expect(documents.find((d) => d.kind === "issue")!.body).toBe("before inside after ");
  });
});
