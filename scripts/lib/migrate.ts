// Prisma migrations without the Prisma CLI's downloaded engines: the schema engine's WASM build, driven through
// the better-sqlite3 or pg driver adapter. `prisma migrate` needs a native engine binary this offline machine can't
// fetch. Each store has its own schema and migrations: prisma/ for SQLite, prisma/postgres/ (derived) for PostgreSQL.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { storeOf, type Store } from "../../lib/env";
import { EXTERNAL_TABLES } from "../../prisma/external-tables";
import { PG_MIGRATIONS, PG_SCHEMA, SQLITE_SCHEMA } from "./pg-schema";

const STORES = {
  sqlite: { schemaPath: SQLITE_SCHEMA, migrationsDir: path.resolve("prisma/migrations") },
  postgresql: { schemaPath: PG_SCHEMA, migrationsDir: path.resolve(PG_MIGRATIONS) },
} as const;

const LOCK_FILE = "migration_lock.toml";
const MIGRATION_FILE = "migration.sql";
// The external tables are SQLite's FTS5 index; PostgreSQL has none (and would want them schema-qualified).
const filtersFor = (store: Store) => ({
  externalTables: store === "sqlite" ? EXTERNAL_TABLES : [],
  externalEnums: [],
});

let wasmReady: Promise<void> | undefined;
async function initWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const url = new URL(
      "./schema_engine_bg.wasm",
      import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
    );
    const { instance } = await WebAssembly.instantiate(await readFile(url), {
      "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
    });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * better-sqlite3 refuses multi-statement strings in `executeRaw`, which the engine uses on the shadow database.
 * Every connection is recorded so `close` can release the file before anyone else writes to it.
 */
function withScriptSupport(
  factory: SqlMigrationAwareDriverAdapterFactory,
  connections: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      connections.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      connections.push(adapter);
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        if (query.args.length === 0 && /;\s*\S/.test(query.sql.trim())) {
          await adapter.executeScript(query.sql);
          return 0;
        }
        return executeRaw(query);
      };
      return adapter;
    },
  };
}

let charPatched = false;
/**
 * The engine reads PostgreSQL's catalogs, whose internal `"char"` columns (OID 18) adapter-pg 7.10 cannot
 * deserialize; pg already hands them over as strings, so they are reported as text (OID 25). Migrations only.
 */
function reportCharAsText(): void {
  if (charPatched) return;
  charPatched = true;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const relabel = (r: pg.QueryResult | undefined) => {
    for (const field of r?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return r;
  };
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    // pg-pool passes a callback; a bare client returns a promise.
    const callback = args.at(-1);
    if (typeof callback === "function")
      args[args.length - 1] = (error: Error, r: pg.QueryResult) => callback(error, relabel(r));
    const result = query.apply(this, args);
    return result instanceof Promise ? result.then(relabel) : result;
  } as typeof pg.Client.prototype.query;
}

/**
 * adapter-pg 7.10's own fixes for migrations: with a connection string its shadow database still points at the
 * main one, so it gets separate fields; it splits scripts on every `;` (breaking `$$` bodies), so each script runs
 * as one simple query; and it drops the shadow database before closing its pool, so the drop forces the pool's
 * sessions out (their errors are expected and ignored); the engine and `close` both dispose it, so disposing is made idempotent.
 */
function pgFactory(
  databaseUrl: string,
  connections: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  reportCharAsText();
  const url = new URL(databaseUrl);
  const factory = new PrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  });
  const wrap = async (adapter: Awaited<ReturnType<PrismaPg["connect"]>>) => {
    connections.push(adapter);
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => (disposed ??= dispose());
    adapter.underlyingDriver().on("error", () => {});
    const proto = Object.getPrototypeOf(adapter) as { executeScript(script: string): Promise<void> };
    proto.executeScript = async function (this: typeof adapter, script: string) {
      const sql = script.replace(
        /^DROP DATABASE ("prisma_migrate_shadow_db_[^"]+")$/,
        "DROP DATABASE $1 WITH (FORCE)",
      );
      await this.underlyingDriver().query(sql);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}

async function openEngine(store: Store, databaseUrl: string) {
  await initWasm();
  const { schemaPath } = STORES[store];
  const schema = await readFile(schemaPath, "utf8");
  const connections: SqlDriverAdapter[] = [];
  const factory =
    store === "sqlite"
      ? withScriptSupport(new PrismaBetterSqlite3({ url: databaseUrl }), connections)
      : pgFactory(databaseUrl, connections);
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  const close = async () => {
    engine.free();
    await Promise.all(connections.map((c) => c.dispose()));
  };
  return { engine, close, schemaFiles: [{ path: schemaPath, content: schema }] };
}

export async function listMigrations(store: Store): Promise<MigrationList> {
  const MIGRATIONS_DIR = STORES[store].migrationsDir;
  const lockfile = await readFile(path.join(MIGRATIONS_DIR, LOCK_FILE), "utf8").catch(() => null);
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => ({
        path: entry.name,
        migrationFile: {
          path: MIGRATION_FILE,
          content: await readFile(path.join(MIGRATIONS_DIR, entry.name, MIGRATION_FILE), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCK_FILE, content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every pending migration of the URL's store to the database at `databaseUrl`; returns their names. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const store = storeOf(databaseUrl);
  const { engine, close } = await openEngine(store, databaseUrl);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await listMigrations(store),
      filters: filtersFor(store),
    });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * Writes a new migration for the difference between the store's migrations and its schema; null when there is none.
 * PostgreSQL replays the migrations on a shadow database, so it needs a server (`databaseUrl`, a superuser's).
 */
export async function createMigration(
  name: string,
  store: Store = "sqlite",
  databaseUrl = "file::memory:",
): Promise<string | null> {
  const { engine, close, schemaFiles } = await openEngine(store, databaseUrl);
  try {
    return await writeMigration(store, engine, schemaFiles, name);
  } finally {
    await close();
  }
}

/** Whether the store's migrations, replayed on a shadow database, give exactly its schema. */
export async function migrationsMatchSchema(store: Store, databaseUrl: string): Promise<string | null> {
  const { engine, close, schemaFiles } = await openEngine(store, databaseUrl);
  try {
    const diff = await engine.diff({
      from: { tag: "migrations", ...(await listMigrations(store)) },
      to: { tag: "schemaDatamodel", files: schemaFiles },
      script: true,
      exitCode: true,
      filters: filtersFor(store),
    });
    return diff.exitCode === 2 ? (diff.stdout ?? "drift") : null;
  } finally {
    await close();
  }
}

async function writeMigration(
  store: Store,
  engine: SchemaEngine,
  schemaFiles: { path: string; content: string }[],
  name: string,
): Promise<string | null> {
  const MIGRATIONS_DIR = STORES[store].migrationsDir;
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  const lockPath = path.join(MIGRATIONS_DIR, LOCK_FILE);
  if ((await readFile(lockPath, "utf8").catch(() => null)) === null) {
    await writeFile(
      lockPath,
      `# Written by scripts/migrate.ts; keep it in version control.\nprovider = "${store}"\n`,
    );
  }
  const list = await listMigrations(store);
  // Numbered after the highest existing number, not the count: branches add migrations out of order.
  const last = Math.max(0, ...list.migrationDirectories.map((d) => Number.parseInt(d.path, 10) || 0));
  const diff = await engine.diff({
    from: { tag: "migrations", ...list },
    to: { tag: "schemaDatamodel", files: schemaFiles },
    script: true,
    exitCode: true,
    filters: filtersFor(store),
  });
  if (diff.exitCode !== 2) return null;
  const dir = path.join(MIGRATIONS_DIR, `${String(last + 1).padStart(4, "0")}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, MIGRATION_FILE), diff.stdout ?? "");
  return path.relative(process.cwd(), path.join(dir, MIGRATION_FILE));
}
