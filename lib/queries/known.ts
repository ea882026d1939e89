import "server-only";
import { prisma } from "@/lib/db";

export interface KnownSlugs {
  actors: Set<string>;
  issues: Set<string>;
  articles: Set<string>;
}

let known: Promise<KnownSlugs> | undefined;

/** Every slug in the database. The server's database never changes while it runs, so this is read once. */
export function getKnownSlugs(): Promise<KnownSlugs> {
  known ??= Promise.all([
    prisma.actor.findMany({ select: { slug: true } }),
    prisma.issue.findMany({ select: { slug: true } }),
    prisma.article.findMany({ select: { slug: true } }),
  ]).then(([actors, issues, articles]) => ({
    actors: new Set(actors.map((r) => r.slug)),
    issues: new Set(issues.map((r) => r.slug)),
    articles: new Set(articles.map((r) => r.slug)),
  }));
  known.catch(() => (known = undefined));
  return known;
}
