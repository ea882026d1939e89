import { describe, expect, it } from "vitest";
import {
  clauseAround,
  guessClaim,
  hasEventNoun,
  hasPastVerb,
  maskReported,
  notEventReason,
  speaksOfFuture,
} from "@/lib/assist/cues";
import { buildIssueMatcher, stem } from "@/lib/assist/issues";

describe("notEventReason", () => {
  it("names threats, plans, forecasts, conditions and things that did not happen", () => {
    expect(notEventReason("the rebels threatened to storm the port")).toEqual({
      reason: "threat",
      cue: "threatened",
    });
    expect(notEventReason("the minister plans to visit the border")).toMatchObject({ reason: "plan" });
    expect(notEventReason("a new round will open in Oslo")).toMatchObject({ reason: "plan", cue: "will" });
    expect(notEventReason("the summit is expected to open in Riga")).toMatchObject({ reason: "forecast" });
    expect(notEventReason("the army could move south")).toMatchObject({ reason: "forecast", cue: "could" });
    expect(notEventReason("if the talks fail, sanctions return")).toMatchObject({
      reason: "conditional",
      cue: "if",
    });
    expect(notEventReason("the vote was expected but did not take place")).toMatchObject({
      reason: "negated",
    });
    expect(notEventReason("the meeting was postponed")).toMatchObject({ reason: "negated" });
    expect(notEventReason("the envoy is not returning for the summit")).toMatchObject({ reason: "negated" });
  });

  it("lets a reported happening through", () => {
    expect(notEventReason("the two envoys met in Oslo")).toBeNull();
  });

  it("ignores the speaker's words: quotations and what was said after 'that'", () => {
    expect(notEventReason("the president called it “the best deal that could happen”")).toBeNull();
    expect(notEventReason("the minister said that the army would withdraw")).toBeNull();
    expect(maskReported("comments last week that he might resign")).toBe(
      "comments last week that" + " ".repeat(" he might resign".length),
    );
  });
});

describe("clauseAround", () => {
  const text = "On Friday, the envoy resigned, but the cabinet will meet next week.";
  it("is bounded by punctuation and 'but', and a fronted date governs the clause after it", () => {
    const friday = clauseAround(text, 0, 9);
    expect(text.slice(friday.start, friday.end)).toBe("On Friday, the envoy resigned");
    const nextWeek = clauseAround(text, text.indexOf("next week"), text.indexOf("next week") + 9);
    expect(text.slice(nextWeek.start, nextWeek.end)).toBe(" but the cabinet will meet next week.");
  });
});

describe("tense and happenings", () => {
  it("finds verbs in the past, regular and irregular, but not words that only end in -ed", () => {
    expect(hasPastVerb("the envoys met in Oslo")).toBe(true);
    expect(hasPastVerb("the army withdrew its tanks")).toBe(true);
    expect(hasPastVerb("the council approved the plan")).toBe(true);
    expect(hasPastVerb("a hundred people need help")).toBe(false);
    expect(hasPastVerb("the two states are at odds in 2026")).toBe(false);
  });

  it("finds nouns that name a happening", () => {
    expect(hasEventNoun("the attack on the convoy in May")).toBe(true);
    expect(hasEventNoun("relations in May")).toBe(false);
  });

  it("reads the future from the words near a date, not from the whole sentence", () => {
    const s = "The agency reported Sunday that the state will raise tariffs.";
    const at = s.indexOf("Sunday");
    expect(speaksOfFuture(s, at, at + 6)).toBe(false);
    const t = "The envoys will meet on Thursday in Riga.";
    expect(speaksOfFuture(t, t.indexOf("on Thursday"), t.indexOf("on Thursday") + 11)).toBe(true);
  });
});

describe("guessClaim", () => {
  it("tells the article's hedged judgement, a credited account and an actor's words apart", () => {
    expect(guessClaim("The move appears to signal a shift.")).toEqual({
      claim: "assessment",
      cue: "appears",
    });
    expect(guessClaim("The leader undoubtedly raised the issue.")).toMatchObject({ claim: "assessment" });
    expect(guessClaim("The talks ended, according to the minister.")).toMatchObject({
      claim: "reported",
      cue: "according to",
    });
    expect(guessClaim("The Ledger reported that the talks ended.")).toMatchObject({ claim: "reported" });
    expect(guessClaim("The president said the talks ended.")).toMatchObject({
      claim: "statement",
      cue: "said",
    });
    expect(guessClaim("The army crossed the river.")).toEqual({ claim: "reported", cue: null });
  });
});

describe("buildIssueMatcher", () => {
  const matcher = buildIssueMatcher([
    {
      slug: "river-dams",
      title: "Dams on the Varna river",
      summary: "Who may build dams on the Varna and share its water.",
    },
    {
      slug: "border-trade",
      title: "Border trade and tariffs",
      summary: "Tariffs and checks on trade across the Varna border.",
    },
    { slug: "fishing", title: "Fishing rights", summary: "Quotas for fishing fleets." },
  ]);
  it("folds plurals and British spellings", () => {
    expect(stem("Programmes")).toBe("program");
    expect(stem("defence")).toBe("defense");
    expect(stem("policies")).toBe("policy");
  });

  it("matches a sentence on a word only its issue uses, or on two words", () => {
    expect(matcher.score("The new dams alarmed farmers.").map((s) => s.issue)).toEqual(["river-dams"]);
    expect(matcher.score("Tariffs rose again.").map((s) => s.issue)).toEqual(["border-trade"]);
    // "Varna" is in two issues: alone it decides nothing.
    expect(matcher.score("The Varna flooded.")).toEqual([]);
  });
});
