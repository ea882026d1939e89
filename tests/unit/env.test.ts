import { describe, expect, it } from "vitest";
import { appDatabaseUrl, appEnv, databaseFiles, envFor, postgresUrl, storeOf, toolEnv } from "@/lib/env";

describe("appEnv and toolEnv", () => {
  it("fills the defaults, and an empty variable counts as unset", () => {
    expect(appEnv({ NEXT_DIST_DIR: "", SITE_URL: "" })).toEqual({
      DATABASE_URL: undefined,
      NEXT_DIST_DIR: ".next",
      SITE_URL: "http://localhost:3000",
    });
    expect(toolEnv({ E2E_PORT: "", FUZZ_SEED: "" })).toMatchObject({
      FAULTLINES_CONTENT: "content",
      PORT: 3000,
      E2E_PORT: undefined,
      E2E_HOSTILE_DIST: ".next-hostile",
      FUZZ_REQUESTS: 2400,
      FUZZ_SEED: undefined,
    });
  });

  it("reads what is set: a site URL without its trailing slash, numbers as numbers", () => {
    expect(appEnv({ SITE_URL: "https://faultlines.example/" }).SITE_URL).toBe("https://faultlines.example");
    expect(toolEnv({ PORT: "3201", E2E_PORT: "3600", FUZZ_SEED: "42" })).toMatchObject({
      PORT: 3201,
      E2E_PORT: 3600,
      FUZZ_SEED: 42,
    });
  });

  it("stops on a bad value, naming the variable", () => {
    expect(() => appEnv({ SITE_URL: "faultlines.example" })).toThrow(/SITE_URL/);
    expect(() => toolEnv({ PORT: "80x" })).toThrow(/PORT/);
    expect(() => toolEnv({ FUZZ_SEED: "0" })).toThrow(/FUZZ_SEED/);
  });
});

describe("database paths", () => {
  it("points the app and db:build at DATABASE_URL when set, and envFor writes it back", () => {
    const env = appEnv(envFor({ db: "tests/.tmp/x.db" }));
    expect(appDatabaseUrl(env)).toBe("file:tests/.tmp/x.db");
    const { built, serving } = databaseFiles(env);
    expect(built).toBe(serving);
    expect(built.endsWith("tests/.tmp/x.db")).toBe(true);
    expect(databaseFiles(appEnv({})).serving.endsWith("prisma/serving.db")).toBe(true);
  });
});

describe("storeOf and postgresUrl", () => {
  it("picks the store from DATABASE_URL: file: is SQLite, postgres(ql):// is PostgreSQL, anything else stops", () => {
    expect(storeOf("file:./prisma/faultlines.db")).toBe("sqlite");
    expect(storeOf("postgresql://reader@db:5432/faultlines")).toBe("postgresql");
    expect(storeOf("postgres://reader@db/faultlines")).toBe("postgresql");
    expect(postgresUrl(appEnv({}))).toBeNull();
    expect(postgresUrl(appEnv({ DATABASE_URL: "file:x.db" }))).toBeNull();
    expect(postgresUrl(appEnv({ DATABASE_URL: "postgresql://r@h/d" }))).toBe("postgresql://r@h/d");
    expect(() => appEnv({ DATABASE_URL: "mysql://r@h/d" })).toThrow(/DATABASE_URL/);
    expect(() => toolEnv({ PG_KEEP_BUILDS: "0" })).toThrow(/PG_KEEP_BUILDS/);
  });
});
