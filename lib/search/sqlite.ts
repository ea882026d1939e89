import { Prisma } from "@/generated/prisma/client";
import {
  KIND_BLOCK,
  KIND_BOOST,
  kindOfId,
  type SearchDocumentRow,
  type SearchFacetRow,
  type SearchNameRow,
} from "./documents";
import { toFts5 } from "./fts5";
import { SEARCH_KINDS, type SearchKind } from "./kinds";
import { MARK_END, MARK_START } from "./marks";
import { type Db, writeSearchRows } from "./rows";
import { kindCounts, rankedSlices, type SearchStore, type StoreHit, type StoreRequest } from "./store";

// The SQLite store: an FTS5 index ("SearchIndex", migration 0003) over "SearchDocument". All of Faultlines' SQLite
// search SQL is here; every value is a bound parameter ($queryRaw tagged templates), and the MATCH expression is
// built from parsed, quoted terms (lib/search/fts5.ts).

/** Relevance weights of the indexed columns, in their order: title, aliases, body, involved actors' names. */
const WEIGHTS = Prisma.raw("8.0, 6.0, 1.0, 0.5");
/** Tokens of context a snippet shows around what matched. */
export const SNIPPET_TOKENS = 28;

/** Writes the documents and facets, then fills the index from them, inside db:build's transaction. */
export async function writeSqliteIndex(
  tx: Db,
  documents: SearchDocumentRow[],
  facets: SearchFacetRow[],
  names: SearchNameRow[],
): Promise<void> {
  await writeSearchRows(tx, documents, facets, names);
  await rebuildSqliteIndex(tx);
}

async function rebuildSqliteIndex(tx: Db): Promise<void> {
  await tx.$executeRaw`INSERT INTO "SearchIndex"("SearchIndex") VALUES ('rebuild')`;
  // No 'optimize' after it: on the 5,000-event corpus it left 1.3 MB of free pages and no query got faster.
}

// A document's kind is its id's block (lib/search/documents.ts), so matches are counted, filtered by kind and
// weighed from the index alone, without reading a SearchDocument row per match.
const KIND = Prisma.raw(`("SearchIndex".rowid / ${KIND_BLOCK})`);
const BOOST = Prisma.raw(
  `(CASE ("SearchIndex".rowid / ${KIND_BLOCK}) ${SEARCH_KINDS.map((k, i) => `WHEN ${i} THEN ${KIND_BOOST[k]}`).join(" ")} ELSE 1 END)`,
);

export function sqliteStore(db: Db): SearchStore {
  return {
    async search(request: StoreRequest) {
      const match = toFts5(request.query);
      const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
      if (match === null) return { counts, hits: [] };

      const facet = (name: "actor" | "article", slug: string | null) =>
        slug === null
          ? Prisma.empty
          : Prisma.sql`AND EXISTS (SELECT 1 FROM "SearchFacet" f WHERE f."documentId" = "SearchIndex".rowid AND f."facet" = ${name} AND f."slug" = ${slug})`;
      const where = Prisma.sql`"SearchIndex" MATCH ${match} ${facet("actor", request.actor)} ${facet("article", request.article)}`;
      const score = Prisma.sql`bm25("SearchIndex", ${WEIGHTS}) * ${BOOST}`;
      // An exact name first (a hub before the pages that mention it); `ORDER BY 0` would mean a column number.
      const exactFirst =
        request.query.exactName === null
          ? Prisma.empty
          : Prisma.sql`("SearchIndex".rowid IN (SELECT "documentId" FROM "SearchName" WHERE "name" = ${request.query.exactName})) DESC,`;

      const countRows = await db.$queryRaw<{ k: number | bigint; n: number | bigint }[]>`
        SELECT ${KIND} AS k, COUNT(*) AS n FROM "SearchIndex" WHERE ${where} GROUP BY k`;
      Object.assign(counts, kindCounts(countRows));

      // Then relevance (bm25 is lower for better). The overview asks each kind that matched for its best few: a
      // bounded sort per kind over its id range, cheaper than ranking every match in one window.
      const slices = rankedSlices(request, counts);
      const ranked: { id: number | bigint }[] = [];
      for (const slice of slices) {
        const block = slice.kind === null ? -1 : SEARCH_KINDS.indexOf(slice.kind);
        const kind =
          block < 0
            ? Prisma.empty
            : Prisma.sql`AND "SearchIndex".rowid BETWEEN ${block * KIND_BLOCK} AND ${(block + 1) * KIND_BLOCK - 1}`;
        ranked.push(
          ...(await db.$queryRaw<{ id: number | bigint }[]>`
            SELECT "SearchIndex".rowid AS id FROM "SearchIndex" WHERE ${where} ${kind}
            ORDER BY ${exactFirst} ${score}, "SearchIndex".rowid
            LIMIT ${slice.limit} OFFSET ${slice.offset}`),
        );
      }
      const ids = ranked.map((r) => Number(r.id));
      if (ids.length === 0) return { counts, hits: [] };

      // Highlights and snippets only for the rows shown: they are the expensive part.
      const rows = await db.$queryRaw<RawHit[]>`
        SELECT d."id" AS id, d."key" AS key, d."label" AS label, d."issue" AS issue,
          d."article" AS article, d."actor" AS actor, d."paragraph" AS paragraph,
          highlight("SearchIndex", 0, ${MARK_START}, ${MARK_END}) AS title,
          highlight("SearchIndex", 1, ${MARK_START}, ${MARK_END}) AS aliases,
          snippet("SearchIndex", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS snippet
        FROM "SearchIndex" JOIN "SearchDocument" d ON d."id" = "SearchIndex".rowid
        WHERE "SearchIndex" MATCH ${match} AND "SearchIndex".rowid IN (${Prisma.join(ids)})`;
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      const hits = ids.flatMap((id): StoreHit[] => {
        const r = byId.get(id);
        if (!r) return [];
        return [
          {
            kind: kindOfId(id),
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
