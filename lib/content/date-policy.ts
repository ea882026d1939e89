import { isIsoDay } from "@/lib/dates";
import type { ContentIssue } from "./errors";
import type { LocatedYaml, Path } from "./parse";
import type { Annotation, DateBound, DateBounds, Frontmatter } from "./schema";
import type { ResolvedContent } from "./types";
import { issueAt } from "./validate";

// The dating policy of content/README.md ("Dates"), checked on the resolved dates. A date wider than a year must
// say, in `bounds`, what bounds it on each side; any bound that names an event or the publication must hold.

/** The validated files the check needs (the resolve stage's input has this shape). */
export interface DatePolicyInput {
  articles: { slug: string; frontmatter: Frontmatter; loc: LocatedYaml }[];
  annotations: { slug: string; value: Annotation; loc: LocatedYaml }[];
}

interface Span {
  start: string;
  end: string;
}

export function checkDatePolicy(
  input: DatePolicyInput,
  content: Pick<ResolvedContent, "articles" | "events">,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const published = new Map(content.articles.map((a) => [a.slug, a.published]));
  const events = new Map(content.events.map((e) => [`${e.article}|${e.slug}`, e.date]));
  const eventSpans = new Map(content.events.map((e) => [e.slug, e.date]));

  const check = (
    loc: LocatedYaml,
    path: Path,
    what: string,
    span: Span,
    bounds: DateBounds | undefined,
    publication: Span | null,
  ) => {
    if (!span.start || !span.end) return; // the resolve stage has already reported why there is no date
    const report = (at: Path, message: string) => issues.push(issueAt(loc, [...path, ...at], message));
    if (!bounds) {
      if (isWiderThanAYear(span)) {
        report(
          ["start"],
          `${what} ${span.start}–${span.end} is wider than a year and gives no reason: narrow it, or say what bounds it on each side with "bounds: { after, before }" (content/README.md, "Dates")`,
        );
      }
      return;
    }
    const side = (key: "after" | "before", bound: DateBound) => {
      const at = ["bounds", key];
      if (bound === "published") {
        if (!publication) return report(at, `a publication date cannot be bounded by its own publication`);
        if (key === "after")
          return report(at, `"after: published" cannot hold: the article reports only what came before it`);
        if (span.end > publication.end)
          report(at, `${what} ends ${span.end}, after the publication (${publication.end}) that bounds it`);
        return;
      }
      if ("note" in bound) return;
      const other = eventSpans.get(bound.event);
      if (!other) return report([...at, "event"], `unknown event "${bound.event}" as a bound`);
      if (!other.start) return;
      if (key === "after" && span.start < other.start) {
        report(
          at,
          `${what} starts ${span.start}, before the event "${bound.event}" (from ${other.start}) that bounds it from below`,
        );
      }
      if (key === "before" && span.end > other.end) {
        report(
          at,
          `${what} ends ${span.end}, after the event "${bound.event}" (to ${other.end}) that bounds it from above`,
        );
      }
    };
    side("after", bounds.after);
    side("before", bounds.before);
  };

  for (const article of input.articles) {
    const span = published.get(article.slug);
    if (span) {
      check(
        article.loc,
        ["published"],
        "the publication date",
        span,
        article.frontmatter.published.bounds,
        null,
      );
    }
  }
  for (const annotation of input.annotations) {
    const publication = published.get(annotation.slug) ?? null;
    annotation.value.events.forEach((entry, i) => {
      const date = entry.date && events.get(`${annotation.slug}|${entry.slug}`);
      if (!entry.date || !date) return;
      const self = entry.date.bounds;
      for (const key of ["after", "before"] as const) {
        const bound = self?.[key];
        if (bound && typeof bound === "object" && "event" in bound && bound.event === entry.slug) {
          issues.push(
            issueAt(annotation.loc, ["events", i, "date", "bounds", key], "an event cannot bound itself"),
          );
          return;
        }
      }
      check(annotation.loc, ["events", i, "date"], "the date", date, self, publication);
    });
  }
  return issues;
}

/** Whether a span covers more than a year: its end is on or after the same calendar day a year after its start. */
export function isWiderThanAYear({ start, end }: Span): boolean {
  const sameDay = `${String(Number(start.slice(0, 4)) + 1).padStart(4, "0")}${start.slice(4)}`;
  // 29 February has no twin a year later; the year then ends on 28 February.
  const yearLater = isIsoDay(sameDay) ? sameDay : sameDay.replace(/-02-29$/, "-03-01");
  return end >= yearLater;
}
