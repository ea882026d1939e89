import type { Prisma } from "@/generated/prisma/client";
import type { ResolvedContent } from "@/lib/content/types";
import type { Store } from "@/lib/env";
import { searchDocuments } from "./documents";
import { writePostgresIndex } from "./postgres";
import { writeSqliteIndex } from "./sqlite";

/** Writes the search documents and builds the full-text index, inside db:build's load transaction. */
export async function loadSearchIndex(
  tx: Prisma.TransactionClient,
  content: ResolvedContent,
  store: Store,
): Promise<number> {
  const { documents, facets, names } = searchDocuments(content);
  await (store === "postgresql" ? writePostgresIndex : writeSqliteIndex)(tx, documents, facets, names);
  return documents.length;
}
