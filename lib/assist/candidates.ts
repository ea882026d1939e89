// Proper names that match no known actor: "new actor?" candidates for a person to add to actors.yaml or ignore.
// A name is a run of capitalised words (with "of", "al-" and the like inside it); a capitalised word that only
// starts a sentence is a name only if the article never writes it in lower case. Headings are skipped: title case.
import type { CandidateKind } from "@/lib/domain";
import type { Mention } from "./mentions";
import type { Sentence } from "./segment";

export type { CandidateKind } from "@/lib/domain";

export interface Candidate {
  name: string;
  kind: CandidateKind;
  count: number;
  /** The first sentence that names it. */
  sentence: Sentence;
}

const WORD = "(?:\\p{Lu}[\\p{L}\\p{M}’'.\\-]*|al-\\p{Lu}[\\p{L}\\-]*)";
const CONNECTOR = "(?:of|the|for|and|de|al|bin|ibn|van|von|der|du|la|el|on)";
const CONNECTORS = new RegExp(`^${CONNECTOR}$`);
const NAME = new RegExp(`${WORD}(?:[ ](?:${CONNECTOR}[ ])*${WORD})*`, "gu");

const TITLES = new Set(
  "President Prime Minister Foreign Defense Defence Finance Interior Secretary State Chief Staff General Lieutenant Major Colonel Admiral Commander Minister Ambassador Envoy Special Senator Representative Governor Mayor King Queen Prince Crown Sheikh Supreme Leader Chair Chairman Director Deputy Vice Mr Mrs Ms Dr Professor Former Acting Spokesperson Spokesman Spokeswoman Speaker Sen Rep Gen Lt Col".split(
    " ",
  ),
);
const NOT_NAMES = new Set(
  "I The A An In On At As But And Or If When While After Before Since For Its His Her Their Our Your My This That These Those There Here It He She They We You Both Neither Either Such Some Many Most Other Another Even Yet Still Instead However Meanwhile Although Though Because Despite Whether What Who Whom Whose Which Why How Where Then Now Also Only Just So Not No Yes All Any Each Every More Less One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next New Old Phase II III IV Mid Early Late".split(
    " ",
  ),
);
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const ORGANISATION =
  /\b(?:Corporation|Institute|Center|Centre|Council|Forum|Agency|Foundation|Ministry|Department|Party|Union|Committee|Bank|Fund|University|Organi[sz]ation|Group|Association|Commission|Office|Court|Parliament|Assembly|Authority|Cabinet|Coalition|Alliance|Company|Inc|Ltd)\b/;
const MILITARY = /\b(?:Forces?|Army|Navy|Guards?|Corps|Brigades?|Militia|Front|Movement)\b/;
const MEDIA =
  /\b(?:Times|Post|News|Journal|Herald|Gazette|Tribune|Telegraph|Guardian|Reuters|Press|Television|TV|Radio|Ledger|Review|Observer|Wire|Daily|Weekly|Axios|Bloomberg)\b/;
const PLACE_WORDS =
  /\b(?:Base|Strait|Sea|Gulf|Bay|River|Valley|Mountains?|Island|Province|Region|Street|Square|Airport|Port|Bank|Strip|Heights)$/;
const OTHER =
  /^(?:Operation|Twelve|Axis)\b|\b(?:War|Accords?|Agreement|Plan|Deal|Summit|Conference|Treaty|Day|Act|Doctrine|Initiative)$/;
const PERSON_CUE =
  /\b(?:said|says|told|argued|argues|wrote|writes|added|noted|explained|according to|chair|researcher|expert|analyst|professor|fellow|director|spokes\w+)\b/i;

/** Proper names in the article that no known actor's name covers, with a guessed kind. */
export function findCandidates(
  sentences: Sentence[],
  mentionsOf: (s: Sentence) => Mention[],
  nameWords: Set<string>,
): Candidate[] {
  // Capitalised words seen after the start of a sentence: only those may be names when they start one.
  const midCaps = new Set<string>();
  for (const s of sentences) {
    for (const m of s.text.matchAll(/(?<=[\p{L}\p{N},;:)”’]\s+)\p{Lu}[\p{L}’'-]*/gu))
      midCaps.add(m[0].replace(/['’]s?$/, ""));
  }
  const byName = new Map<string, Candidate>();
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const mentions = mentionsOf(sentence);
    for (const match of sentence.text.matchAll(NAME)) {
      // Split the run where a word is a title, a common word starting the sentence, or part of a known name,
      // so "Israeli Prime Minister Jane Roe" leaves "Jane Roe".
      let run: string[] = [];
      let runStart = match.index;
      let runAtStart = false;
      const flush = () => {
        while (run.length && CONNECTORS.test(run[run.length - 1]!)) run.pop();
        while (run.length && CONNECTORS.test(run[0]!)) run.shift();
        // One capitalised word starting a sentence is a name only if the article also capitalises it elsewhere.
        const lone = run.length === 1 && runAtStart && !midCaps.has(run[0]!.replace(/['’]s?$/, ""));
        if (run.length && !lone) record(run.join(" "), sentence, runStart, byName, nameWords);
        run = [];
      };
      let offset = match.index;
      for (const word of match[0].split(" ")) {
        const bare = word.replace(/['’]s?$/, "").replace(/[.]$/, "");
        const startsSentence =
          sentence.text
            .slice(0, offset)
            .replace(/[“"‘'(]/g, "")
            .trim() === "";
        const known = mentions.some((m) => offset < m.end && m.start < offset + word.length);
        const common = NOT_NAMES.has(bare) || TITLES.has(bare) || CALENDAR.test(bare);
        if (known || common) flush();
        else {
          if (!run.length) [runStart, runAtStart] = [offset, startsSentence];
          run.push(word);
        }
        offset += word.length + 1;
      }
      flush();
    }
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.sentence.index - b.sentence.index);
}

function record(
  raw: string,
  sentence: Sentence,
  index: number,
  byName: Map<string, Candidate>,
  nameWords: Set<string>,
) {
  const name = raw.replace(/['’]s?$/, "").replace(/[.,]$/, "");
  if (name.length < 2 || !/\p{Lu}/u.test(name)) return;
  if (!name.includes(" ") && nameWords.has(name)) return;
  const existing = byName.get(name);
  if (existing) {
    existing.count += 1;
    return;
  }
  byName.set(name, { name, kind: guessKind(name, sentence.text, index), count: 1, sentence });
}

function guessKind(name: string, sentence: string, index: number): CandidateKind {
  const before = sentence.slice(Math.max(0, index - 40), index);
  if (MEDIA.test(name)) return "media";
  if (MILITARY.test(name)) return "armed-group";
  if (ORGANISATION.test(name)) return "organisation";
  if (OTHER.test(name)) return "other";
  const words = name.split(" ");
  if (PLACE_WORDS.test(name)) return "place";
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    (PERSON_CUE.test(sentence) || [...TITLES].some((t) => before.includes(t)))
  )
    return "person";
  if (/\b(?:in|at|to|from|near|across|into|over|inside|outside)\s+(?:the\s+)?$/.test(before)) return "place";
  if (/^\p{Lu}{2,6}$/u.test(name)) return "organisation";
  return words.length >= 2 && words.length <= 3 ? "person" : "other";
}
