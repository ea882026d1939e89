import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { SearchDocumentRow, SearchFacetRow, SearchNameRow } from "./documents";

// The search documents, facets and names as rows: plain INSERTs that read the same on SQLite and PostgreSQL. Each
// store then builds its own full-text index over them (lib/search/sqlite.ts, lib/search/postgres.ts).

export type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

const DOCUMENT_COLUMNS = [
  "id",
  "kind",
  "key",
  "label",
  "title",
  "aliases",
  "body",
  "involved",
  "issue",
  "article",
  "actor",
  "paragraph",
] as const satisfies readonly (keyof SearchDocumentRow)[];
/** Rows per INSERT: under SQLite's 32,766 bound parameters (and PostgreSQL's 65,535) with room to spare. */
const CHUNK = 500;

/**
 * Multi-row INSERTs rather than createMany: on 11,000 documents createMany took 18 s and this 0.5 s (npm run bench,
 * 5,000 events, SQLite).
 */
export async function writeSearchRows(
  tx: Db,
  documents: SearchDocumentRow[],
  facets: SearchFacetRow[],
  names: SearchNameRow[],
): Promise<void> {
  const columns = Prisma.raw(DOCUMENT_COLUMNS.map((c) => `"${c}"`).join(", "));
  for (let i = 0; i < documents.length; i += CHUNK) {
    const rows = documents
      .slice(i, i + CHUNK)
      .map((d) => Prisma.sql`(${Prisma.join(DOCUMENT_COLUMNS.map((c) => d[c]))})`);
    await tx.$executeRaw`INSERT INTO "SearchDocument" (${columns}) VALUES ${Prisma.join(rows)}`;
  }
  for (let i = 0; i < facets.length; i += CHUNK * 4) {
    const rows = facets
      .slice(i, i + CHUNK * 4)
      .map((f) => Prisma.sql`(${f.documentId}, ${f.facet}, ${f.slug})`);
    await tx.$executeRaw`INSERT INTO "SearchFacet" ("documentId", "facet", "slug") VALUES ${Prisma.join(rows)}`;
  }
  for (let i = 0; i < names.length; i += CHUNK * 4) {
    const rows = names.slice(i, i + CHUNK * 4).map((n) => Prisma.sql`(${n.name}, ${n.documentId})`);
    await tx.$executeRaw`INSERT INTO "SearchName" ("name", "documentId") VALUES ${Prisma.join(rows)}`;
  }
}
