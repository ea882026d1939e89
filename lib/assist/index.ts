// The draft assist: segment → detect (actor mentions, names, date phrases) → resolve (dates on the publication
// date) → propose (events and not-events, claim kinds, issues, positions for the default pair). Pure: it reads
// nothing and writes nothing; lib/assist/draft-file.ts turns its result into content/drafts/<slug>.yaml.
import { isWiderThanAYear } from "@/lib/content/date-policy";
import type { Block } from "@/lib/content/markdown";
import { normaliseQuote, quoteFinder, wordCount } from "@/lib/content/quotes";
import type { DateBounds } from "@/lib/content/schema";
import { addDays } from "@/lib/dates";
import { DEFAULT_PAIR, type ClaimKind, type Pair } from "@/lib/domain";
import { findCandidates, type CandidateKind } from "./candidates";
import {
  clauseAround,
  creditedSpan,
  findPastAction,
  guessClaim,
  hasEventNoun,
  hasPastVerb,
  maskQuotes,
  notEventReason,
  speaksOfFuture,
  STANCE_CUES,
  type NotEventReason,
} from "./cues";
import { describeAnchor, findDatePhrases, type Anchor, type DatePhrase } from "./dates";
import { buildIssueMatcher, type KnownIssue } from "./issues";
import { buildGazetteer, pairSide, type KnownActor, type Mention } from "./mentions";
import { segmentArticle, type Sentence } from "./segment";

export type { Anchor } from "./dates";
export type { KnownActor } from "./mentions";
export type { KnownIssue } from "./issues";

export type DraftEvidence = string | { quote: string; paragraph: number };

export interface DraftDate {
  stated: string;
  start: string;
  end?: string;
  precision: DatePhrase["span"]["precision"];
  circa?: boolean;
  basis: string;
  bounds?: DateBounds;
}

export interface DraftEvent {
  slug: string;
  title: string;
  summary: string;
  claim: ClaimKind;
  via?: string;
  date: DraftDate;
  actors: string[];
  issues: string[];
  evidence: DraftEvidence[];
}

export interface DraftPosition {
  actor: string;
  issue: string;
  stance: string;
  summary: string;
  claim: ClaimKind;
  voice?: string;
  via?: string;
  evidence: DraftEvidence[];
}

/** content/drafts/<slug>.yaml: sections in the reviewed shapes first, then the assist's own findings. */
export interface Draft {
  events: DraftEvent[];
  positions: DraftPosition[];
  actors: { actor: string; evidence: DraftEvidence[] }[];
  mentions: { actor: string; text: string; evidence: DraftEvidence[] }[];
  candidates: { name: string; kind: CandidateKind; count: number; evidence: DraftEvidence[] }[];
  dates: (DraftDate & { evidence: DraftEvidence[] })[];
  not_events: {
    reason: NotEventReason;
    cue: string;
    stated: string;
    actors: string[];
    evidence: DraftEvidence[];
  }[];
  issues: { issue: string; evidence: DraftEvidence[] }[];
}

export interface AssistInput {
  slug: string;
  blocks: Pick<Block, "n" | "kind" | "text">[];
  published: Anchor;
  actors: KnownActor[];
  issues: KnownIssue[];
  /** Event slugs already defined anywhere in the content: a proposed slug never collides with one. */
  takenEventSlugs?: Set<string>;
  pair?: Pair;
}

/** What the assist found, located, for the eval and the command's summary. */
export interface AssistDetail {
  sentences: Sentence[];
  mentions: (Mention & { sentence: Sentence })[];
  dates: (DatePhrase & { sentence: Sentence })[];
  /** `clause`: the words the event is about (offsets in the sentence). */
  events: {
    event: DraftEvent;
    sentence: Sentence;
    phrase: DatePhrase;
    clause: { start: number; end: number };
  }[];
  notEvents: { sentence: Sentence; reason: NotEventReason; phrase: DatePhrase }[];
}

/**
 * A date an event may take: its own phrase, one inherited from the sentence before (start = end: no words of its
 * own), or none (`undated`); `action` is the clause findPastAction found, already read for cues.
 */
type Candidate = DatePhrase & {
  inherited?: Sentence;
  action?: { start: number; end: number };
  undated?: true;
};
const at = (offset: number) => ({ start: offset, end: offset });
const spanOf = (c: { start: number; end: number }) => [c.start, c.end] as const;

/** A sentence that goes on about whom the one before named. */
const PRONOUN = /^\W*(?:he|she|they|his|her|their|its|it|both|the two)\b/i;
const PERSON_KINDS = new Set<string>(["leader", "official", "person", "analyst"]);

export function runAssist(input: AssistInput): { draft: Draft; detail: AssistDetail } {
  const pair = input.pair ?? DEFAULT_PAIR;
  const sentences = segmentArticle(input.blocks);
  const gazetteer = buildGazetteer(input.actors);
  const matcher = buildIssueMatcher(input.issues);
  const evidence = evidenceMaker(input.blocks);
  const taken = new Set(input.takenEventSlugs ?? []);

  const mentionsBySentence = new Map<number, Mention[]>();
  const detail: AssistDetail = { sentences, mentions: [], dates: [], events: [], notEvents: [] };
  let previous: { text: string; span: DatePhrase["span"] } | null = null;
  for (const sentence of sentences) {
    const mentions = gazetteer.find(sentence.text);
    mentionsBySentence.set(sentence.index, mentions);
    detail.mentions.push(...mentions.map((m) => ({ ...m, sentence })));
    const phrases = findDatePhrases(sentence.text, {
      published: input.published,
      future: (start, end) => speaksOfFuture(sentence.text, start, end),
      previous,
    });
    detail.dates.push(...phrases.map((p) => ({ ...p, sentence })));
    if (phrases.length) previous = { text: phrases.at(-1)!.text, span: phrases.at(-1)!.span };
  }
  const mentionsOf = (s: Sentence) => mentionsBySentence.get(s.index) ?? [];

  // Issues: an issue is suggested when at least two sentences are about it.
  const issueHits = new Map<string, { score: number; sentence: Sentence }[]>();
  const sentenceIssues = new Map<number, string[]>();
  for (const sentence of sentences) {
    const scores = matcher.score(sentence.text);
    sentenceIssues.set(
      sentence.index,
      scores.slice(0, 3).map((s) => s.issue),
    );
    for (const s of scores)
      issueHits.set(s.issue, [...(issueHits.get(s.issue) ?? []), { score: s.score, sentence }]);
  }
  const suggested = [...issueHits.entries()]
    .filter(([, hits]) => hits.length >= 2)
    .map(([issue, hits]) => ({ issue, hits: [...hits].sort((a, b) => b.score - a.score) }))
    .sort((a, b) => b.hits.reduce((n, h) => n + h.score, 0) - a.hits.reduce((n, h) => n + h.score, 0));
  // An event needs an issue: failing its own sentence's, the article's main one, or the one most sentences touch.
  const touchCounts = new Map<string, number>();
  for (const s of sentences)
    for (const i of matcher.touching(s.text)) touchCounts.set(i, (touchCounts.get(i) ?? 0) + 1);
  const topIssue = suggested[0]?.issue ?? [...touchCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const draft: Draft = {
    events: [],
    positions: [],
    actors: [],
    mentions: [],
    candidates: [],
    dates: [],
    not_events: [],
    issues: [],
  };

  // Events and not-events: a sentence with a known actor and a date phrase. A sentence without a date of its own
  // takes the last one of its paragraph (narrative time runs on until a new date is given), and one that names no
  // that starts from a pronoun ("He ordered …") also takes the actors of the sentence before it.
  let lastInParagraph: { paragraph: number; phrase: DatePhrase; sentence: Sentence } | null = null;
  let before: Sentence | null = null;
  for (const sentence of sentences) {
    const previousSentence = before;
    before = sentence;
    const own = detail.dates.filter((d) => d.sentence === sentence);
    const carried = lastInParagraph?.paragraph === sentence.paragraph ? lastInParagraph : null;
    // Narrative time moves on with a date on a happening, not with one on a plan, threat or refusal
    // ("Netanyahu is not returning for the Wednesday meeting" says nothing of when the next sentence happened).
    const happening = own.filter(
      (p) =>
        !p.future &&
        !notEventReason(sentence.text.slice(...spanOf(clauseAround(sentence.text, p.start, p.end)))),
    );
    if (happening.length)
      lastInParagraph = { paragraph: sentence.paragraph, phrase: happening.at(-1)!, sentence };
    if (sentence.heading) continue;
    let mentions = mentionsOf(sentence);
    if (previousSentence?.paragraph === sentence.paragraph && PRONOUN.test(maskQuotes(sentence.text))) {
      mentions = [...mentionsOf(previousSentence), ...mentions];
    }
    // A sentence with no date of its own in which a known actor plainly did something (findPastAction) is an
    // event about that clause: dated by its paragraph when the paragraph carries a date, else only as "before
    // publication" for the reviewer to narrow (undatedPhrase).
    const action = own.length ? null : findPastAction(sentence.text, mentionsOf(sentence));
    const usable = carried && !carried.phrase.future ? carried : null;
    const phrases: Candidate[] = own.length
      ? own
      : usable && action
        ? [
            {
              ...usable.phrase,
              ...at(action.clause.start),
              inherited: usable.sentence,
              action: action.clause,
            },
          ]
        : usable
          ? [{ ...usable.phrase, ...at(0), inherited: usable.sentence }]
          : action
            ? [undatedPhrase(sentence.text, action, input.published)]
            : [];
    if (!mentions.length || !phrases.length) continue;
    const quote = evidence(sentence);
    if (!quote) continue;
    let refused: { reason: NotEventReason; cue: string; phrase: DatePhrase } | null = null;
    let chosen: {
      phrase: Candidate;
      clause: { start: number; end: number };
    } | null = null;
    for (const phrase of phrases) {
      if (phrase.action) {
        chosen = { phrase, clause: phrase.action };
        break;
      }
      const clause = phrase.inherited
        ? { start: 0, end: sentence.text.length }
        : clauseAround(sentence.text, phrase.start, phrase.end);
      const clauseText = sentence.text.slice(clause.start, clause.end);
      const why =
        notEventReason(clauseText) ??
        (phrase.future ? { reason: "future" as const, cue: phrase.text } : null);
      if (why) {
        if (!phrase.inherited) refused ??= { ...why, phrase };
        continue;
      }
      // A sentence that borrows its date must report the happening with a verb; a noun alone is not enough.
      if (!hasPastVerb(clauseText) && (phrase.inherited || !hasEventNoun(clauseText))) continue;
      chosen = { phrase, clause };
      break;
    }
    const actors = unique(mentions.map((m) => m.actor));
    if (!chosen) {
      if (refused) {
        draft.not_events.push({
          reason: refused.reason,
          cue: refused.cue,
          stated: refused.phrase.text,
          actors,
          evidence: [quote],
        });
        detail.notEvents.push({ sentence, reason: refused.reason, phrase: refused.phrase });
      }
      continue;
    }
    const { phrase, clause } = chosen;
    const { claim } = guessClaim(sentence.text);
    const via = creditedActor(sentence, mentions, claim);
    const issues = sentenceIssues.get(sentence.index)?.length
      ? sentenceIssues.get(sentence.index)!
      : topIssue
        ? [topIssue]
        : [];
    if (!issues.length) continue;
    // A relative clause ("…, which occurred yesterday") is about the clause before it.
    const relative = /^[\s,;:—–(]*(?:which|who|that)\b/i.test(
      sentence.text.slice(clause.start, phrase.start),
    );
    const titleClause = relative
      ? clauseAround(sentence.text, Math.max(0, clause.start - 1), Math.max(0, clause.start - 1))
      : clause;
    const title = titleFrom(sentence.text, { start: titleClause.start, end: clause.end }, phrase);
    const date = draftDate(phrase, input.published);
    if (phrase.inherited) {
      date.basis = `No date in this sentence; it takes the date of the sentence before it in the paragraph. ${date.basis}`;
    }
    if (phrase.undated) date.bounds = { after: { note: OPEN_START }, before: "published" };
    const event: DraftEvent = {
      // An undated event is named by the month it is known to precede, not by its placeholder start.
      slug: uniqueSlug(title, phrase.undated ? phrase.span.end : phrase.span.start, taken),
      title,
      summary: sentence.text,
      claim,
      ...(via ? { via } : {}),
      date,
      actors,
      issues,
      evidence: [quote],
    };
    draft.events.push(event);
    detail.events.push({ event, sentence, phrase, clause });
  }

  // Positions: per suggested issue, the best sentence where a side of the pair (or one of its people) takes a stance.
  for (const { issue } of suggested) {
    for (const side of pair) {
      let best: { score: number; sentence: Sentence; mention: Mention } | null = null;
      for (const sentence of sentences) {
        if (sentence.heading || !(sentenceIssues.get(sentence.index) ?? []).includes(issue)) continue;
        const stance = STANCE_CUES.exec(sentence.text);
        if (!stance) continue;
        // The side is the one named last before the stance word: its subject, as near as words can tell.
        const mention = mentionsOf(sentence)
          .filter((m) => m.end <= stance.index)
          .at(-1);
        if (!mention || pairSide(gazetteer, mention.actor, pair) !== side) continue;
        const score = matcher.score(sentence.text).find((s) => s.issue === issue)!.score;
        if (!best || score > best.score) best = { score, sentence, mention };
      }
      if (!best) continue;
      const quote = evidence(best.sentence);
      if (!quote) continue;
      const { claim } = guessClaim(best.sentence.text);
      const speaker =
        best.mention.actor !== side && PERSON_KINDS.has(gazetteer.actors.get(best.mention.actor)?.kind ?? "")
          ? best.mention.actor
          : null;
      const via = creditedActor(best.sentence, mentionsOf(best.sentence), claim);
      draft.positions.push({
        actor: side,
        issue,
        stance: stanceLabel(best.sentence.text),
        summary: best.sentence.text,
        claim: claim === "reported" && speaker ? "statement" : claim,
        ...(speaker ? { voice: speaker } : {}),
        ...(via && via !== side && via !== speaker ? { via } : {}),
        evidence: [quote],
      });
    }
  }

  // Known actors: one entry per actor, in the reviewed shape; every mention, for the reviewer and the studio.
  const firstSentences = new Map<string, Sentence[]>();
  for (const m of detail.mentions) {
    const list = firstSentences.get(m.actor) ?? [];
    if (list.length < 2 && !list.includes(m.sentence) && evidence(m.sentence)) list.push(m.sentence);
    firstSentences.set(m.actor, list);
    const quote = evidence(m.sentence);
    if (quote) draft.mentions.push({ actor: m.actor, text: m.text, evidence: [quote] });
  }
  for (const [actor, list] of firstSentences) {
    const quotes = list.map(evidence).filter((q): q is DraftEvidence => q !== null);
    if (quotes.length) draft.actors.push({ actor, evidence: quotes });
  }

  for (const c of findCandidates(sentences, mentionsOf, gazetteer.nameWords)) {
    const quote = evidence(c.sentence);
    if (quote) draft.candidates.push({ name: c.name, kind: c.kind, count: c.count, evidence: [quote] });
  }

  for (const d of detail.dates) {
    const quote = evidence(d.sentence);
    if (quote) draft.dates.push({ ...draftDate(d, input.published), evidence: [quote] });
  }

  for (const { issue, hits } of suggested) {
    const quotes = hits
      .slice(0, 2)
      .map((h) => evidence(h.sentence))
      .filter((q): q is DraftEvidence => q !== null);
    if (quotes.length) draft.issues.push({ issue, evidence: quotes });
  }

  return { draft, detail };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * The evidence for a sentence: the sentence itself, with its paragraph when the same words are in another one.
 * A sentence shorter than a quote may be (four words) stands for its whole paragraph.
 */
function evidenceMaker(blocks: Pick<Block, "n" | "text">[]) {
  const finders = blocks.map((b) => ({ n: b.n, text: b.text, find: quoteFinder(b.text) }));
  return (sentence: Sentence): DraftEvidence | null => {
    let quote = sentence.text;
    if (wordCount(quote) < 4) {
      const block = finders.find((b) => b.n === sentence.paragraph);
      if (!block || wordCount(block.text) < 4) return null;
      quote = block.text.trim();
    }
    const needle = normaliseQuote(quote);
    const hits = finders.filter((b) => b.find(needle));
    if (hits.length === 0) return null;
    return hits.length === 1 ? quote : { quote, paragraph: sentence.paragraph };
  };
}

const OPEN_START = "no date stated: the start is open (a placeholder a year before publication); set it";

/**
 * The date of a sentence that states none: it happened before publication, and that is all the text says. The
 * schema needs a start, so it is a placeholder a year before publication, named as such in the basis and the
 * bounds; the range is wider than a year so that it is never read as "within the last year".
 */
function undatedPhrase(
  text: string,
  action: { subject: { start: number }; verbEnd: number; clause: { start: number; end: number } },
  published: Anchor,
): Candidate {
  const stated = text.slice(action.subject.start, action.verbEnd).replace(/\s+/g, " ").trim();
  return {
    text: stated,
    start: action.clause.start,
    end: action.clause.start,
    span: { start: addDays(published.start, -366), end: published.end, precision: "range" },
    circa: false,
    basis: `“${stated}”: no date stated; it happened before publication (${describeAnchor(published)}), which ends the range. The start is a placeholder, not a reading of the text: the reviewer must set the date.`,
    future: false,
    kind: "undated",
    action: action.clause,
    undated: true,
  };
}

function draftDate(phrase: DatePhrase, published: Anchor): DraftDate {
  const { start, end, precision } = phrase.span;
  const compact =
    precision === "day"
      ? { start }
      : precision === "month"
        ? { start: start.slice(0, 7) }
        : precision === "year"
          ? { start: start.slice(0, 4) }
          : { start, end };
  return {
    stated: phrase.text,
    ...compact,
    precision,
    ...(phrase.circa ? { circa: true } : {}),
    basis: phrase.basis,
    ...(isWiderThanAYear(phrase.span) ? { bounds: draftBounds(phrase, published) } : {}),
  };
}

/**
 * A date wider than a year says what bounds it (content/README.md, "Dates"). The assist knows only the text's own
 * words and, for a span that ends by the publication, the publication; the note says the bound is unreviewed.
 */
function draftBounds(phrase: DatePhrase, published: Anchor): DateBounds {
  const words = { note: `the text's own words, “${phrase.text}” (a draft bound: check it)` };
  return { after: words, before: phrase.span.end <= published.end ? "published" : words };
}

/** The actor an account is credited to ("according to X", "X reported"), when it is a known one. */
function creditedActor(sentence: Sentence, mentions: Mention[], claim: ClaimKind): string | undefined {
  if (claim !== "reported") return undefined;
  const span = creditedSpan(sentence.text);
  if (!span) return undefined;
  return mentions.find((m) => m.start >= span.start && m.end <= span.end)?.actor;
}

const TITLE_WORDS = 16;
/** A cut title does not end on "of", "the", "to": those words lead to what was cut. */
const TRAILING_FUNCTION_WORDS =
  /(?:\s+(?:a|an|the|of|to|in|on|at|for|with|by|from|and|or|but|that|which|as))+$/i;

/** A draft title: the clause that carries the date, without the date, as a sentence fragment. */
function titleFrom(text: string, clause: { start: number; end: number }, phrase: DatePhrase): string {
  const words = (text.slice(clause.start, phrase.start) + " " + text.slice(phrase.end, clause.end))
    .replace(/[“”"]/g, "")
    .replace(/^[\s,;:—–(]+|[\s,;:—–)]+$/g, "")
    .replace(/\s+,/g, ",")
    .replace(/^(?:and|but|while|(?:even )?though|although|whereas|yet)\s+/i, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, TITLE_WORDS)
    .join(" ")
    .replace(TRAILING_FUNCTION_WORDS, "")
    .replace(/[,;:]$/, "");
  return words ? words[0]!.toUpperCase() + words.slice(1) : text.slice(0, 80);
}

const SLUG_STOP = new Set(
  "a an the of in on at to for from by with and or but its his her their that this was were is are has have had".split(
    " ",
  ),
);

export function uniqueSlug(title: string, start: string, taken: Set<string>): string {
  const base =
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .split(/[\s-]+/)
      .filter((w) => w && !SLUG_STOP.has(w) && /^[a-z0-9]+$/.test(w))
      .slice(0, 6)
      .join("-") || "event";
  const stem = `${base}-${start.slice(0, 7)}`;
  let slug = stem;
  for (let i = 2; taken.has(slug); i++) slug = `${stem}-${i}`;
  taken.add(slug);
  return slug;
}

/** A short stance label from the words after the stance cue. */
function stanceLabel(text: string): string {
  const cue = STANCE_CUES.exec(text);
  const from = cue ? cue.index : 0;
  const words = text
    .slice(from)
    .replace(/[“”"]/g, "")
    .split(/\s+/)
    .slice(0, 7)
    .join(" ")
    .replace(/[,;:.—–]+$/, "");
  return words[0]!.toUpperCase() + words.slice(1);
}
