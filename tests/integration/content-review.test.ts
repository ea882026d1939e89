import { beforeAll, describe, expect, it } from "vitest";
import { checkContentDir, formatProblem, type ResolvedContent, type ResolvedEvent } from "@/lib/content";
import { isWiderThanAYear } from "@/lib/content/date-policy";
import { addDays } from "@/lib/dates";

// Pins the cases fixed after the independent review of issue 11 (content/REVIEW.md, "Round 3"), so that none of
// them comes back unnoticed.
const SOUFAN = "us-israel-diverge-regional-files";
const GAPS = "policy-gaps-emerge";
let content: ResolvedContent;

beforeAll(async () => {
  const result = await checkContentDir("content");
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  content = result.content;
});

const event = (slug: string): ResolvedEvent => {
  const found = content.events.find((e) => e.slug === slug);
  if (!found) throw new Error(`no event ${slug}`);
  return found;
};
const span = (slug: string) => {
  const { start, end, precision } = event(slug).date;
  return { start, end, precision };
};
const position = (article: string, actor: string, issue: string) => {
  const found = content.positions.find(
    (p) => p.article === article && p.actor === actor && p.issue === issue,
  );
  if (!found) throw new Error(`no position ${article}/${actor}/${issue}`);
  return found;
};
const rating = (article: string, issue: string) =>
  content.divergences.find((d) => d.article === article && d.issue === issue)!;

describe("the Soufan brief's anchor: Wednesday 18 February 2026", () => {
  it("is dated 18 February 2026 to the day, with the outside evidence said in the basis", () => {
    const article = content.articles.find((a) => a.slug === SOUFAN)!;
    expect(article.published).toMatchObject({ start: "2026-02-18", end: "2026-02-18", precision: "day" });
    expect(article.published.basis).toMatch(/Outside the text: contemporary reporting/);
  });

  it("derives every relative date from it", () => {
    expect(span("geneva-talks-february-2026")).toEqual({
      start: "2026-02-17",
      end: "2026-02-17",
      precision: "day",
    });
    expect(span("geneva-talks-february-2026").start).toBe(addDays("2026-02-18", -1));
    expect(span("trump-regime-change-remark")).toEqual({
      start: "2026-02-13",
      end: "2026-02-13",
      precision: "day",
    });
    for (const lastWeek of [
      "trump-netanyahu-meeting-february-2026",
      "trump-nuclear-only-deal-comments",
      "nyt-report-hamas-disarmament-terms",
    ]) {
      expect(span(lastWeek), lastWeek).toEqual({ start: "2026-02-09", end: "2026-02-15", precision: "week" });
    }
    expect(span("iran-january-uprising-2026")).toEqual({
      start: "2026-01-01",
      end: "2026-01-31",
      precision: "month",
    });
    expect(span("operation-rising-lion")).toEqual({
      start: "2025-06-01",
      end: "2025-06-30",
      precision: "month",
    });
    expect(span("doha-strike-september-2025")).toEqual({
      start: "2025-09-01",
      end: "2025-09-30",
      precision: "month",
    });
    expect(span("iran-regime-rule-begins-1979")).toEqual({
      start: "1979-01-01",
      end: "1979-12-31",
      precision: "year",
    });
    expect(span("hamas-leaders-reject-disarmament").end).toBe("2026-02-18");
  });

  it("dates the Axios agreement on or before the report of Sunday 15 February, not on it", () => {
    expect(span("axios-report-economic-pressure")).toEqual({
      start: "2026-02-09",
      end: "2026-02-15",
      precision: "week",
    });
  });
});

describe("dates bounded by what bounds them", () => {
  it("has no event before 2000 except those the text dates so", () => {
    const early = content.events.filter((e) => e.date.start < "2000-01-01");
    expect(early.map((e) => [e.slug, e.date.stated])).toEqual([
      ["iran-axis-of-resistance-from-1979", "Since 1979"],
      ["iran-regime-rule-begins-1979", "the regime’s 47-year rule"],
    ]);
  });

  it("returns for a date filter between 1980 and 2022 only Iran's strategy, which the text says runs 'Since 1979'", () => {
    const overlapping = content.events.filter(
      (e) => e.date.start <= "2022-12-31" && e.date.end >= "1980-01-01",
    );
    expect(overlapping.map((e) => [e.slug, e.date.stated])).toEqual([
      ["iran-axis-of-resistance-from-1979", "Since 1979"],
    ]);
  });

  it("dates October 7th and the Iron Swords War from 7 October 2023", () => {
    expect(span("october-7-attack")).toEqual({ start: "2023-10-07", end: "2023-10-07", precision: "day" });
    expect(event("october-7-attack").date.basis).toMatch(/only the year comes from outside the text/);
    expect(span("iron-swords-war")).toEqual({ start: "2023-10-07", end: "2025-06-30", precision: "range" });
  });

  it("keeps Al Udeid in June 2025, not stretched to a linked brief's date", () => {
    expect(span("iran-strikes-al-udeid")).toEqual({
      start: "2025-06-01",
      end: "2025-06-30",
      precision: "month",
    });
  });

  it("uses the calendar where the policy allows: 20 January and Davos in January", () => {
    expect(span("trump-takes-office-2025")).toEqual({
      start: "2025-01-20",
      end: "2025-01-20",
      precision: "day",
    });
    const inTerm = content.events.filter(
      (e) => e.article === GAPS && e.date.start.startsWith("2025-") && e.slug !== "trump-takes-office-2025",
    );
    expect(inTerm.length).toBe(10);
    expect(inTerm.filter((e) => e.date.start < "2025-01-20").map((e) => e.slug)).toEqual([]);
    expect(span("board-of-peace-inaugural-meeting")).toEqual({
      start: "2026-01-01",
      end: "2026-01-31",
      precision: "month",
    });
    expect(span("israel-signs-board-of-peace-charter")).toMatchObject({
      start: "2026-01-01",
      end: "2026-02-15",
    });
  });

  it("leaves only three dates wider than a year: the war, Iran's strategy 'Since 1979' and Hamas's 'recent statements'", () => {
    expect(content.events.filter((e) => isWiderThanAYear(e.date)).map((e) => e.slug)).toEqual([
      "iron-swords-war",
      "iran-axis-of-resistance-from-1979",
      "hamas-leaders-reject-disarmament",
    ]);
  });
});

describe("attribution", () => {
  it("records the brief's own summary as its assessment, not Netanyahu's statement", () => {
    for (const [actor, issue] of [
      ["israel", "military-action-against-iran"],
      ["israel", "iran-regime-change"],
      ["us", "israeli-freedom-of-action"],
    ] as const) {
      const p = position(SOUFAN, actor, issue);
      expect([p.claim, p.voice], `${actor}/${issue}`).toEqual(["assessment", null]);
    }
    const summaryQuote = "Netanyahu indicates he might, even without U.S. approval, use force";
    const asStatement = [...content.positions, ...content.events].filter(
      (c) => c.claim === "statement" && c.evidence.some((q) => q.quote.includes("Netanyahu indicates")),
    );
    expect(asStatement, summaryQuote).toEqual([]);
  });

  it("records Trump's agreement on oil pressure as reported via Axios, not as his statement", () => {
    const p = position(SOUFAN, "us", "iran-oil-economic-pressure");
    expect([p.claim, p.voice, p.via]).toEqual(["reported", null, "axios"]);
  });

  it("rests every statement in the Soufan brief on at least one quote from its body, not only its summary", () => {
    const summary = new Set([2, 3, 4, 5]); // the "Bottom Line Up Front" bullets
    const article = content.articles.find((a) => a.slug === SOUFAN)!;
    expect(article.paragraphs.filter((p) => summary.has(p.n)).every((p) => p.kind === "list-item")).toBe(
      true,
    );
    const onSummaryOnly = [...content.positions, ...content.events].filter(
      (c) =>
        c.claim === "statement" && c.evidence.every((q) => q.article === SOUFAN && summary.has(q.paragraph)),
    );
    expect(onSummaryOnly).toEqual([]);
  });

  it("says the Red Sea move was a decision to withdraw, never a withdrawal", () => {
    const ownWords = [
      ...content.events.flatMap((e) => [e.title, e.summary]),
      ...content.positions.flatMap((p) => [p.stance, p.summary]),
      ...content.divergences.map((d) => d.rationale),
      ...content.issues.map((i) => i.summary),
      ...content.actors.map((a) => a.description),
    ];
    expect(ownWords.filter((t) => /\bwithdrew\b|\bwithdrawn\b|\bpulled\b|drawdown/i.test(t))).toEqual([]);
    for (const issue of ["us-force-posture", "red-sea-houthis"]) {
      expect(position(GAPS, "us", issue).summary).toMatch(/decided to withdraw/);
    }
  });

  it("attributes the al-Golani meeting's place to the article", () => {
    const ownWords = [
      ...content.events.flatMap((e) => [e.title, e.summary]),
      ...content.positions.flatMap((p) => [p.stance, p.summary]),
      ...content.issues.map((i) => i.summary),
      ...content.actors.map((a) => a.description),
    ];
    expect(ownWords.filter((t) => /in Syria/.test(t) && !/article/.test(t))).toEqual([]);
  });

  it("rates in the text's words and marks our judgement as ours", () => {
    expect(rating(GAPS, "syria-al-golani")).toMatchObject({
      by: "editorial",
      rationale: expect.stringMatching(/^Our reading/),
    });
    const board = rating(SOUFAN, "board-of-peace").rationale;
    expect(board).toMatch(/some reservations/);
    expect(board).not.toMatch(/objected/);
    const disarmament = rating(SOUFAN, "gaza-peace-plan-disarmament").rationale;
    expect(disarmament).toMatch(/might not implement/);
    expect(disarmament).not.toMatch(/enforce/);
  });
});

describe("actors and perspective", () => {
  it("has the Axis of Resistance as an actor and records Shira Efron's affiliation", () => {
    expect(content.actors.find((a) => a.slug === "axis-of-resistance")?.kind).toBe("armed-group");
    expect(content.actors.find((a) => a.slug === "shira-efron")?.affiliation).toBe("rand-corporation");
  });

  it("states each source's perspective with a basis", () => {
    const perspective = new Map(content.articles.map((a) => [a.slug, a.perspective]));
    expect(perspective.get(GAPS)!.text).toMatch(/sympathetic to the Israeli government/);
    expect(perspective.get(SOUFAN)!.text).toMatch(/US think tank/);
    expect(content.articles.every((a) => a.perspective.basis.length > 40)).toBe(true);
  });
});

// The second independent read of round 3 (content/REVIEW.md, "Second independent read (round 3)").
describe("the second read's fixes", () => {
  /** Everything we write in our own voice, with where it is, so a failure names the place. */
  const ownWords = (): [string, string][] => [
    ...content.events.flatMap((e): [string, string][] => [
      [`event ${e.slug} title`, e.title],
      [`event ${e.slug} summary`, e.summary],
    ]),
    ...content.positions.flatMap((p): [string, string][] => [
      [`${p.article}/${p.actor}/${p.issue} stance`, p.stance],
      [`${p.article}/${p.actor}/${p.issue} summary`, p.summary],
    ]),
    ...content.divergences.map((d): [string, string] => [`${d.article}/${d.issue} rating`, d.rationale]),
    ...content.issues.map((i): [string, string] => [`issue ${i.slug}`, i.summary]),
    ...content.actors.map((a): [string, string] => [`actor ${a.slug}`, a.description]),
  ];

  it("keeps the Soufan brief's weekdays as stated and records where reporting disagrees", () => {
    const basis = content.articles.find((a) => a.slug === SOUFAN)!.published.basis;
    expect(basis).toMatch(/“the Wednesday meeting” was held on Thursday 19\s+February 2026/);
    expect(basis).toMatch(/dates “Sunday” appeared on Saturday 14 February 2026/);
    const axios = event("axios-report-economic-pressure").date;
    expect(axios.stated).toBe("Axios reported Sunday");
    expect(axios.basis).toMatch(/Outside the text, and not used: .*Saturday 14 February 2026/s);
    expect(ownWords().filter(([, t]) => /Sunday 15 February/.test(t))).toEqual([]);
  });

  it("records Iran's strategy 'Since 1979' as its course to the article, placing no armed group in 1979", () => {
    expect(span("iran-axis-of-resistance-from-1979")).toEqual({
      start: "1979-01-01",
      end: "2025-06-30",
      precision: "range",
    });
    const groups = new Set(content.actors.filter((a) => a.kind === "armed-group").map((a) => a.slug));
    const inOneEarlyYear = content.events.filter(
      (e) => e.date.end < "2000-01-01" && e.actors.some((a) => groups.has(a)),
    );
    expect(inOneEarlyYear.map((e) => e.slug)).toEqual([]);
  });

  it("takes the inauguration's stated date from its own words, not from the article's date phrase", () => {
    expect(event("trump-takes-office-2025").date.stated).toBe(
      "As Donald Trump assumed the presidency of the United States",
    );
    const articleDates = new Set(content.articles.flatMap((a) => a.published.stated ?? []));
    expect(content.events.filter((e) => articleDates.has(e.date.stated)).map((e) => e.slug)).toEqual([]);
  });

  it("marks every rating whose level is our call as editorial, in 'Our reading'", () => {
    const ourCall = content.divergences.filter((d) => /we rate it/i.test(d.rationale));
    expect(ourCall.map((d) => `${d.article}/${d.issue}`).sort()).toEqual([
      `${GAPS}/military-action-against-iran`,
      `${GAPS}/syria-al-golani`,
      `${SOUFAN}/military-action-against-iran`,
    ]);
    for (const d of ourCall) {
      expect([d.by, d.rationale.slice(0, 11)], `${d.article}/${d.issue}`).toEqual([
        "editorial",
        "Our reading",
      ]);
    }
  });

  it("keeps Netanyahu's skepticism about 'the quality of' any agreement", () => {
    const skeptical = ownWords().filter(([, t]) => /skepticism about[^.;]*(agreement|deal)/i.test(t));
    expect(skeptical.length).toBeGreaterThanOrEqual(3);
    expect(skeptical.filter(([, t]) => !/skepticism about the quality of/i.test(t))).toEqual([]);
  });

  it("keeps conditions as conditions: the threat to restart the war and disarmament before withdrawal", () => {
    const restart = ownWords().filter(([, t]) => /restart the war/.test(t));
    expect(restart.length).toBeGreaterThanOrEqual(2);
    expect(restart.filter(([, t]) => !/restart the war (against Hamas )?if/.test(t))).toEqual([]);
    expect(ownWords().filter(([, t]) => /only once Hamas|before it withdraws/.test(t))).toEqual([]);
    expect(position(SOUFAN, "israel", "gaza-war").summary).toMatch(/a condition of withdrawing/);
  });

  it("gives the ceasefire and the Red Sea concern to those the text credits, in its words", () => {
    expect(event("twelve-day-war-ceasefire").title).toMatch(/Israeli officials say Trump's insistence/);
    expect(event("zamir-criticises-red-sea-drawdown").title).toMatch(/voices concern/);
    // The text gives the concern to Israel's security establishment, which Zamir leads, not to Zamir.
    expect(content.positions.filter((p) => p.voice === "eyal-zamir")).toEqual([]);
    // Positions whose words are Israeli officials' or 'Israeli assertions' have no single speaker.
    const mixed = content.positions.filter(
      (p) =>
        p.voice !== null &&
        p.evidence.some((q) =>
          /Israeli officials|Israeli assertions|with or without an explicit/.test(q.quote),
        ),
    );
    expect(mixed.map((p) => `${p.article}/${p.actor}/${p.issue}`)).toEqual([]);
  });

  it("credits the 'internal and regional doubts' to no one, and campaign pledges to the campaign", () => {
    const doubts = content.positions.filter((p) =>
      p.evidence.some((q) => q.quote.includes("internal and regional doubts")),
    );
    expect(doubts).toEqual([]);
    expect(event("trump-opts-for-diplomacy-2026").summary).toMatch(/“internal and regional doubts”.*whose/s);
    const pledges = content.positions.filter((p) =>
      p.evidence.some((q) => /Trump campaign|signaled staunch support/.test(q.quote)),
    );
    expect(pledges.length).toBe(2);
    for (const p of pledges) {
      expect(`${p.stance} ${p.summary}`, `${p.actor}/${p.issue}`).toMatch(
        /campaign.*before|before.*campaign/is,
      );
    }
  });

  it("uses the text's words where ours had strengthened them", () => {
    expect(ownWords().filter(([, t]) => /\bpress(es|ed)? for\b|\bpressed by\b/.test(t))).toEqual([]);
    expect(position(GAPS, "us", "gaza-war").summary).toMatch(/advocated/);
    expect(position(SOUFAN, "us", "gaza-peace-plan-disarmament").stance).toMatch(/at least initially/);
    expect(content.issues.find((i) => i.slug === "iran-missile-programme")!.summary).toMatch(/potentially/);
    expect(event("us-military-buildup-february-2026").summary).not.toMatch(/had been launched/);
    expect(event("israel-signs-board-of-peace-charter").summary).toMatch(/not an original signer/);
  });
});
