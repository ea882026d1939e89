// A synthetic but valid content folder for the benchmark: actors, issues, articles with text, and annotations
// whose evidence quotes really are in the articles, so `db:build` resolves every one as it would real content.
// Seeded, so two runs with the same options write the same files.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "../../lib/random";

export interface CorpusOptions {
  events: number;
  actors: number;
  issues: number;
  articles: number;
  seed: number;
}

export interface CorpusSummary extends CorpusOptions {
  /** The actor in the most events: the one the benchmark filters by. */
  topActor: string;
  topActorEvents: number;
  quotes: number;
  paragraphs: number;
  files: number;
  bytes: number;
}

const KINDS = ["state", "leader", "official", "armed-group", "organisation", "media", "analyst"] as const;
const PLACES = [
  "Geneva",
  "Doha",
  "Cairo",
  "Muscat",
  "Vienna",
  "Riyadh",
  "Amman",
  "Ankara",
  "Baghdad",
  "Beirut",
];
const VERBS = ["met", "spoke with", "warned", "pressed", "briefed", "accused", "rebuffed", "courted"];
const TOPICS = [
  "sanctions",
  "shipping lanes",
  "air defence",
  "prisoner exchanges",
  "border crossings",
  "aid",
];
const CLAIMS = ["reported", "statement", "assessment"] as const;

const pad = (n: number, width = 3) => String(n).padStart(width, "0");
const yamlString = (s: string) => JSON.stringify(s);

export function writeSyntheticCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const rand = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // A few actors are in many events and most in few, as in real reporting: index ~ rand^2.
  const skewed = (n: number) => Math.floor(rand() * rand() * n);

  let bytes = 0;
  let files = 0;
  const write = (file: string, text: string) => {
    writeFileSync(path.join(dir, file), text);
    bytes += Buffer.byteLength(text);
    files++;
  };
  mkdirSync(path.join(dir, "articles"), { recursive: true });
  mkdirSync(path.join(dir, "annotations"), { recursive: true });

  const actors = Array.from({ length: options.actors }, (_, i) => ({
    slug: `actor-${pad(i + 1)}`,
    name: `Synthetic Actor ${pad(i + 1)}`,
    kind: KINDS[i % KINDS.length]!,
  }));
  write(
    "actors.yaml",
    actors
      .map(
        (a) =>
          `- slug: ${a.slug}\n  name: ${a.name}\n  kind: ${a.kind}\n  aliases: [Actor ${pad(Number(a.slug.slice(6)))}]\n  description: A generated actor for the benchmark.\n`,
      )
      .join("\n"),
  );
  const issues = Array.from({ length: options.issues }, (_, i) => `issue-${pad(i + 1, 2)}`);
  write(
    "issues.yaml",
    issues
      .map(
        (slug, i) =>
          `- slug: ${slug}\n  title: Synthetic issue ${i + 1}\n  summary: A generated policy issue for the benchmark.\n`,
      )
      .join("\n"),
  );

  // Articles are published a week apart, ending in March 2026; each defines its share of the events.
  const articles = Array.from({ length: options.articles }, (_, i) => {
    const published = new Date(Date.UTC(2026, 2, 1) - (options.articles - 1 - i) * 7 * 86_400_000);
    return {
      slug: `synthetic-brief-${pad(i + 1)}`,
      published: published.toISOString().slice(0, 10),
      paragraphs: [] as string[],
      events: [] as string[],
    };
  });

  const actorCount = new Map<string, number>();
  let quotes = 0;
  for (let i = 0; i < options.events; i++) {
    const record = `record ${pad(i + 1, 5)}`;
    const home = articles[i % articles.length]!;
    const latest = Date.parse(home.published);
    const earliest = Date.UTC(2012, 0, 1);
    const day = new Date(earliest + Math.floor(rand() * (latest - earliest))).toISOString().slice(0, 10);
    const roll = rand();
    let date: string;
    if (roll < 0.85) {
      date = `start: ${day}\n      precision: day`;
    } else if (roll < 0.93) {
      date = `start: ${day.slice(0, 7)}\n      precision: month`;
    } else if (roll < 0.96) {
      date = `start: ${day.slice(0, 4)}\n      precision: year`;
    } else if (roll < 0.995) {
      const end = new Date(Date.parse(day) + (2 + Math.floor(rand() * 200)) * 86_400_000);
      const capped = Math.min(end.getTime(), latest);
      const last = new Date(Math.max(capped, Date.parse(day) + 86_400_000)).toISOString().slice(0, 10);
      date = `start: ${day}\n      end: ${last}\n      precision: range`;
    } else {
      // The occasional decades-wide span, like a conflict dated "since 1979".
      date = `start: 1979-10-07\n      end: 2024-10-07\n      precision: range\n      bounds: { after: { note: generated }, before: { note: generated } }`;
    }
    const involved = [
      ...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => actors[skewed(actors.length)]!)),
    ];
    for (const a of involved) actorCount.set(a.slug, (actorCount.get(a.slug) ?? 0) + 1);
    const eventIssues = [...new Set([pick(issues), ...(rand() < 0.3 ? [pick(issues)] : [])])];
    const [first, second] = [involved[0]!, involved[1]];
    const verb = pick(VERBS);
    const topic = pick(TOPICS);
    const place = pick(PLACES);
    const sentence = `According to ${record}, ${first.name} ${verb} ${second ? second.name : "its partners"} in ${place} over ${topic}.`;
    const detail = `The ${record} file notes that talks on ${topic} continued for several hours without agreement.`;
    home.paragraphs.push(`${sentence} ${detail}`);
    quotes += 2;
    const evidence = [
      `According to ${record}, ${first.name} ${verb}`,
      `${record} file notes that talks on ${topic} continued`,
    ];
    home.events.push(
      [
        `  - slug: synthetic-event-${pad(i + 1, 5)}`,
        `    title: ${yamlString(`${first.name} ${verb} ${second ? second.name : "partners"} in ${place}`)}`,
        `    summary: ${yamlString(`A generated event about ${topic}, for the benchmark (${record}).`)}`,
        `    claim: ${pick(CLAIMS)}`,
        `    date:`,
        `      stated: as the generator chose`,
        `      ${date}`,
        `      basis: Generated.`,
        `    actors: [${involved.map((a) => a.slug).join(", ")}]`,
        `    issues: [${eventIssues.join(", ")}]`,
        `    evidence:`,
        ...evidence.map((q) => `      - ${yamlString(q)}`),
      ].join("\n"),
    );
    // One event in ten is also reported by a later article, which quotes its own words about it.
    if (rand() < 0.1) {
      const later = articles.find((a) => a.published > home.published && rand() < 0.3);
      if (later) {
        later.paragraphs.push(`A later account of ${record} confirmed what had been reported.`);
        later.events.push(
          `  - slug: synthetic-event-${pad(i + 1, 5)}\n    evidence:\n      - ${yamlString(`later account of ${record}`)}`,
        );
        quotes++;
      }
    }
  }

  let paragraphs = 0;
  for (const [n, article] of articles.entries()) {
    const body: string[] = [];
    article.paragraphs.forEach((p, i) => {
      if (i % 20 === 0) body.push(`## Part ${i / 20 + 1}`);
      body.push(p);
    });
    paragraphs += body.length;
    write(
      `articles/${article.slug}.md`,
      [
        "---",
        `title: Synthetic brief ${n + 1}`,
        "publisher: Faultlines benchmark",
        "url: null",
        "kind: analysis",
        "published:",
        `  date: ${article.published}`,
        "  precision: day",
        "  basis: Generated.",
        "perspective:",
        "  text: A generated brief with no standpoint.",
        "  basis: Generated for the benchmark.",
        "---",
        "",
        body.join("\n\n"),
        "",
      ].join("\n"),
    );
    write(`annotations/${article.slug}.yaml`, `events:\n${article.events.join("\n\n")}\n`);
  }

  const [topActor, topActorEvents] = [...actorCount].sort((a, b) => b[1] - a[1])[0]!;
  return { ...options, topActor, topActorEvents, quotes, paragraphs, files, bytes };
}
