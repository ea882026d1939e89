// npm run db:pg-schema [-- --check]: writes prisma/postgres/schema.prisma from prisma/schema.prisma, or with
// --check fails when the committed file is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { PG_SCHEMA, SQLITE_SCHEMA, toPostgresSchema } from "./lib/pg-schema";

const wanted = toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
const current = (() => {
  try {
    return readFileSync(PG_SCHEMA, "utf8");
  } catch {
    return null;
  }
})();
if (process.argv.includes("--check")) {
  if (current !== wanted) {
    console.error(`${PG_SCHEMA} is out of date: run \`npm run db:pg-schema\`.`);
    process.exit(1);
  }
} else if (current !== wanted) {
  writeFileSync(PG_SCHEMA, wanted);
  console.log(`Wrote ${PG_SCHEMA}.`);
}
