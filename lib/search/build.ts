import type { Prisma } from "@/generated/prisma/client";
import type { ResolvedContent } from "@/lib/content/types";
import { searchDocuments } from "./documents";
import { rebuildSqliteIndex } from "./sqlite";

/** Writes the search documents and builds the full-text index, inside db:build's load transaction. */
export async function loadSearchIndex(
  tx: Prisma.TransactionClient,
  content: ResolvedContent,
): Promise<number> {
  const { documents, facets } = searchDocuments(content);
  await tx.searchDocument.createMany({ data: documents });
  await tx.searchFacet.createMany({ data: facets });
  await rebuildSqliteIndex(tx);
  return documents.length;
}
