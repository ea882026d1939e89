// The PostgreSQL store's layout, shared by the app (lib/db.ts) and db:build. Each build is loaded into a schema of
// its own, `faultlines_<n>`, which is never written again once finished; one row in `faultlines.current` names the
// build to serve, switched in one transaction when a new build has been loaded and checked. A server pins the
// build it finds at its first query and reads only that schema for its whole life — like the SQLite server, which
// keeps reading the file it opened — so an answer can never mix two builds, and a restart picks up the new one.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client";
import type { PrismaClient } from "../generated/prisma/client";

/** The schema holding the pointer and the list of finished builds. */
export const CONTROL_SCHEMA = "faultlines";
/** A build's schema: the prefix and the build number. */
export const BUILD_SCHEMA = /^faultlines_(\d+)$/;
export const buildSchema = (n: number) => `faultlines_${n}`;

/** The name of the build `faultlines.current` points at, or null when nothing has been built. */
export async function currentBuild(client: pg.Client | pg.Pool): Promise<string | null> {
  const found = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [
    `${CONTROL_SCHEMA}.current`,
  ]);
  if (!found.rows[0]?.exists) return null;
  const row = await client.query<{ schema: string }>(`SELECT schema FROM ${CONTROL_SCHEMA}.current`);
  return row.rows[0]?.schema ?? null;
}

/**
 * A Prisma client over one build's schema. `readOnly` adds the server's own guard to the role's: every transaction
 * of its connections is read-only.
 */
export function pgClientFor(url: string, schema: string, readOnly: boolean): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: url, ...(readOnly ? { options: "-c default_transaction_read_only=on" } : {}) },
    { schema },
  );
  // The PostgreSQL client is generated from the same models (prisma/postgres/schema.prisma is derived from
  // prisma/schema.prisma), so the query layer's types hold for it.
  return new PgPrismaClient({ adapter }) as unknown as PrismaClient;
}

/**
 * The app's client: a stand-in with the PrismaClient shape that, at its first query, reads `faultlines.current`
 * once and from then on sends every query to a client over that build's schema.
 */
export function pinnedPgClient(url: string): PrismaClient {
  let pinned: Promise<PrismaClient> | undefined;
  const client = () =>
    (pinned ??= (async () => {
      const probe = new pg.Client({ connectionString: url });
      await probe.connect();
      try {
        const schema = await currentBuild(probe);
        if (!schema)
          throw new Error("PostgreSQL has no Faultlines build yet: run `npm run db:build` against it");
        return pgClientFor(url, schema, true);
      } finally {
        await probe.end();
      }
    })().catch((error: unknown) => {
      pinned = undefined; // a failed pin is not remembered: the next query tries again
      throw error;
    }));
  const forward = (path: PropertyKey[]) =>
    new Proxy(() => {}, {
      get: (_, key) => (key === "then" ? undefined : forward([...path, key])),
      apply: async (_, __, args: unknown[]) => {
        if (path.length === 1 && path[0] === "$disconnect") return pinned && (await pinned).$disconnect();
        let target: unknown = await client();
        let self: unknown;
        for (const key of path) [self, target] = [target, (target as Record<PropertyKey, unknown>)[key]];
        return (target as (...a: unknown[]) => unknown).apply(self, args);
      },
    });
  return forward([]) as unknown as PrismaClient;
}
