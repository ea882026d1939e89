import { Prisma } from "@/generated/prisma/client";
import {
  KIND_BLOCK,
  KIND_BOOST,
  kindOfId,
  type SearchDocumentRow,
  type SearchFacetRow,
  type SearchNameRow,
} from "./documents";
import { SEARCH_KINDS, type SearchKind } from "./kinds";
import { MARK_END, MARK_START } from "./marks";
import { type Db, writeSearchRows } from "./rows";
import { SNIPPET_TOKENS } from "./sqlite";
import { kindCounts, rankedSlices, type SearchStore, type StoreHit, type StoreRequest } from "./store";
import { toTsquery, TS_CONFIG } from "./tsquery";

// The PostgreSQL store: a generated, weighted `tsvector` column on "SearchDocument" with a GIN index (migration
// prisma/postgres/migrations/0003_search_index). All of Faultlines' PostgreSQL search SQL is here; every value is a
// bound parameter, and the tsquery is built from parsed terms (lib/search/tsquery.ts). It answers the same
// questions as the SQLite store, in the same shape: the same matches, counts and filters; only the order among
// equally exact hits follows PostgreSQL's ts_rank instead of FTS5's bm25 (README, "Search on PostgreSQL").

/**
 * ts_rank's weights for D, C, B, A — involved, body, aliases, title — in the ratio of the SQLite store's bm25
 * weights (0.5, 1, 6, 8), scaled into ts_rank's 0–1.
 */
const WEIGHTS = Prisma.raw(`'{0.0625, 0.125, 0.75, 1.0}'::float4[]`);
/** Rank divided by 1 + log(document length), as bm25 favours the shorter of two equal matches. */
const NORMALIZATION = 1;
/** A whole field marked (titles, aliases), and a stretch of the body the length of FTS5's snippet. */
const HIGHLIGHT_ALL = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
// MinWords just under MaxWords: FTS5 shows a fixed window of words, ts_headline by default a shorter one.
const SNIPPET = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${SNIPPET_TOKENS}, MinWords=${SNIPPET_TOKENS - 1}, ShortWord=0`;
const ELLIPSIS = "…";

/** Writes the documents and facets inside db:build's transaction; PostgreSQL fills the vector column itself. */
export async function writePostgresIndex(
  tx: Db,
  documents: SearchDocumentRow[],
  facets: SearchFacetRow[],
  names: SearchNameRow[],
): Promise<void> {
  await writeSearchRows(tx, documents, facets, names);
}

// A document's kind is its id's block (lib/search/documents.ts), as in the SQLite store.
const KIND = Prisma.raw(`(d."id" / ${KIND_BLOCK})`);
const BOOST = Prisma.raw(
  `(CASE (d."id" / ${KIND_BLOCK}) ${SEARCH_KINDS.map((k, i) => `WHEN ${i} THEN ${KIND_BOOST[k]}`).join(" ")} ELSE 1 END)`,
);

export function postgresStore(db: Db): SearchStore {
  return {
    async search(request: StoreRequest) {
      const tsquery = toTsquery(request.query);
      const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
      if (tsquery === null) return { counts, hits: [] };

      // The query is computed once per statement; `q.q` below is that tsquery.
      const from = Prisma.sql`(SELECT ${tsquery} AS q) q CROSS JOIN "SearchDocument" d`;
      const facet = (name: "actor" | "article", slug: string | null) =>
        slug === null
          ? Prisma.empty
          : Prisma.sql`AND EXISTS (SELECT 1 FROM "SearchFacet" f WHERE f."documentId" = d."id" AND f."facet" = ${name} AND f."slug" = ${slug})`;
      const where = Prisma.sql`d."searchVector" @@ q.q ${facet("actor", request.actor)} ${facet("article", request.article)}`;
      const score = Prisma.sql`ts_rank(${WEIGHTS}, d."searchVector", q.q, ${NORMALIZATION}) * ${BOOST}`;
      const exactFirst =
        request.query.exactName === null
          ? Prisma.empty
          : Prisma.sql`(d."id" IN (SELECT "documentId" FROM "SearchName" WHERE "name" = ${request.query.exactName})) DESC,`;

      const countRows = await db.$queryRaw<{ k: number; n: number }[]>`
        SELECT ${KIND}::int AS k, COUNT(*)::int AS n FROM ${from} WHERE ${where} GROUP BY 1`;
      Object.assign(counts, kindCounts(countRows));

      // Then relevance (higher is better), then the id: the same stable tiebreak as the SQLite store.
      const slices = rankedSlices(request, counts);
      const ids: number[] = [];
      for (const slice of slices) {
        const block = slice.kind === null ? -1 : SEARCH_KINDS.indexOf(slice.kind);
        const kind =
          block < 0
            ? Prisma.empty
            : Prisma.sql`AND d."id" BETWEEN ${block * KIND_BLOCK} AND ${(block + 1) * KIND_BLOCK - 1}`;
        const rows = await db.$queryRaw<{ id: number }[]>`
          SELECT d."id" AS id FROM ${from} WHERE ${where} ${kind}
          ORDER BY ${exactFirst} ${score} DESC, d."id"
          LIMIT ${slice.limit} OFFSET ${slice.offset}`;
        ids.push(...rows.map((r) => Number(r.id)));
      }
      if (ids.length === 0) return { counts, hits: [] };

      // Highlights and snippets only for the rows shown: ts_headline re-reads the text, the expensive part.
      const rows = await db.$queryRaw<RawHit[]>`
        SELECT d."id" AS id, d."key" AS key, d."label" AS label, d."issue" AS issue,
          d."article" AS article, d."actor" AS actor, d."paragraph" AS paragraph, d."body" AS body,
          ts_headline(${TS_CONFIG}, d."title", q.q, ${HIGHLIGHT_ALL}) AS title,
          ts_headline(${TS_CONFIG}, d."aliases", q.q, ${HIGHLIGHT_ALL}) AS aliases,
          ts_headline(${TS_CONFIG}, d."body", q.q, ${SNIPPET}) AS snippet
        FROM ${from} WHERE d."id" IN (${Prisma.join(ids)})`;
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
            snippet: withEllipses(r.snippet ?? "", r.body),
          },
        ];
      });
      return { counts, hits };
    },
  };
}

/** An ellipsis where the snippet cuts the text, as FTS5's snippet() writes one. */
function withEllipses(snippet: string, body: string): string {
  const plain = snippet.replaceAll(MARK_START, "").replaceAll(MARK_END, "");
  if (plain === "" || plain === body) return snippet;
  const at = body.indexOf(plain);
  if (at < 0) return snippet;
  const before = body.slice(0, at).trim() === "" ? "" : ELLIPSIS;
  const after = body.slice(at + plain.length).trim() === "" ? "" : ELLIPSIS;
  return before + snippet + after;
}

interface RawHit {
  id: number;
  key: string;
  label: string;
  issue: string | null;
  article: string | null;
  actor: string | null;
  paragraph: number | null;
  body: string;
  title: string | null;
  aliases: string | null;
  snippet: string | null;
}
