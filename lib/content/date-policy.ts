import { isIsoDay } from "@/lib/dates";
import type { ContentProblem } from "./errors";
import type { LocatedYaml, Path } from "./parse";
import type { DateBound, DateBounds, Frontmatter } from "./schema";
import type { ResolvedContent } from "./types";
import { problemAt, type ValidatedAnnotation } from "./validate";

// The dating policy of content/README.md ("Dates"), checked on the resolved dates. A date wider than a year must
// say, in `bounds`, what bounds it on each side; any bound that names an event or the publication must hold.

/** The validated files the check needs (the resolve stage's input has this shape). */
export interface DatePolicyInput {
  articles: { slug: string; frontmatter: Frontmatter; loc: LocatedYaml }[];
  annotations: ({ slug: string; loc: LocatedYaml } & ValidatedAnnotation)[];
}

interface Span {
  start: string;
  end: string;
}

/** Where a date is written, and what it is called in messages. */
export interface DateSite {
  loc: LocatedYaml;
  path: Path;
  /** The key its first day is written under: `start` in annotations, `date` in frontmatter. */
  startKey: string;
  what: string;
  /** The publication of the article that reports it; null for a publication date itself. */
  publication: Span | null;
}

export function checkDatePolicy(
  input: DatePolicyInput,
  content: Pick<ResolvedContent, "articles" | "events">,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const published = new Map(content.articles.map((a) => [a.slug, a.published]));
  const eventDates = new Map(content.events.map((e) => [`${e.article}|${e.slug}`, e.date]));
  const eventSpans = new Map(content.events.map((e) => [e.slug, e.date]));
  const check = (site: DateSite, span: Span, bounds: DateBounds | undefined) =>
    problems.push(...checkDateBounds(site, span, bounds, eventSpans));

  for (const { slug, frontmatter, loc } of input.articles) {
    const span = published.get(slug);
    const site = {
      loc,
      path: ["published"],
      startKey: "date",
      what: "the publication date",
      publication: null,
    };
    if (span) check(site, span, frontmatter.published.bounds);
  }
  for (const { slug, events, loc } of input.annotations) {
    const publication = published.get(slug) ?? null;
    for (const { path: entryPath, value: entry } of events) {
      if (entry.kind !== "definition") continue;
      const date = eventDates.get(`${slug}|${entry.slug}`);
      if (!date) continue;
      const path = [...entryPath, "date"];
      const self = (["after", "before"] as const).find((key) => {
        const bound = entry.date.bounds?.[key];
        return typeof bound === "object" && "event" in bound && bound.event === entry.slug;
      });
      if (self) {
        problems.push(problemAt(loc, [...path, "bounds", self], "an event cannot bound itself"));
        continue;
      }
      check({ loc, path, startKey: "start", what: "the date", publication }, date, entry.date.bounds);
    }
  }
  return problems;
}

/**
 * One date against the policy: a date wider than a year names what bounds it, and every bound that names an event
 * (`eventSpans`, by slug) or the publication holds.
 */
export function checkDateBounds(
  site: DateSite,
  span: Span,
  bounds: DateBounds | undefined,
  eventSpans: ReadonlyMap<string, Span>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!span.start || !span.end) return problems; // the resolve stage has already said why there is no date
  const report = (at: Path, message: string) =>
    problems.push(problemAt(site.loc, [...site.path, ...at], message));
  if (!bounds) {
    if (isWiderThanAYear(span)) {
      report(
        [site.startKey],
        `${site.what} ${span.start}–${span.end} is wider than a year and gives no reason: narrow it, or say what bounds it on each side with "bounds: { after, before }" (content/README.md, "Dates")`,
      );
    }
    return problems;
  }
  const side = (key: "after" | "before", bound: DateBound) => {
    const at = ["bounds", key];
    if (bound === "published") {
      if (!site.publication) return report(at, "a publication date cannot be bounded by its own publication");
      if (key === "after")
        return report(at, `"after: published" cannot hold: an article reports only what came before it`);
      if (span.end > site.publication.end) {
        report(
          at,
          `${site.what} ends ${span.end}, after the publication (${site.publication.end}) that bounds it`,
        );
      }
      return;
    }
    if ("note" in bound) return;
    const other = eventSpans.get(bound.event);
    if (!other) return report([...at, "event"], `unknown event "${bound.event}" as a bound`);
    if (!other.start) return;
    if (key === "after" && span.start < other.start) {
      report(
        at,
        `${site.what} starts ${span.start}, before the event "${bound.event}" (from ${other.start}) that bounds it from below`,
      );
    }
    if (key === "before" && span.end > other.end) {
      report(
        at,
        `${site.what} ends ${span.end}, after the event "${bound.event}" (to ${other.end}) that bounds it from above`,
      );
    }
  };
  side("after", bounds.after);
  side("before", bounds.before);
  return problems;
}

/** Whether a span covers more than a year: its end is on or after the same calendar day a year after its start. */
export function isWiderThanAYear({ start, end }: Span): boolean {
  const sameDay = `${String(Number(start.slice(0, 4)) + 1).padStart(4, "0")}${start.slice(4)}`;
  // 29 February has no twin a year later: the year from it runs to 28 February.
  const yearLater = isIsoDay(sameDay) ? sameDay : sameDay.replace(/-02-29$/, "-03-01");
  return end >= yearLater;
}
