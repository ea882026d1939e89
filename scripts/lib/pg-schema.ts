// The PostgreSQL schema is derived from prisma/schema.prisma, never edited by hand: the models are written once, so
// the two stores cannot drift. Only what a Prisma client is generated for differs — the provider and where the
// client goes (a generated client serves one provider).
export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const PG_SCHEMA = "prisma/postgres/schema.prisma";
export const PG_MIGRATIONS = "prisma/postgres/migrations";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:pg-schema`; edit that file, then run the command.\n";

export function toPostgresSchema(sqlite: string): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text))
      throw new Error(`${SQLITE_SCHEMA}: expected ${from} to derive the PostgreSQL schema`);
    return text.replace(from, to);
  };
  let schema = replace(sqlite, /provider = "sqlite"/, 'provider = "postgresql"');
  schema = replace(schema, /output\s+= "\.\.\/generated\/prisma"/, 'output   = "../../generated/prisma-pg"');
  return HEADER + schema;
}
