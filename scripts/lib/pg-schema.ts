// The PostgreSQL schema is derived from prisma/schema.prisma, never edited by hand: the models are written once, so
// the two stores cannot drift. Only what a Prisma client is generated for differs — the provider and where the
// client goes (a generated client serves one provider) — and the one column only PostgreSQL has: the search vector
// (SQLite's full-text index is a table of its own, hidden from Prisma).
export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const PG_SCHEMA = "prisma/postgres/schema.prisma";
export const PG_MIGRATIONS = "prisma/postgres/migrations";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:pg-schema`; edit that file, then run the command.\n";

/** Generated from the indexed columns by migration 0003_search_index (lib/search/postgres.ts reads it). */
const SEARCH_VECTOR = [
  "$1",
  "  /// PostgreSQL only: the weighted full-text vector of title, aliases, body and involved (generated, GIN-indexed).",
  '  searchVector Unsupported("tsvector")? @default(dbgenerated())',
  "",
  "$2",
  "  @@index([searchVector], type: Gin)",
].join("\n");

export function toPostgresSchema(sqlite: string): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text))
      throw new Error(`${SQLITE_SCHEMA}: expected ${from} to derive the PostgreSQL schema`);
    return text.replace(from, to);
  };
  let schema = replace(sqlite, /provider = "sqlite"/, 'provider = "postgresql"');
  schema = replace(schema, /output\s+= "\.\.\/generated\/prisma"/, 'output   = "../../generated/prisma-pg"');
  schema = replace(schema, /(model SearchDocument \{[^}]*?)\n\n(  @@unique\(\[kind, key\]\))/, SEARCH_VECTOR);
  return HEADER + schema;
}
