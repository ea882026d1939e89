import { describe, expect, it } from "vitest";
import { appDatabaseUrl, appEnv, databaseFiles, envFor, toolEnv } from "@/lib/env";

describe("appEnv and toolEnv", () => {
  it("fills the defaults, and an empty variable counts as unset", () => {
    expect(appEnv({ NEXT_DIST_DIR: "", SITE_URL: "" })).toEqual({
      DATABASE_URL: undefined,
      NEXT_DIST_DIR: ".next",
      SITE_URL: "http://localhost:3000",
    });
    expect(toolEnv({})).toMatchObject({ FAULTLINES_CONTENT: "content", PORT: 3000, E2E_PORT: 3100 });
  });

  it("reads what is set: a site URL without its trailing slash, numbers as numbers", () => {
    expect(appEnv({ SITE_URL: "https://faultlines.example/" }).SITE_URL).toBe("https://faultlines.example");
    expect(toolEnv({ PORT: "3201", E2E_REQUIRE_HOSTILE: "1" })).toMatchObject({
      PORT: 3201,
      E2E_REQUIRE_HOSTILE: true,
    });
  });

  it("stops on a bad value, naming the variable", () => {
    expect(() => appEnv({ SITE_URL: "faultlines.example" })).toThrow(/SITE_URL/);
    expect(() => toolEnv({ PORT: "80x" })).toThrow(/PORT/);
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
