// Prisma migrations without the Prisma CLI's downloaded engines: the schema engine's WASM build, driven through
// the better-sqlite3 driver adapter. `prisma migrate` needs a native engine binary this offline machine can't fetch.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

const SCHEMA_PATH = "prisma/schema.prisma";
const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const LOCK_FILE = "migration_lock.toml";
const MIGRATION_FILE = "migration.sql";
const FILTERS = { externalTables: [], externalEnums: [] };

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

async function openEngine(databaseUrl: string) {
  await initWasm();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const connections: SqlDriverAdapter[] = [];
  const factory = withScriptSupport(new PrismaBetterSqlite3({ url: databaseUrl }), connections);
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  const close = async () => {
    engine.free();
    await Promise.all(connections.map((c) => c.dispose()));
  };
  return { engine, close, schemaFiles: [{ path: SCHEMA_PATH, content: schema }] };
}

async function listMigrations(): Promise<MigrationList> {
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

/** Applies every pending migration in prisma/migrations to the database at `databaseUrl`; returns their names. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openEngine(databaseUrl);
  try {
    const result = await engine.applyMigrations({ migrationsList: await listMigrations(), filters: FILTERS });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/** Writes a new migration for the difference between prisma/migrations and the schema; null when there is none. */
export async function createMigration(name: string): Promise<string | null> {
  const { engine, close, schemaFiles } = await openEngine("file::memory:");
  try {
    return await writeMigration(engine, schemaFiles, name);
  } finally {
    await close();
  }
}

async function writeMigration(
  engine: SchemaEngine,
  schemaFiles: { path: string; content: string }[],
  name: string,
): Promise<string | null> {
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  const lockPath = path.join(MIGRATIONS_DIR, LOCK_FILE);
  if ((await readFile(lockPath, "utf8").catch(() => null)) === null) {
    await writeFile(
      lockPath,
      '# Written by scripts/migrate.ts; keep it in version control.\nprovider = "sqlite"\n',
    );
  }
  const list = await listMigrations();
  const diff = await engine.diff({
    from: { tag: "migrations", ...list },
    to: { tag: "schemaDatamodel", files: schemaFiles },
    script: true,
    exitCode: true,
    filters: FILTERS,
  });
  if (diff.exitCode !== 2) return null;
  const dir = path.join(
    MIGRATIONS_DIR,
    `${String(list.migrationDirectories.length + 1).padStart(4, "0")}_${name}`,
  );
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, MIGRATION_FILE), diff.stdout ?? "");
  return path.relative(process.cwd(), path.join(dir, MIGRATION_FILE));
}
