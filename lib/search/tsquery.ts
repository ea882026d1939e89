import { Prisma } from "@/generated/prisma/client";
import type { ParsedQuery, SearchTerm } from "./query";

// The PostgreSQL form of a parsed query: a tsquery built with tsquery operators (`&&`, `||`, `!!`) from one
// `phraseto_tsquery` per term, each term's text a bound parameter — so nothing a reader types is ever read as
// tsquery syntax, and PostgreSQL's own parser splits a term into words exactly as it split the indexed text
// ("al-Udeid" → 'al' <-> 'udeid'), as FTS5 does with a quoted string. Not `websearch_to_tsquery`: it has no
// prefix search, and it reads "or" and "-" by rules of its own; our language is parsed once (lib/search/query.ts)
// and must mean the same on both stores.

/** The text search configuration of migration 0003_search_index, found through the build's search path. */
export const TS_CONFIG = Prisma.raw(`'faultlines_search'::regconfig`);

function term(t: SearchTerm): Prisma.Sql {
  const words = Prisma.sql`phraseto_tsquery(${TS_CONFIG}, ${t.text})`;
  if (!t.prefix) return words;
  // A prefix applies to the last word (FTS5: "al-ude"* is 'al' then a word beginning 'ude'). Written as text, a
  // tsquery's operand ends it, so `:*` after the text marks that one; the cast keeps the lexemes as they are.
  return Prisma.sql`(SELECT CASE WHEN numnode(w) = 0 THEN w ELSE (w::text || ':*')::tsquery END FROM ${words} w)`;
}

function group(terms: SearchTerm[]): Prisma.Sql {
  return terms.length === 1 ? term(terms[0]!) : Prisma.sql`(${Prisma.join(terms.map(term), " || ")})`;
}

/** The tsquery expression for a query, or null when it has nothing to look for. */
export function toTsquery(query: Pick<ParsedQuery, "all" | "none">): Prisma.Sql | null {
  if (query.all.length === 0) return null;
  const wanted = Prisma.join(query.all.map(group), " && ");
  if (query.none.length === 0) return wanted;
  return Prisma.sql`(${wanted}) && !!(${Prisma.join(query.none.map(term), " || ")})`;
}
