// Tables Prisma must leave alone: the SQLite FTS5 search index (created by hand in migration 0003) and the shadow
// tables SQLite keeps for it. No `_content` table: the index is external-content, over SearchDocument. Without this
// list the migration engine sees them as drift and writes a migration that drops them.
export const EXTERNAL_TABLES: string[] = [
  "SearchIndex",
  "SearchIndex_config",
  "SearchIndex_data",
  "SearchIndex_docsize",
  "SearchIndex_idx",
];
