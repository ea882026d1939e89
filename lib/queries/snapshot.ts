import "server-only";
import { prisma } from "@/lib/db";
import { memoize } from "./memo";

/**
 * What identifies the data the server reads: equal for two databases built from the same inputs (content,
 * migrations, pipeline), different after any change to them. HTTP validators (ETags) are derived from it.
 */
export const snapshotId = memoize(async (): Promise<string> => {
  const row = await prisma.meta.findUnique({ where: { key: "inputs" } });
  if (!row) throw new Error("the database has no Meta row `inputs`: rebuild it with npm run db:build");
  return row.value;
});
