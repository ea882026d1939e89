// npm run build: the database if stale, a snapshot of it for the server, then the Next.js production build.
import { buildApp } from "./lib/steps.mjs";

buildApp();
