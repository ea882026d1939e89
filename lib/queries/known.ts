import "server-only";
import { prisma } from "@/lib/db";
import { memoize } from "./memo";

/** The slugs a URL may name. */
export interface KnownSlugs {
  actors: ReadonlySet<string>;
  issues: ReadonlySet<string>;
  articles: ReadonlySet<string>;
}

/** Every slug in the database, for checking the slugs a URL names. */
export const getKnownSlugs = memoize(async (): Promise<KnownSlugs> => {
  const [actors, issues, articles] = await Promise.all([
    prisma.actor.findMany({ select: { slug: true } }),
    prisma.issue.findMany({ select: { slug: true } }),
    prisma.article.findMany({ select: { slug: true } }),
  ]);
  return {
    actors: new Set(actors.map((r) => r.slug)),
    issues: new Set(issues.map((r) => r.slug)),
    articles: new Set(articles.map((r) => r.slug)),
  };
});
