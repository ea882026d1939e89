import "server-only";
import { prisma } from "@/lib/db";
import { memoize } from "./memo";

/**
 * Which data the server answers from: the content fingerprint db:build stored in the snapshot, the same on SQLite
 * and PostgreSQL for the same content. A server never changes snapshot while it runs (lib/db.ts), so it is read
 * once; anything cached in process (an ETag, a response cache) can be keyed by it.
 */
export const snapshotId = memoize(async (): Promise<string> => {
  const row = await prisma.meta.findUnique({ where: { key: "inputs" } });
  if (!row) throw new Error("the database has no inputs fingerprint: rebuild it with npm run db:build");
  return row.value;
});
