import { foldName } from "@/lib/search/normalize";

// Search parity between the SQLite and PostgreSQL stores: the queries both must answer alike, and the contract they
// are held to (README, "Search on PostgreSQL"). FTS5's bm25 and PostgreSQL's ts_rank score differently, so the
// order of equally exact hits is not compared; everything else is.

/** A fixed set over the real content, one or more per feature of the query language. */
export const PARITY_QUERIES: { q: string; what: string }[] = [
  { q: "Iran", what: "a word, matching every kind" },
  { q: "strikes", what: "a word in another form (stemmed)" },
  { q: "Jerusalem", what: "an actor's alias" },
  { q: "hez*", what: "a prefix" },
  { q: "negot*", what: "a prefix of a stemmed word" },
  { q: '"missile strike"', what: "a phrase" },
  { q: '"Board of Peace"', what: "a phrase with a function word" },
  { q: "Board of Peace", what: "words that are exactly a name" },
  { q: "Gaza -Hamas", what: "an exclusion" },
  { q: 'Iran -"nuclear programme" -Israel', what: "a phrase and a word excluded" },
  { q: "talks OR negotiations", what: "OR" },
  { q: "ceasefire OR truce Gaza", what: "OR beside another word" },
  { q: "Turkiye", what: "diacritics folded in the query" },
  { q: "Erdoğan", what: "diacritics in the query" },
  { q: "al-Udeid", what: "a hyphenated word" },
  { q: "zzzzqx", what: "no hit" },
  { q: '"unclosed phrase', what: "an unclosed quote (a note)" },
  { q: "OR Iran OR", what: "stray ORs (a note)" },
  { q: "-Iran", what: "only an exclusion (a note, no hits)" },
  { q: "^ ( :", what: "nothing searchable (a note)" },
];

/** Requests with bad parameters: answered 400 before any store is asked, so byte-identical on both. */
export const PARITY_BAD_REQUESTS = [
  "/api/v1/search",
  "/api/v1/search?q=",
  "/api/v1/search?q=iran&kind=nope",
  "/api/v1/search?q=iran&limit=0",
  "/api/v1/search?q=iran&limit=51",
  "/api/v1/search?q=iran&actor=nobody",
];

export interface ComparableHit {
  kind: string;
  slug: string;
  title: string;
  url: string;
}

/**
 * Where the stores' stemmers part (FTS5's Porter, PostgreSQL's Snowball English): Porter folds more words together,
 * so SQLite finds more. The contract for these: PostgreSQL's results are a subset of SQLite's.
 */
export const STEMMING_DIFFERENCES: { q: string; why: string }[] = [
  { q: "US", why: "Porter stems “use”, “used”, “uses” to “us”" },
  { q: "generous", why: "Porter stems “generous” and “general” both to “gener”" },
];

/**
 * The contract for one query and kind, both answers asked for every match: the same total and the same set of
 * results (kind, slug, title, url); and where the order is not a matter of score — the query is exactly the first
 * result's name (`exactName`, folded), which both stores put first — the same first result. Returns what breaks it,
 * or [].
 */
export function searchParityProblems(
  sqlite: { total: number; hits: ComparableHit[] },
  postgres: { total: number; hits: ComparableHit[] },
  exactName: string | null,
): string[] {
  const problems: string[] = [];
  if (sqlite.total !== postgres.total) problems.push(`total ${sqlite.total} ≠ ${postgres.total}`);
  const key = (h: ComparableHit) => `${h.kind}:${h.slug} ${h.title} ${h.url}`;
  const a = new Set(sqlite.hits.map(key));
  const b = new Set(postgres.hits.map(key));
  const onlyA = [...a].filter((k) => !b.has(k));
  const onlyB = [...b].filter((k) => !a.has(k));
  if (onlyA.length) problems.push(`only on SQLite: ${onlyA.slice(0, 5).join("; ")}`);
  if (onlyB.length) problems.push(`only on PostgreSQL: ${onlyB.slice(0, 5).join("; ")}`);
  const first = sqlite.hits[0];
  if (
    exactName &&
    first &&
    foldName(first.title) === exactName &&
    key(first) !== key(postgres.hits[0] ?? first)
  )
    problems.push(`first ${key(first)} ≠ ${postgres.hits[0] && key(postgres.hits[0])}`);
  return problems;
}
