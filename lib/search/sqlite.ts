import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { toFts5 } from "./fts5";
import { SEARCH_KINDS, type SearchKind } from "./kinds";
import { MARK_END, MARK_START } from "./marks";
import type { SearchStore, StoreHit, StoreRequest } from "./store";

// The SQLite store: an FTS5 index ("SearchIndex", migration 0003) over "SearchDocument". All of Faultlines' SQLite
// search SQL is here; every value is a bound parameter ($queryRaw tagged templates), and the MATCH expression is
// built from parsed, quoted terms (lib/search/fts5.ts).

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

/** Relevance weights of the indexed columns, in their order: title, aliases, body, involved actors' names. */
const WEIGHTS = Prisma.raw("8.0, 6.0, 1.0, 0.5");
/** Tokens of context a snippet shows around what matched. */
const SNIPPET_TOKENS = 28;

/** Fills the index from the SearchDocument rows just written, in the same transaction (db:build). */
export async function rebuildSqliteIndex(tx: Db): Promise<void> {
  await tx.$executeRaw`INSERT INTO "SearchIndex"("SearchIndex") VALUES ('rebuild')`;
  // One b-tree instead of the segments the rebuild wrote: the snapshot is read-only from here, so make reads cheap.
  await tx.$executeRaw`INSERT INTO "SearchIndex"("SearchIndex") VALUES ('optimize')`;
}

export function sqliteStore(db: Db): SearchStore {
  return {
    async search(request: StoreRequest) {
      const match = toFts5(request.query);
      const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
      if (match === null) return { counts, hits: [] };

      const from = Prisma.sql`"SearchIndex" JOIN "SearchDocument" d ON d."id" = "SearchIndex".rowid`;
      const facet = (name: "actor" | "article", slug: string | null) =>
        slug === null
          ? Prisma.empty
          : Prisma.sql`AND EXISTS (SELECT 1 FROM "SearchFacet" f WHERE f."documentId" = d."id" AND f."facet" = ${name} AND f."slug" = ${slug})`;
      const where = Prisma.sql`"SearchIndex" MATCH ${match} ${facet("actor", request.actor)} ${facet("article", request.article)}`;
      const exact =
        request.query.exactName === null
          ? Prisma.sql`0`
          : Prisma.sql`(instr(d."names", ${`|${request.query.exactName}|`}) > 0)`;
      // Not `ORDER BY 0`: SQLite reads a constant integer there as a column number.
      const exactFirst = request.query.exactName === null ? Prisma.empty : Prisma.sql`${exact} DESC,`;
      const score = Prisma.sql`bm25("SearchIndex", ${WEIGHTS}) * d."boost"`;

      const countRows = await db.$queryRaw<{ kind: string; n: number | bigint }[]>`
        SELECT d."kind" AS kind, COUNT(*) AS n FROM ${from} WHERE ${where} GROUP BY d."kind"`;
      for (const row of countRows) counts[row.kind as SearchKind] = Number(row.n);

      const kind = request.kind === null ? Prisma.empty : Prisma.sql`AND d."kind" = ${request.kind}`;
      // An exact name first (a hub before the pages that mention it), then relevance (bm25 is lower for better).
      const ranked =
        "perKind" in request.window
          ? // bm25() cannot be called inside a window function: score the matches first, then rank within kinds.
            await db.$queryRaw<{ id: number | bigint }[]>`
              WITH scored AS MATERIALIZED (
                SELECT d."id" AS id, d."kind" AS kind, ${exact} AS exact, ${score} AS score
                FROM ${from} WHERE ${where} ${kind}
              )
              SELECT id FROM (
                SELECT id, exact, score, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY exact DESC, score, id) AS rn
                FROM scored
              ) WHERE rn <= ${request.window.perKind} ORDER BY exact DESC, score, id`
          : await db.$queryRaw<{ id: number | bigint }[]>`
              SELECT d."id" AS id FROM ${from} WHERE ${where} ${kind}
              ORDER BY ${exactFirst} ${score}, d."id"
              LIMIT ${request.window.limit} OFFSET ${request.window.offset}`;
      const ids = ranked.map((r) => Number(r.id));
      if (ids.length === 0) return { counts, hits: [] };

      // Highlights and snippets only for the rows shown: they are the expensive part.
      const rows = await db.$queryRaw<RawHit[]>`
        SELECT d."id" AS id, d."kind" AS kind, d."key" AS key, d."label" AS label, d."issue" AS issue,
          d."article" AS article, d."actor" AS actor, d."paragraph" AS paragraph,
          highlight("SearchIndex", 0, ${MARK_START}, ${MARK_END}) AS title,
          highlight("SearchIndex", 1, ${MARK_START}, ${MARK_END}) AS aliases,
          snippet("SearchIndex", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS snippet
        FROM ${from}
        WHERE "SearchIndex" MATCH ${match} AND "SearchIndex".rowid IN (${Prisma.join(ids)})`;
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      const hits = ids.flatMap((id): StoreHit[] => {
        const r = byId.get(id);
        if (!r) return [];
        return [
          {
            kind: r.kind as SearchKind,
            key: r.key,
            label: r.label,
            issue: r.issue,
            article: r.article,
            actor: r.actor,
            paragraph: r.paragraph === null ? null : Number(r.paragraph),
            title: r.title ?? "",
            aliases: r.aliases ?? "",
            snippet: r.snippet ?? "",
          },
        ];
      });
      return { counts, hits };
    },
  };
}

interface RawHit {
  id: number | bigint;
  kind: string;
  key: string;
  label: string;
  issue: string | null;
  article: string | null;
  actor: string | null;
  paragraph: number | bigint | null;
  title: string | null;
  aliases: string | null;
  snippet: string | null;
}
