import type { PrismaClient } from "@/generated/prisma/client";
import { loadSearchIndex } from "@/lib/search/build";
import type { ResolvedContent, ResolvedEvidence } from "./types";

export interface LoadCounts {
  articles: number;
  paragraphs: number;
  actors: number;
  issues: number;
  events: number;
  positions: number;
  divergences: number;
  quotes: number;
  searchDocuments: number;
}

/**
 * Writes resolved content into an empty database in one transaction. Ids are assigned here, not by the database,
 * so every row can be written with one `createMany` per table. `search: false` leaves the search tables empty: the
 * index is SQLite FTS5 SQL, and PostgreSQL has no search store yet (README, "Running for a team on PostgreSQL").
 */
export async function loadContent(
  prisma: PrismaClient,
  content: ResolvedContent,
  meta: Record<string, string> = {},
  options: { search?: boolean } = {},
): Promise<LoadCounts> {
  const articleId = idMap(content.articles.map((a) => a.slug));
  const actorId = idMap(content.actors.map((a) => a.slug));
  const issueId = idMap(content.issues.map((i) => i.slug));
  const eventId = idMap(content.events.map((e) => e.slug));
  const paragraphId = new Map<string, number>();

  const paragraphs = content.articles.flatMap((article) =>
    article.paragraphs.map((p) => {
      const id = paragraphId.size + 1;
      paragraphId.set(`${article.slug}#${p.n}`, id);
      return { id, articleId: articleId(article.slug), ...p };
    }),
  );

  const evidence: {
    id: number;
    quote: string;
    paragraphId: number;
    start: number;
    end: number;
    sortOrder: number;
    eventId?: number;
    positionId?: number;
    divergenceId?: number;
  }[] = [];
  const addEvidence = (
    items: ResolvedEvidence[],
    owner: { eventId?: number; positionId?: number; divergenceId?: number },
  ) =>
    items.forEach((item, i) =>
      evidence.push({
        id: evidence.length + 1,
        quote: item.quote,
        paragraphId: paragraphId.get(`${item.article}#${item.paragraph}`)!,
        start: item.start,
        end: item.end,
        sortOrder: i,
        ...owner,
      }),
    );

  const events = content.events.map((event) => {
    const id = eventId(event.slug);
    addEvidence(event.evidence, { eventId: id });
    return {
      id,
      slug: event.slug,
      title: event.title,
      summary: event.summary,
      claim: event.claim,
      viaId: event.via ? actorId(event.via) : null,
      stated: event.date.stated,
      start: event.date.start,
      end: event.date.end,
      precision: event.date.precision,
      circa: event.date.circa,
      basis: event.date.basis,
      articleId: articleId(event.article),
    };
  });
  const positions = content.positions.map((position, i) => {
    addEvidence(position.evidence, { positionId: i + 1 });
    return {
      id: i + 1,
      actorId: actorId(position.actor),
      issueId: issueId(position.issue),
      articleId: articleId(position.article),
      stance: position.stance,
      summary: position.summary,
      claim: position.claim,
      voiceId: position.voice ? actorId(position.voice) : null,
      viaId: position.via ? actorId(position.via) : null,
      sortOrder: i,
    };
  });
  const divergences = content.divergences.map((d, i) => {
    addEvidence(d.evidence, { divergenceId: i + 1 });
    return {
      id: i + 1,
      issueId: issueId(d.issue),
      articleId: articleId(d.article),
      actorAId: actorId(d.a),
      actorBId: actorId(d.b),
      level: d.level,
      ratedBy: d.by,
      rationale: d.rationale,
    };
  });

  let searchDocuments = 0;
  await prisma.$transaction(
    async (tx) => {
      await tx.article.createMany({
        data: content.articles.map((a) => ({
          id: articleId(a.slug),
          slug: a.slug,
          title: a.title,
          publisher: a.publisher,
          url: a.url,
          kind: a.kind,
          publishedStart: a.published.start,
          publishedEnd: a.published.end,
          publishedPrecision: a.published.precision,
          publishedStated: a.published.stated,
          publishedBasis: a.published.basis,
          perspectiveText: a.perspective.text,
          perspectiveBasis: a.perspective.basis,
          notes: a.notes,
          rank: a.rank,
        })),
      });
      await tx.paragraph.createMany({ data: paragraphs });
      // Affiliations point at other actors: insert all actors first, then link them.
      await tx.actor.createMany({
        data: content.actors.map((a, i) => ({
          id: actorId(a.slug),
          slug: a.slug,
          name: a.name,
          kind: a.kind,
          description: a.description,
          sortOrder: i,
        })),
      });
      for (const actor of content.actors.filter((a) => a.affiliation)) {
        await tx.actor.update({
          where: { id: actorId(actor.slug) },
          data: { affiliationId: actorId(actor.affiliation!) },
        });
      }
      await tx.actorAlias.createMany({
        data: content.actors.flatMap((a) => a.aliases.map((alias) => ({ actorId: actorId(a.slug), alias }))),
      });
      await tx.issue.createMany({
        data: content.issues.map((issue, i) => ({
          id: issueId(issue.slug),
          slug: issue.slug,
          title: issue.title,
          summary: issue.summary,
          sortOrder: i,
        })),
      });
      await tx.issueRelation.createMany({
        data: content.issues.flatMap((issue) =>
          issue.related.map((slug) => ({ fromId: issueId(issue.slug), toId: issueId(slug) })),
        ),
      });
      await tx.event.createMany({ data: events });
      await tx.eventActor.createMany({
        data: content.events.flatMap((e) =>
          e.actors.map((slug) => ({ eventId: eventId(e.slug), actorId: actorId(slug) })),
        ),
      });
      await tx.eventIssue.createMany({
        data: content.events.flatMap((e) =>
          e.issues.map((slug) => ({ eventId: eventId(e.slug), issueId: issueId(slug) })),
        ),
      });
      await tx.eventSource.createMany({
        data: content.events.flatMap((e) =>
          [...new Set([e.article, ...e.evidence.map((q) => q.article)])].map((slug) => ({
            eventId: eventId(e.slug),
            articleId: articleId(slug),
          })),
        ),
      });
      await tx.position.createMany({ data: positions });
      await tx.divergence.createMany({ data: divergences });
      await tx.evidence.createMany({ data: evidence });
      await tx.articleActor.createMany({
        data: content.articleActors.map((link, i) => ({
          articleId: articleId(link.article),
          actorId: actorId(link.actor),
          paragraph: link.evidence[0]!.paragraph,
          quote: link.evidence[0]!.quote,
          sortOrder: i,
        })),
      });
      await tx.meta.createMany({ data: Object.entries(meta).map(([key, value]) => ({ key, value })) });
      if (options.search !== false) searchDocuments = await loadSearchIndex(tx, content);
    },
    { timeout: 120_000 },
  );

  return {
    articles: content.articles.length,
    paragraphs: paragraphs.length,
    actors: content.actors.length,
    issues: content.issues.length,
    events: events.length,
    positions: positions.length,
    divergences: divergences.length,
    quotes: evidence.length,
    searchDocuments,
  };
}

function idMap(slugs: string[]): (slug: string) => number {
  const ids = new Map(slugs.map((slug, i) => [slug, i + 1]));
  return (slug) => {
    const id = ids.get(slug);
    if (id === undefined)
      throw new Error(`internal: no id for "${slug}" (the resolve stage should have caught this)`);
    return id;
  };
}
