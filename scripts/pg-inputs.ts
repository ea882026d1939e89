// Prints the content fingerprint of the build PostgreSQL serves (DATABASE_URL), or nothing when there is none.
// scripts/lib/steps.ts runs it as a child process, as its other steps are synchronous.
import pg from "pg";
import { currentBuild } from "../lib/db-pg";
import { postgresUrl } from "../lib/env";

const client = new pg.Client({ connectionString: postgresUrl()! });
await client.connect();
try {
  const schema = await currentBuild(client);
  if (schema) {
    const { rows } = await client.query<{ value: string }>(
      `SELECT value FROM "${schema}"."Meta" WHERE key = 'inputs'`,
    );
    process.stdout.write(rows[0]?.value ?? "");
  }
} finally {
  await client.end();
}
