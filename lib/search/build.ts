import type { Prisma } from "@/generated/prisma/client";
import type { ResolvedContent } from "@/lib/content/types";
import { searchDocuments } from "./documents";
import { writeSqliteIndex } from "./sqlite";

/** Writes the search documents and builds the full-text index, inside db:build's load transaction. */
export async function loadSearchIndex(
  tx: Prisma.TransactionClient,
  content: ResolvedContent,
): Promise<number> {
  const { documents, facets, names } = searchDocuments(content);
  await writeSqliteIndex(tx, documents, facets, names);
  return documents.length;
}
