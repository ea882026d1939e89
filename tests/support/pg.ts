// PostgreSQL for the tests: one throwaway cluster per run (tests/support/pg-global.ts starts it, stops it after),
// and a fresh database in it for each test file, so files never see each other's builds.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { inject } from "vitest";
import { dbBuildArgs } from "../../scripts/lib/run";

declare module "vitest" {
  export interface ProvidedContext {
    pg: { port: number };
  }
}

const url = (database: string, role: string) =>
  `postgresql://${role}@127.0.0.1:${inject("pg").port}/${database}`;

export interface TestDatabase {
  /** The role db:build runs as: owns the database. */
  ownerUrl: string;
  /** The role the app connects as. */
  readerUrl: string;
  /** A query as the superuser, for looking underneath. */
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
}

export async function freshDatabase(name: string): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: url("postgres", "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} OWNER faultlines_owner TEMPLATE template0 LOCALE 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
  return {
    ownerUrl: url(name, "faultlines_owner"),
    readerUrl: url(name, "faultlines_reader"),
    async query(sql, params) {
      const client = new pg.Client({ connectionString: url(name, "postgres") });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
  };
}

/** The real db:build, from a content folder into a PostgreSQL database, as its own process. */
export function pgDbBuild(contentDir: string, databaseUrl: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, dbBuildArgs(contentDir, databaseUrl, "--quiet"), {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
