import { describe, expect, it } from "vitest";
import { findCandidates } from "@/lib/assist/candidates";
import { buildGazetteer, pairSide, type KnownActor } from "@/lib/assist/mentions";
import { segmentArticle, splitSentences } from "@/lib/assist/segment";

const ACTORS: KnownActor[] = [
  {
    slug: "us",
    name: "United States",
    kind: "state",
    affiliation: null,
    aliases: ["U.S.", "US", "the United States", "Washington", "American"],
  },
  {
    slug: "norland",
    name: "Norland",
    kind: "state",
    affiliation: null,
    aliases: ["Norlandic", "Vesterby", "Norland’s government"],
  },
  {
    slug: "ana-lind",
    name: "Ana Lind",
    kind: "leader",
    affiliation: "norland",
    aliases: ["Lind", "Norlandic President Ana Lind"],
  },
  {
    slug: "norland-army",
    name: "Norland Defence Force",
    kind: "organisation",
    affiliation: "norland",
    aliases: ["NDF"],
  },
  { slug: "karl-norland", name: "Karl Norland", kind: "person", affiliation: null, aliases: [] },
  { slug: "hamar", name: "Hamar Front", kind: "armed-group", affiliation: null, aliases: ["Hamar"] },
];
const gazetteer = buildGazetteer(ACTORS);
const found = (text: string) => gazetteer.find(text).map((m) => [m.actor, m.text]);

describe("splitSentences", () => {
  it("keeps offsets into the paragraph and does not split after abbreviations and initialisms", () => {
    const text =
      "Envoys from the U.S. and Norland met. U.S. President Jo Ray spoke. Lt. Gen. Ode left at 5 p.m. on Friday. They agreed with the U.S. The talks ended.";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      "Envoys from the U.S. and Norland met.",
      "U.S. President Jo Ray spoke.",
      "Lt. Gen. Ode left at 5 p.m. on Friday.",
      "They agreed with the U.S.",
      "The talks ended.",
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("numbers sentences across an article and marks headings", () => {
    const sentences = segmentArticle([
      { n: 1, kind: "heading", text: "A Quiet Week" },
      { n: 2, kind: "paragraph", text: "One. Two!" },
    ]);
    expect(sentences.map((s) => [s.paragraph, s.index, s.text, s.heading])).toEqual([
      [1, 0, "A Quiet Week", true],
      [2, 1, "One.", false],
      [2, 2, "Two!", false],
    ]);
  });
});

describe("buildGazetteer", () => {
  it("finds names and aliases as written, metonyms included", () => {
    expect(found("Washington and Vesterby disagree.")).toEqual([
      ["us", "Washington"],
      ["norland", "Vesterby"],
    ]);
  });

  it("accepts either case of the first letter, capitals in a headline, and curly or straight apostrophes", () => {
    expect(found("The United States objected.")).toEqual([["us", "The United States"]]);
    expect(found("NORLAND REJECTS THE PLAN")).toEqual([["norland", "NORLAND"]]);
    expect(found("Norland's government resigned.")).toEqual([["norland", "Norland's government"]]);
  });

  it("matches before a possessive and demonyms in the plural, but not inside other words", () => {
    expect(found("Norland’s army and Hamar’ fighters")).toEqual([
      ["norland", "Norland"],
      ["hamar", "Hamar"],
    ]);
    expect(found("Americans protested.")).toEqual([["us", "Americans"]]);
    expect(found("Norlanders and Hamarite traders")).toEqual([]);
  });

  it("does not take the pronoun 'us' for the US", () => {
    expect(found("They told us the US would wait.")).toEqual([["us", "US"]]);
  });

  it("prefers the longest name: a person named like a country is the person", () => {
    expect(found("Karl Norland spoke.")).toEqual([["karl-norland", "Karl Norland"]]);
  });

  it("also counts a state or body named before a title inside a longer name", () => {
    expect(found("Norlandic President Ana Lind spoke.")).toEqual([
      ["ana-lind", "Norlandic President Ana Lind"],
      ["norland", "Norlandic"],
    ]);
    expect(found("NDF Chief of Staff Ode said so.")).toEqual([["norland-army", "NDF"]]);
  });

  it("maps a mention to its side of a pair through affiliations", () => {
    expect(pairSide(gazetteer, "ana-lind", ["us", "norland"])).toBe("norland");
    expect(pairSide(gazetteer, "hamar", ["us", "norland"])).toBeNull();
  });
});

describe("findCandidates", () => {
  it("lists unknown proper names with a guessed kind, skipping titles, sentence starts and known names", () => {
    const sentences = segmentArticle([
      { n: 1, kind: "heading", text: "Talks In Geneva Stall" },
      {
        n: 2,
        kind: "paragraph",
        text: "Envoys met in Geneva on Monday. According to Mira Holt, a fellow at the Baltic Policy Institute, Lind wants more. However, the Daily Ledger disagreed. Norlandic Foreign Minister Piet Dorn was absent. Operation Grey Dawn ended.",
      },
    ]);
    const candidates = findCandidates(sentences, (s) => gazetteer.find(s.text), gazetteer.nameWords);
    const byName = Object.fromEntries(candidates.map((c) => [c.name, c.kind]));
    expect(byName).toEqual({
      Geneva: "place",
      "Mira Holt": "person",
      "Baltic Policy Institute": "organisation",
      "Daily Ledger": "media",
      "Piet Dorn": "person",
      "Operation Grey Dawn": "other",
    });
  });
});
