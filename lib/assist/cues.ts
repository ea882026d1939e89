// Word cues, read clause by clause: what kind of claim a sentence makes, and whether the clause that carries a date
// reports something that happened or a threat, plan, forecast, condition or a thing that did not happen. Words
// inside quotation marks are the speaker's, so they never decide: "the best thing that could happen" is a remark.
import type { ClaimKind, NotEventReason } from "@/lib/domain";

export type { NotEventReason } from "@/lib/domain";

const NOT_EVENT_CUES: { reason: NotEventReason; pattern: RegExp }[] = [
  { reason: "threat", pattern: /\b(?:threat(?:en|ens|ened|ening)?|vow(?:s|ed)? to|ultimatum)\b/i },
  {
    reason: "negated",
    pattern:
      /\b(?:did not|didn[’']t|never|has not|hasn[’']t|have not|haven[’']t|had not|was not|wasn[’']t|were not|weren[’']t|is not|isn[’']t|are not|aren[’']t|will not|won[’']t|failed to|(?:declin|refus)(?:e|es|ed) to|no longer|(?:was|were) (?:cancel+ed|postponed|called off|scrapped|shelved)|(?:did|does) not take place)\b/i,
  },
  {
    reason: "conditional",
    pattern:
      /\b(?:if|unless|in the event|provided that|should (?:\w+ )?(?:waver|fail|falter|collapse|refuse))\b/i,
  },
  {
    reason: "plan",
    pattern:
      /\b(?:plan(?:s|ned)? to|intend(?:s|ed)? to|(?:is|are|was|were) (?:set|due|scheduled|slated|poised) to|will|shall|going to|scheduled for|upcoming|prepar(?:e|es|ing) to|aim(?:s|ed)? to|seek(?:s)? to|next (?:week|month|year|round))\b/i,
  },
  {
    reason: "forecast",
    pattern:
      /\b(?:(?:is|are|was|were) expected|expect(?:s|ed)? to|likely to|could|may|might|would|forecast|predict(?:s|ed)?|projected|on track to)\b/i,
  },
];

const HEDGES =
  /\b(?:appears?|appeared|seems?|seemed|likely|unlikely|undoubtedly|probably|possibly|perhaps|arguably|apparently|presumably|evidently|clearly|suggests?|indicat(?:es|ing) that|in our view|we (?:assess|believe|judge)|amounts? to|signals?)\b/i;
const REPORTED = /\b(?:according to|report(?:s|ed|edly)?|sources? (?:said|say)|was quoted|citing)\b/i;
const SPEECH =
  /\b(?:said|says|say|told|tell|stated|states|announced|announces|declared|declares|insisted|insists|emphasi[sz]ed|underscored|asserted|asserts|argued|argues|claimed|claims|warned|warns|wrote|writes|posted|tweeted|added|noted|confirmed|acknowledged|acknowledges|stressed|vowed|pledged|promised|urged|urges|demanded|demands|expressed|signal(?:l)?ed|called for|maintain(?:s|ed)?)\b/i;

/** The text with every quoted span blanked out (same length, so offsets still hold). */
export function maskQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, (q) => " ".repeat(q.length));
}

/**
 * The clause that carries the words at `start`–`end`: bounded by , ; : — – ( ) and "but"/"while"/"although".
 * A fronted date ("On Friday, Trump said …") governs the clause after it.
 */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  const boundary = /[,;:—–()]|\s(?:but|while|although|though|whereas|yet)\s/g;
  const cuts = [0, ...[...text.matchAll(boundary)].map((m) => m.index), text.length];
  let from = 0;
  let to = text.length;
  for (const cut of cuts) {
    if (cut <= start) from = cut;
    if (cut >= end) {
      to = cut;
      break;
    }
  }
  const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const rest = words(text.slice(from, start)) + words(text.slice(end, to));
  if (rest < 3) {
    const next = cuts.find((c) => c > to);
    if (next !== undefined) to = next;
  }
  return { start: from, end: to };
}

const REPORTING_WORD = new RegExp(
  `${SPEECH.source}|\\b(?:reported|reportedly|agree(?:s|d|ing)?|comments?|remarks?|statements?|claims?|assertions?|reports?|suggest(?:ed|ion)?|concerns?|fears?|worries|hopes?|expectations?|belief|assessments?)\\b`,
  "gi",
);

/**
 * The text with reported content blanked out as well: what follows "that" after a word of saying ("comments last
 * week that he might consider …") is what was said, so its "might" is the speaker's, not the article's.
 */
export function maskReported(text: string): string {
  let out = maskQuotes(text);
  for (const m of out.matchAll(REPORTING_WORD)) {
    const after = out.slice(m.index + m[0].length);
    const that = /^(?:\s+[\p{L}’'.-]+){0,4}?\s+that\b/u.exec(after);
    if (!that) continue;
    const from = m.index + m[0].length + that[0].length;
    out = out.slice(0, from) + out.slice(from).replace(/[^,;:—–()]*/, (s) => " ".repeat(s.length));
  }
  return out;
}

/**
 * Why words are not an event when read strictly: nothing is masked, so a plan, threat or condition inside reported
 * speech or a quotation ("said that Tehran would retaliate") counts against it. For sentences with no date, where
 * nothing but the words themselves says that something happened.
 */
export function strictNotEventReason(text: string): { reason: NotEventReason; cue: string } | null {
  for (const { reason, pattern } of NOT_EVENT_CUES) {
    const m = pattern.exec(text);
    if (m) return { reason, cue: m[0] };
  }
  return null;
}

/** Why a clause is not an event, or null when it may report one. */
export function notEventReason(clause: string): { reason: NotEventReason; cue: string } | null {
  const text = maskReported(clause);
  for (const { reason, pattern } of NOT_EVENT_CUES) {
    const m = pattern.exec(text);
    if (m) return { reason, cue: m[0] };
  }
  return null;
}

const FUTURE = /\b(?:will|shall|(?:is|are) (?:set|due|scheduled|expected) to|upcoming|(?:is|are) to)\b/i;

/**
 * Whether the words around a date phrase speak of the future, so that a bare weekday or month counts forward:
 * a future cue within six words before or four after, and no verb in the past nearer than that.
 */
export function speaksOfFuture(text: string, start: number, end: number): boolean {
  const before = maskQuotes(text.slice(0, start)).split(/\s+/).slice(-6).join(" ");
  const after = maskQuotes(text.slice(end)).split(/\s+/).slice(0, 5).join(" ");
  const window = `${before} ${after}`;
  return FUTURE.test(window) && !hasPastVerb(window);
}

const IRREGULAR_PAST_WORDS = new Set(
  "arose ate awoke became began bent bit bled blew bore bought bound broke brought built burnt caught chose clung came crept cut dealt dug did drew drove fed fell felt fled flew flung fought forbade foresaw forgot forgave froze gave got grew ground hid held hit hung kept knew laid lay led lent left lit lost made meant met mistook oversaw overthrew overtook paid put ran rang rode rose said sang sank sat saw sent set shook shot shut slept slid sold sought spent spoke spread sprang stole stood struck stuck swept swore swam swung taught tore told took thought threw understood undertook withdrew withstood woke won wore wound wove wrought wrote".split(
    " ",
  ),
);
const IRREGULAR_PAST = new RegExp(`\\b(?:${[...IRREGULAR_PAST_WORDS].join("|")})\\b`, "i");
/** Nouns that name a happening: with a date on them ("the attack in September", "the January uprising") a clause reports one. */
const EVENT_NOUN =
  /\b(?:attacks?|strikes?|air ?strikes?|bombings?|raids?|invasion|offensive|operation|assassination|massacre|coup|uprising|revolt|protests?|riots?|war|clashes?|ceasefire|truce|talks|negotiations|round|meeting|summit|conference|visit|trip|tour|election|vote|referendum|speech|interview|announcement|comments?|remarks?|statement|report|signing|deal|agreement|accord|release|arrest|resignation|inauguration)\b/i;

const NOT_PAST = new Set([
  "need",
  "indeed",
  "proceed",
  "succeed",
  "exceed",
  "speed",
  "breed",
  "feed",
  "seed",
  "bleed",
  "heed",
  "deed",
  "creed",
  "greed",
  "embed",
  "shed",
  "bed",
  "red",
  "hundred",
  "sacred",
  "naked",
  "wicked",
  "kindred",
]);

/** Whether a clause names a happening with a noun ("the attack", "the meeting"). */
export function hasEventNoun(clause: string): boolean {
  return EVENT_NOUN.test(maskQuotes(clause));
}

/** Whether a clause has a verb in the past (or the present perfect): the mark of a report of a happening. */
export function hasPastVerb(clause: string): boolean {
  const text = maskQuotes(clause);
  if (IRREGULAR_PAST.test(text)) return true;
  for (const m of text.matchAll(/(?<![\p{L}])(\p{Ll}[\p{Ll}-]*ed)\b/gu))
    if (!NOT_PAST.has(m[1]!)) return true;
  return false;
}

/**
 * A guess at the claim kind: the article's own hedged judgement is an assessment, an account credited to a
 * source is reported, an actor's words are a statement, and the rest is the article reporting.
 */
export function guessClaim(sentence: string): { claim: ClaimKind; cue: string | null } {
  const text = maskQuotes(sentence);
  const hedge = HEDGES.exec(text);
  if (hedge) return { claim: "assessment", cue: hedge[0] };
  const reported = REPORTED.exec(text);
  if (reported) return { claim: "reported", cue: reported[0] };
  const speech = SPEECH.exec(text) ?? (/[“"]/.test(sentence) ? { 0: "a quotation" } : null);
  if (speech) return { claim: "statement", cue: speech[0] };
  return { claim: "reported", cue: null };
}

/** The source an account is credited to: the words after "according to", or the subject of "reported". */
export function creditedSpan(sentence: string): { start: number; end: number } | null {
  const according = /according to\s+/i.exec(sentence);
  if (according) return { start: according.index + according[0].length, end: sentence.length };
  const reported = /\breport(?:ed|s)\b/i.exec(sentence);
  if (reported) return { start: Math.max(0, reported.index - 40), end: reported.index };
  return null;
}

export const STANCE_CUES =
  /\b(?:insist(?:s|ed)?|want(?:s|ed)?|demand(?:s|ed)?|support(?:s|ed)?|oppos(?:e|es|ed)|reject(?:s|ed)?|warn(?:s|ed)?|argu(?:e|es|ed)|believ(?:e|es|ed)|say|says|said|told|view(?:s|ed)?|see(?:s)?|saw|assess(?:es|ed)?|express(?:es|ed)|seek(?:s)?|sought|press(?:es|ed|ing)?|urg(?:e|es|ed)|call(?:s|ed)? for|prioriti[sz](?:e|es|ed)|advocat(?:e|es|ed)|agree(?:s|d)?|refus(?:e|es|ed)|skeptical|sceptical|concern(?:s|ed)?|alarm|red lines?|must|should|maintain(?:s|ed)?|stated|declared|emphasi[sz]ed|underscored|asserts?|expect(?:s|ed)?|anticipated|criticized|criticised|regard(?:s|ed)?|consider(?:s|ed)?)\b/i;

/** A word in the simple past ("signed", "struck"), not a look-alike ("need", "indeed"). */
function isPastForm(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PAST_WORDS.has(w)) return true;
  return /^\p{Ll}[\p{Ll}-]*ed$/u.test(w) && !NOT_PAST.has(w);
}
/** After "had": the past participle ("had signed", "had taken"); "had been" is left out (a state or a passive). */
function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  return w !== "been" && (isPastForm(w) || /^\p{Ll}+(?:en|wn)$/u.test(w));
}

/** Words before a name that make it the object of a preposition, not the subject ("talks with Iran collapsed"). */
const PREPOSITION_BEFORE =
  /\b(?:of|with|to|for|by|from|against|on|in|at|about|over|toward|towards|between|among|after|before|than|into|upon|under|without|via|like|and|or)\s+(?:the\s+)?$/i;
/** A name used as a modifier: a demonym ("Houthi", "Iranian", "Israeli") before the noun that is the subject. */
const DEMONYM = /(?:an|i|ese|ish)$/;
const ADVERB = "(?:\\p{Ll}+ly|also|then|later|again|already|once|just|soon|finally)";
/** Words set off between a subject and its verb: ", led by …," "—launched from …—" "(…)". */
const INSERTION = "(?:,[^,;:]{1,120},|\\s*[—–][^—–]{1,120}[—–]|\\s*\\([^)]{1,120}\\))";
/** What may follow a subject of `nouns` more words: an insertion, adverbs, "had", then the verb. */
const afterSubject = (nouns: number) =>
  new RegExp(
    `^((?:\\s+\\p{Ll}[\\p{Ll}-]*){${nouns}})${INSERTION}?\\s*(?:${ADVERB}\\s+){0,2}(?:(had)\\s+(?:${ADVERB}\\s+){0,2})?(\\p{Ll}[\\p{Ll}-]*)\\b`,
    "u",
  );
const AFTER_SUBJECT = [0, 1, 2].map(afterSubject);

export interface PastAction {
  /** The subject's offsets in the sentence. */
  subject: { start: number; end: number };
  /** Where the verb ends: "Israel had formally signed" runs from subject.start to verbEnd. */
  verbEnd: number;
  /** The clause read for cues: from the subject's clause to the end of the sentence. */
  clause: { start: number; end: number };
}

/**
 * The first name in a sentence that is the subject of a completed action: the name (or a noun it modifies,
 * "a Houthi missile"), then at most an inserted phrase and an adverb or two, then a verb in the simple past or
 * "had" and a past participle. Not when the name follows a preposition or is a possessive, and not when anything
 * from its clause to the end of the sentence, read strictly, is a threat, plan, forecast, condition or negation:
 * a sentence with no date must say plainly that something happened.
 */
export function findPastAction(text: string, names: { start: number; end: number; text: string }[]) {
  const masked = maskQuotes(text);
  for (const name of names) {
    if (masked.slice(name.start, name.end).trim() !== name.text.trim()) continue; // inside a quotation
    if (PREPOSITION_BEFORE.test(masked.slice(0, name.start))) continue;
    const after = masked.slice(name.end);
    if (/^[’']s?\b/.test(after)) continue; // "Trump’s decision": a possessive, not a subject
    // The subject is the name itself, or the noun after a demonym ("a Houthi missile … struck").
    const m = AFTER_SUBJECT.map((re) => re.exec(after)).find((m, nouns) => {
      if (!m) return false;
      const [, words = "", had, verb = ""] = m;
      if (nouns > 0 && (!DEMONYM.test(name.text) || /ly\b|\bhad\b/.test(words))) return false;
      if (nouns > 0 && words.trim().split(/\s+/).some(isPastForm)) return false;
      return had ? isParticiple(verb) : isPastForm(verb);
    });
    if (!m) continue;
    const verbEnd = name.end + m[0].length;
    const around = clauseAround(text, name.start, verbEnd);
    const clause = { start: around.start, end: text.length };
    if (strictNotEventReason(text.slice(clause.start, clause.end))) return null;
    return { subject: { start: name.start, end: name.end }, verbEnd, clause } satisfies PastAction;
  }
  return null;
}
