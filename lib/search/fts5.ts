import type { ParsedQuery, SearchTerm } from "./query";

// The SQLite FTS5 form of a parsed query. Every term is a double-quoted string (quotes inside doubled), so nothing a
// reader types can be an FTS5 operator, column filter or NEAR group; the operators are only the ones written here.

function quoted(term: SearchTerm): string {
  return `"${term.text.replaceAll('"', '""')}"${term.prefix ? "*" : ""}`;
}

function group(terms: SearchTerm[]): string {
  return terms.length === 1 ? quoted(terms[0]!) : `(${terms.map(quoted).join(" OR ")})`;
}

/** The MATCH expression for a query, or null when it has nothing to look for. */
export function toFts5(query: Pick<ParsedQuery, "all" | "none">): string | null {
  if (query.all.length === 0) return null;
  const wanted = query.all.map(group).join(" AND ");
  if (query.none.length === 0) return wanted;
  return `(${wanted}) NOT (${query.none.map(quoted).join(" OR ")})`;
}
