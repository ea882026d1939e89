import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PG_SCHEMA, SQLITE_SCHEMA, toPostgresSchema } from "../../scripts/lib/pg-schema";

describe("toPostgresSchema", () => {
  it("derives the committed PostgreSQL schema from the SQLite one: the models never drift", () => {
    expect(readFileSync(PG_SCHEMA, "utf8")).toBe(toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("changes only the provider and the client's output, and stops if it cannot find them", () => {
    const derived = toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output   = "../../generated/prisma-pg"');
    expect(derived).not.toContain("sqlite");
    expect(() => toPostgresSchema("datasource db {}")).toThrow(/prisma\/schema\.prisma/);
  });
});
