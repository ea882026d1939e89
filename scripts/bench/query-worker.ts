// Times the query layer (lib/queries) in-process against DATABASE_URL, without its production memo (NODE_ENV is not
// production here), and prints {name: {median, p95}} in ms as JSON. Run by the postgres section with
// `--conditions=react-server`, under which `server-only` is the empty module it is inside the app.
import { NO_FILTERS } from "../../lib/event-filters";
import { listEventFacets, listEvents, countEvents } from "../../lib/queries/events";
import { getIssueBySlug, listIssues } from "../../lib/queries/issues";
import { getActorBySlug } from "../../lib/queries/actors";
import { listRatedPairs, getMatrix } from "../../lib/queries/matrix";
import { prisma } from "../../lib/db";

const [actor = "", issue = "", runsArg = "30", warmupArg = "5"] = process.argv.slice(2);
const runs = Number(runsArg);
const warmup = Number(warmupArg);
const byActor = { ...NO_FILTERS, actors: [actor] };

const QUERIES: Record<string, () => Promise<unknown>> = {
  "listEvents (first page of 50)": () => listEvents(NO_FILTERS, { offset: 0, limit: 50 }),
  "listEvents (top actor, page 1)": () => listEvents(byActor, { offset: 0, limit: 50 }),
  "listEvents (all, unpaged)": () => listEvents(NO_FILTERS),
  "countEvents (top actor)": () => countEvents(byActor),
  listEventFacets: () => listEventFacets(),
  getIssueBySlug: () => getIssueBySlug(issue),
  getActorBySlug: () => getActorBySlug(actor),
  listIssues: () => listIssues(),
  "getMatrix (first rated pair)": async () => {
    const [pair] = await listRatedPairs();
    return pair ? getMatrix([pair.a.slug, pair.b.slug]) : null;
  },
};

const results: Record<string, { median: number; p95: number }> = {};
for (const [name, query] of Object.entries(QUERIES)) {
  for (let i = 0; i < warmup; i++) await query();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await query();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  results[name] = { median: q(0.5), p95: q(0.95) };
}
await prisma.$disconnect();
process.stdout.write(JSON.stringify(results));
