import { describe, expect, it } from "vitest";
import { migrationsMatchSchema } from "../../scripts/lib/migrate";
import { freshDatabase } from "../support/pg";

// prisma/postgres/migrations, replayed by the schema engine on a shadow database, must give exactly the schema
// derived from prisma/schema.prisma: a model change without its PostgreSQL migration fails here.
describe("the PostgreSQL migrations", () => {
  it("replay to exactly prisma/postgres/schema.prisma", async () => {
    const db = await freshDatabase("migrations_test");
    // The engine creates and drops its shadow database, so it connects as the superuser.
    const drift = await migrationsMatchSchema(
      "postgresql",
      db.ownerUrl.replace("faultlines_owner", "postgres"),
    );
    expect(drift).toBeNull();
  });
});
