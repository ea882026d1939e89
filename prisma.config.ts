import { defineConfig } from "prisma/config";
import { appEnv, BUILT_DB } from "./lib/env";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: appEnv().DATABASE_URL ?? `file:./${BUILT_DB}` },
});
