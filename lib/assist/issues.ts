// Which of the known policy issues a sentence is about, from the words of each issue's title and summary. A word
// counts for less the more issues use it (inverse document frequency over issues.yaml), so "Iran" in a corpus about
// Iran decides nothing and "missile" decides a lot. Spelling variants and plurals are folded first.

export interface KnownIssue {
  slug: string;
  title: string;
  summary: string;
}

export interface IssueScore {
  issue: string;
  score: number;
  /** Distinct title words found. */
  titleWords: string[];
}

const STOP = new Set(
  "a an and the of in on at to for from by with as or but not no its it is are was were be been has have had that this these those which who whom whose what when where how why than then their them they there his her he she we our us you your i into over under after before about between against during without within through whether should would could can may might must will also other such any all some more most less own only same so very new first second".split(
    " ",
  ),
);
const VARIANTS: [RegExp, string][] = [
  [/programme/g, "program"],
  [/defence/g, "defense"],
  [/ise(s|d)?$/g, "ize$1"],
  [/isation/g, "ization"],
  [/our$/g, "or"],
];

/** Lower case, possessives and plurals removed, British spellings folded to one form. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s?$/, "");
  for (const [from, to] of VARIANTS) w = w.replace(from, to);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  return w;
}

function words(text: string): string[] {
  return (text.match(/[\p{L}][\p{L}’'-]*/gu) ?? [])
    .flatMap((w) => w.split("-"))
    .map(stem)
    .filter((w) => w.length > 2 && !STOP.has(w));
}

export interface IssueMatcher {
  score(sentence: string): IssueScore[];
  /** Issues sharing at least one title word with the sentence, however weakly: the last resort for an event. */
  touching(sentence: string): string[];
}

export function buildIssueMatcher(issues: KnownIssue[]): IssueMatcher {
  const docs = issues.map((issue) => ({
    slug: issue.slug,
    title: new Set(words(issue.title)),
    summary: new Set(words(issue.summary)),
  }));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set([...d.title, ...d.summary])) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((docs.length + 1) / (df.get(w) ?? 1));
  return {
    touching(sentence) {
      const present = new Set(words(sentence));
      return docs.filter((d) => [...d.title].some((w) => present.has(w))).map((d) => d.slug);
    },
    score(sentence) {
      const present = new Set(words(sentence));
      return docs
        .map((d) => {
          const titleWords = [...d.title].filter((w) => present.has(w));
          const summaryWords = [...d.summary].filter((w) => present.has(w) && !d.title.has(w));
          const score =
            titleWords.reduce((n, w) => n + 2 * idf(w), 0) + summaryWords.reduce((n, w) => n + idf(w), 0);
          // One word of the title that no other issue uses is enough; otherwise two words, one from the title.
          const unique = titleWords.some((w) => df.get(w) === 1);
          const about = titleWords.length > 0 && (unique || titleWords.length + summaryWords.length >= 2);
          return { issue: d.slug, score: about ? score : 0, titleWords };
        })
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score);
    },
  };
}
