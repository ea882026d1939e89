import { Document, isMap, isScalar } from "yaml";
import type { Draft } from "./index";

const HEADER = (slug: string) =>
  [
    ` Draft annotations for articles/${slug}.md, written by npm run article:add.`,
    ` Nothing here is published. Accept an item by moving it, as it is or edited, into`,
    ` annotations/${slug}.yaml under the same key:`,
    ` events, positions and actors have the reviewed shapes. Titles, summaries and stances are drafts taken from`,
    ` the text: write them in our words. mentions, candidates, dates, not_events and issues are what the assist`,
    ` found, for reference; delete what you have used. npm run content:check counts what is left.`,
  ].join("\n");

const COMMENTS: Record<keyof Draft, string> = {
  events: " Sentences with a known actor and a date phrase that report something that happened.",
  positions: " The best sentence per issue for each side of the default pair.",
  actors: " Known actors the article names (first sentences as evidence).",
  mentions: " Every known-actor mention: the words matched and the sentence.",
  candidates: " Proper names that match no known actor, with a guessed kind: new actors, or nothing.",
  dates: " Every date phrase, resolved on the publication date.",
  not_events:
    " Dated sentences with an actor that are threats, plans, forecasts, conditions or did not happen.",
  issues: " Issues from issues.yaml the article is about.",
};

/** content/drafts/<slug>.yaml, with a comment above each section saying what it holds. */
export function draftFileText(slug: string, draft: Draft): string {
  const doc = new Document(draft, { aliasDuplicateObjects: false });
  doc.commentBefore = HEADER(slug);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue;
      const comment = COMMENTS[String(pair.key.value) as keyof Draft];
      if (!comment) continue;
      pair.key.commentBefore = comment;
      pair.key.spaceBefore = true;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
