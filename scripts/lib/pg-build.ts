// db:build into PostgreSQL. The content goes into a fresh schema, `faultlines_<n>`: the migrations, then the rows
// in one transaction, then a check that every table holds what was loaded. Only then, in one transaction, the
// reader role is granted the new schema and `faultlines.current` is switched to it. Anything that fails before the
// switch drops the new schema and leaves the pointer, and so the serving build, as it was.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { LoadCounts } from "../../lib/content/load";
import { BUILD_SCHEMA, buildSchema, CONTROL_SCHEMA, currentBuild, pgClientFor } from "../../lib/db-pg";
import type { PrismaClient } from "../../generated/prisma/client";
import { PG_MIGRATIONS } from "./pg-schema";

export interface PgBuildOptions {
  /** The role the app connects as: it gets USAGE and SELECT on each new build, nothing else. */
  readerRole: string;
  /** Finished builds kept, the new one included; older ones are dropped in the switch. */
  keep: number;
  load: (prisma: PrismaClient) => Promise<LoadCounts>;
}

/** One lock for all builds of a database: two db:builds at once take turns. */
const BUILD_LOCK = 0x6661756c; // "faul"
/** Text compares and sorts byte-wise on SQLite; PostgreSQL gives the same order only under the C collation. */
const BYTEWISE = new Set(["C", "POSIX", "C.UTF-8", "C.utf8"]);

const TABLE_COUNTS: [table: string, count: keyof LoadCounts][] = [
  ["Article", "articles"],
  ["Paragraph", "paragraphs"],
  ["Actor", "actors"],
  ["Issue", "issues"],
  ["Event", "events"],
  ["Position", "positions"],
  ["Divergence", "divergences"],
  ["Evidence", "quotes"],
];

function migrationScripts(): string[] {
  return readdirSync(PG_MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(PG_MIGRATIONS, name, "migration.sql"), "utf8"));
}

export async function buildIntoPostgres(
  url: string,
  options: PgBuildOptions,
): Promise<{ schema: string; counts: LoadCounts; dropped: string[] }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let schema: string | null = null;
  let prisma: PrismaClient | undefined;
  try {
    await admin.query("SELECT pg_advisory_lock($1)", [BUILD_LOCK]);
    const { rows } = await admin.query<{ datcollate: string }>(
      "SELECT datcollate FROM pg_database WHERE datname = current_database()",
    );
    const collation = rows[0]?.datcollate ?? "?";
    if (!BYTEWISE.has(collation))
      throw new Error(
        `the database's collation is ${collation}; Faultlines orders text byte-wise, as SQLite does: create the ` +
          "database with `CREATE DATABASE faultlines TEMPLATE template0 LOCALE 'C.UTF-8'`",
      );
    await admin.query(`
      CREATE SCHEMA IF NOT EXISTS ${CONTROL_SCHEMA};
      CREATE SEQUENCE IF NOT EXISTS ${CONTROL_SCHEMA}.build_number;
      CREATE TABLE IF NOT EXISTS ${CONTROL_SCHEMA}.builds (
        schema text PRIMARY KEY, n bigint NOT NULL, built_at timestamptz NOT NULL DEFAULT now(), inputs text NOT NULL);
      CREATE TABLE IF NOT EXISTS ${CONTROL_SCHEMA}.current (
        one boolean PRIMARY KEY DEFAULT true CHECK (one), schema text NOT NULL REFERENCES ${CONTROL_SCHEMA}.builds);`);
    // A build killed before its switch leaves a schema that no finished build names: nobody reads it.
    const stray = await admin.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname ~ '^faultlines_[0-9]+$'
         AND nspname NOT IN (SELECT schema FROM ${CONTROL_SCHEMA}.builds)`,
    );
    for (const { nspname } of stray.rows) await admin.query(`DROP SCHEMA "${nspname}" CASCADE`);

    const n = Number(
      (await admin.query<{ n: string }>(`SELECT nextval('${CONTROL_SCHEMA}.build_number') AS n`)).rows[0]!.n,
    );
    schema = buildSchema(n);
    await admin.query("BEGIN");
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`SET LOCAL search_path TO "${schema}"`);
    for (const script of migrationScripts()) await admin.query(script);
    await admin.query("COMMIT");

    prisma = pgClientFor(url, schema, false);
    const counts = await options.load(prisma);
    await prisma.$disconnect();
    prisma = undefined;

    for (const [table, key] of TABLE_COUNTS) {
      const found = Number(
        (await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${table}"`)).rows[0]!.n,
      );
      if (found !== counts[key])
        throw new Error(`check failed: ${table} holds ${found} rows, ${counts[key]} were loaded`);
    }
    const inputs = (
      await admin.query<{ value: string }>(`SELECT value FROM "${schema}"."Meta" WHERE key = 'inputs'`)
    ).rows[0]?.value;
    if (!inputs) throw new Error("check failed: the build has no inputs fingerprint in Meta");

    const reader = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [options.readerRole]);
    await admin.query("BEGIN");
    if (reader.rowCount) {
      const role = `"${options.readerRole}"`;
      await admin.query(`GRANT USAGE ON SCHEMA ${CONTROL_SCHEMA}, "${schema}" TO ${role}`);
      await admin.query(`GRANT SELECT ON ${CONTROL_SCHEMA}.current TO ${role}`);
      await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA "${schema}" TO ${role}`);
    }
    await admin.query(`INSERT INTO ${CONTROL_SCHEMA}.builds (schema, n, inputs) VALUES ($1, $2, $3)`, [
      schema,
      n,
      inputs,
    ]);
    await admin.query(
      `INSERT INTO ${CONTROL_SCHEMA}.current (schema) VALUES ($1) ON CONFLICT (one) DO UPDATE SET schema = $1`,
      [schema],
    );
    const old = await admin.query<{ schema: string }>(
      `SELECT schema FROM ${CONTROL_SCHEMA}.builds ORDER BY n DESC OFFSET $1`,
      [options.keep],
    );
    const dropped = old.rows.map((r) => r.schema).filter((s) => BUILD_SCHEMA.test(s));
    for (const name of dropped) {
      await admin.query(`DELETE FROM ${CONTROL_SCHEMA}.builds WHERE schema = $1`, [name]);
      await admin.query(`DROP SCHEMA "${name}" CASCADE`);
    }
    await admin.query("COMMIT");
    if (!reader.rowCount) console.warn(`note: no role ${options.readerRole} to grant read access to`);
    return { schema, counts, dropped };
  } catch (error) {
    await prisma?.$disconnect().catch(() => {});
    await admin.query("ROLLBACK").catch(() => {});
    if (schema && (await currentBuild(admin).catch(() => null)) !== schema)
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    throw error;
  } finally {
    await admin.end().catch(() => {});
  }
}
