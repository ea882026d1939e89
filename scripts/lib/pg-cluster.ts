// A throwaway PostgreSQL 15 cluster for tests, the benchmark and creating migrations: initdb into a temp folder,
// a free loopback port, fsync off, stopped by pg_ctl and deleted after. initdb refuses to run as root, so as root
// the cluster runs as the `postgres` user (the Debian package creates it).
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./server";

export interface PgCluster {
  /** Superuser URL of the `faultlines` database, owned by the `faultlines_owner` role. */
  ownerUrl: string;
  /** URL for the `faultlines_reader` role, which db:build grants read access to. */
  readerUrl: string;
  /** A URL for any database of the cluster, as the superuser. */
  urlFor(database: string, user?: string): string;
  port: number;
  /** Creates (or recreates) a database owned by faultlines_owner; returns its owner and reader URLs. */
  createDatabase(name: string): Promise<{ ownerUrl: string; readerUrl: string }>;
  stop(): void;
}

const BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

/** The folder holding initdb and pg_ctl: PG_BIN, else Debian's, else the PATH. */
export function pgBinDir(): string | null {
  const candidates = [process.env.PG_BIN, ...BIN_DIRS].filter((d): d is string => Boolean(d));
  for (const dir of candidates) if (existsSync(path.join(dir, "initdb"))) return dir;
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return found ? path.dirname(found) : null;
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin)
    throw new Error("PostgreSQL is not installed: no initdb in PG_BIN, /usr/lib/postgresql/*/bin or PATH");
  const dir = mkdtempSync(path.join(os.tmpdir(), "faultlines-pg-"));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? ["runuser", "-u", "postgres", "--"] : [];
  if (asRoot) {
    const ids = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  chmodSync(dir, 0o700);
  const pgTool = (tool: string, args: string[]) => {
    const [cmd, ...rest] = [...user, path.join(bin, tool), ...args];
    const result = spawnSync(cmd!, rest, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} failed:\n${result.stderr}${result.stdout}`);
  };
  const data = path.join(dir, "data");
  pgTool("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  pgTool("pg_ctl", [
    "-D",
    data,
    "-l",
    path.join(dir, "log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "start",
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const [cmd, ...args] = [...user, path.join(bin, "pg_ctl"), "-D", data, "-m", "fast", "stop"];
    spawnSync(cmd!, args, { encoding: "utf8" });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  const urlFor = (database: string, role = "postgres") =>
    `postgresql://${role}@127.0.0.1:${port}/${database}`;
  const asSuperuser = async (...statements: string[]) => {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      for (const sql of statements) await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const createDatabase = async (name: string) => {
    await asSuperuser(
      `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
      `CREATE DATABASE ${name} OWNER faultlines_owner TEMPLATE template0 LOCALE 'C.UTF-8'`,
    );
    return { ownerUrl: urlFor(name, "faultlines_owner"), readerUrl: urlFor(name, "faultlines_reader") };
  };
  // The two roles a team runs with: one that builds, one the app reads as (README, "Running for a team").
  await asSuperuser("CREATE ROLE faultlines_owner LOGIN", "CREATE ROLE faultlines_reader LOGIN");
  const { ownerUrl, readerUrl } = await createDatabase("faultlines");
  return { ownerUrl, readerUrl, urlFor, port, createDatabase, stop };
}
