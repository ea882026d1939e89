import type { Level } from "@/lib/domain";
import type { MatrixRow } from "@/lib/queries/matrix";
import type { ActorRef, ArticleRef, PositionView } from "@/lib/queries/types";

// Small hand-made matrices for the pure matrix and series functions.

const US: ActorRef = { slug: "us", name: "United States", kind: "state" };
const ISRAEL: ActorRef = { slug: "israel", name: "Israel", kind: "state" };

/** An article snapshot published on `date` (YYYY-MM-DD: a day; YYYY-MM: a month). */
export function matrixArticle(slug: string, rank: number, date: string): ArticleRef {
  const isDay = date.length === 10;
  return {
    slug,
    title: slug,
    publisher: null,
    rank,
    perspective: { text: "", basis: "" },
    published: {
      start: isDay ? date : `${date}-01`,
      end: isDay ? date : `${date}-28`,
      precision: isDay ? "day" : "month",
      stated: null,
      basis: "",
    },
  };
}

/**
 * A row with one cell per snapshot: a level (rated, with both positions unless "none"), "positions" (positions
 * but no rating) or null (not covered).
 */
export function matrixRow(slug: string, cells: [ArticleRef, Level | "positions" | null][]): MatrixRow {
  const issue = { slug, title: slug };
  const position = (actor: ActorRef, article: ArticleRef): PositionView => ({
    actor,
    issue,
    article,
    stance: `${actor.slug} stance`,
    summary: "",
    claim: "statement",
    voice: null,
    via: null,
    evidence: [],
  });
  return {
    issue,
    cells: cells.map(([article, level]) => ({
      article,
      divergence:
        level && level !== "positions"
          ? { issue, article, a: US, b: ISRAEL, level, ratedBy: "source", rationale: "", evidence: [] }
          : null,
      a: level ? position(US, article) : null,
      b: level && level !== "none" ? position(ISRAEL, article) : null,
    })),
  };
}
