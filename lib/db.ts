import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { pinnedPgClient } from "@/lib/db-pg";
import { appDatabaseUrl, storeOf } from "@/lib/env";

// One client per server process, and the only place that knows which store DATABASE_URL names. The app only
// reads: SQLite opens the file read-only and it must already exist, so a missing database is a loud error instead
// of a new empty file; PostgreSQL connects as a role that can only read and pins one finished build (lib/db-pg.ts).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = appDatabaseUrl();
  if (storeOf(url) === "postgresql") return pinnedPgClient(url);
  const adapter = new PrismaBetterSqlite3({ url, readonly: true, fileMustExist: true });
  return new PrismaClient({ adapter });
}

// Kept on globalThis only in development, where hot reload re-runs this module; anywhere else (tests point
// DATABASE_URL at different files in one process) each module instance opens the file it is told to.
const dev = process.env.NODE_ENV === "development";
export const prisma = (dev && globalForPrisma.prisma) || createClient();
if (dev) globalForPrisma.prisma = prisma;
