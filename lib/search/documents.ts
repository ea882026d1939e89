import type { ResolvedActor, ResolvedContent } from "@/lib/content/types";
import { SEARCH_KINDS, type SearchKind } from "./kinds";
import { foldName, indexableText } from "./normalize";

// The search documents for a resolved content set: one per issue, actor, event, position, divergence rating and
// article paragraph. A pure stage of the pipeline (no store): db:build writes the rows, and each store builds its
// own full-text index over them.

export interface SearchDocumentRow {
  id: number;
  kind: SearchKind;
  key: string;
  label: string;
  title: string;
  aliases: string;
  body: string;
  involved: string;
  issue: string | null;
  article: string | null;
  actor: string | null;
  paragraph: number | null;
}

export interface SearchFacetRow {
  documentId: number;
  facet: "actor" | "article";
  slug: string;
}

export interface SearchNameRow {
  name: string;
  documentId: number;
}

/**
 * Document ids come in blocks of this size, one block per kind in SEARCH_KINDS order (issues from 1, actors from
 * 10,000,001, …): a store can tell a document's kind, filter by kind and weigh it from the id alone. 32-bit safe.
 */
export const KIND_BLOCK = 10_000_000;

export function kindOfId(id: number): SearchKind {
  return SEARCH_KINDS[Math.floor(id / KIND_BLOCK)]!;
}

/**
 * On equal relevance: a hub page (an issue, an actor) before the things on it, and an event before a single
 * position, rating or paragraph about it. Stores multiply their relevance score by it.
 */
export const KIND_BOOST: Record<SearchKind, number> = {
  issue: 2,
  actor: 1.6,
  event: 1.3,
  position: 1,
  rating: 1,
  passage: 1,
};

const LEVEL_WORD = {
  aligned: "aligned",
  partial: "partly divergent",
  divergent: "divergent",
  none: "not rated",
};

export function searchDocuments(content: ResolvedContent): {
  documents: SearchDocumentRow[];
  facets: SearchFacetRow[];
  names: SearchNameRow[];
} {
  const actors = new Map(content.actors.map((a) => [a.slug, a]));
  const issues = new Map(content.issues.map((i) => [i.slug, i]));
  const articles = new Map(content.articles.map((a) => [a.slug, a]));
  const documents: SearchDocumentRow[] = [];
  const facets: SearchFacetRow[] = [];
  const nameRows: SearchNameRow[] = [];
  const seenFacets = new Set<string>();
  const perKind = new Map<SearchKind, number>();

  const names = (slugs: (string | null)[]) =>
    slugs
      .filter((s): s is string => s !== null)
      .flatMap((slug) => {
        const actor = actors.get(slug);
        return actor ? [actor.name, ...actor.aliases] : [];
      })
      .join(" · ");
  const add = (
    doc: Pick<SearchDocumentRow, "kind" | "key" | "label" | "title" | "body"> & Partial<SearchDocumentRow>,
    facetActors: (string | null)[],
    facetArticles: string[],
    exactNames: string[] = [],
  ) => {
    const n = (perKind.get(doc.kind) ?? 0) + 1;
    perKind.set(doc.kind, n);
    if (n >= KIND_BLOCK) throw new Error(`more than ${KIND_BLOCK - 1} search documents of kind ${doc.kind}`);
    const id = SEARCH_KINDS.indexOf(doc.kind) * KIND_BLOCK + n;
    documents.push({
      id,
      aliases: "",
      involved: "",
      issue: null,
      article: null,
      actor: null,
      paragraph: null,
      ...doc,
      title: indexableText(doc.title),
      body: indexableText(doc.body),
    });
    for (const [facet, slugs] of [
      ["actor", facetActors],
      ["article", facetArticles],
    ] as const) {
      for (const slug of slugs) {
        if (slug === null || seenFacets.has(`${id}:${facet}:${slug}`)) continue;
        seenFacets.add(`${id}:${facet}:${slug}`);
        facets.push({ documentId: id, facet, slug });
      }
    }
    for (const name of new Set(exactNames.map(foldName))) if (name) nameRows.push({ name, documentId: id });
  };

  // Who takes part in what, and where, so an issue or actor can be narrowed by actor and source too.
  const issueActors = new Map<string, string[]>();
  const issueArticles = new Map<string, string[]>();
  const actorArticles = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, ...values: (string | null)[]) => {
    const list = map.get(key) ?? map.set(key, []).get(key)!;
    for (const v of values) if (v !== null) list.push(v);
  };
  for (const e of content.events) {
    const sources = eventSources(e);
    for (const issue of e.issues) {
      push(issueActors, issue, ...e.actors, e.via);
      push(issueArticles, issue, ...sources);
    }
    for (const actor of [...e.actors, e.via]) if (actor) push(actorArticles, actor, ...sources);
  }
  for (const p of content.positions) {
    push(issueActors, p.issue, p.actor, p.voice, p.via);
    push(issueArticles, p.issue, p.article);
    for (const actor of [p.actor, p.voice, p.via]) if (actor) push(actorArticles, actor, p.article);
  }
  for (const d of content.divergences) {
    push(issueActors, d.issue, d.a, d.b);
    push(issueArticles, d.issue, d.article);
  }

  for (const issue of content.issues) {
    add(
      {
        kind: "issue",
        key: issue.slug,
        label: issue.title,
        title: issue.title,
        body: issue.summary,
        issue: issue.slug,
      },
      issueActors.get(issue.slug) ?? [],
      issueArticles.get(issue.slug) ?? [],
      [issue.title],
    );
  }
  for (const actor of content.actors) {
    add(
      {
        kind: "actor",
        key: actor.slug,
        label: actor.name,
        title: actor.name,
        aliases: indexableText(actor.aliases.join(" · ")),
        body: actor.description,
        actor: actor.slug,
      },
      [actor.slug],
      actorArticles.get(actor.slug) ?? [],
      [actor.name, ...actor.aliases],
    );
  }
  for (const e of content.events) {
    add(
      {
        kind: "event",
        key: e.slug,
        label: e.title,
        title: e.title,
        body: e.summary,
        involved: indexableText(names([...e.actors, e.via])),
        issue: e.issues[0] ?? null,
      },
      [...e.actors, e.via],
      eventSources(e),
      [e.title],
    );
  }
  for (const p of content.positions) {
    const actor = actors.get(p.actor);
    const issue = issues.get(p.issue);
    add(
      {
        kind: "position",
        key: `${p.issue}:${p.article}:${p.actor}`,
        label: `${actor?.name ?? p.actor} on ${issue?.title ?? p.issue}: ${p.stance}`,
        title: p.stance,
        body: p.summary,
        involved: indexableText(names([p.actor, p.voice, p.via])),
        issue: p.issue,
        article: p.article,
        actor: p.actor,
      },
      [p.actor, p.voice, p.via],
      [p.article],
    );
  }
  for (const d of content.divergences) {
    const issue = issues.get(d.issue);
    const pair = [d.a, d.b].map((slug) => actors.get(slug)?.name ?? slug).join(" and ");
    add(
      {
        kind: "rating",
        key: `${d.issue}:${d.article}:${d.a}:${d.b}`,
        label: `${issue?.title ?? d.issue}: ${pair} ${LEVEL_WORD[d.level]}`,
        title: "",
        body: d.rationale,
        involved: indexableText(names([d.a, d.b])),
        issue: d.issue,
        article: d.article,
      },
      [d.a, d.b],
      [d.article],
    );
  }

  const mentions = mentionFinder(content.actors);
  const evidenceActors = new Map<string, string[]>();
  for (const item of [...content.events, ...content.positions, ...content.divergences]) {
    const who =
      "actors" in item
        ? [...item.actors, item.via]
        : "actor" in item
          ? [item.actor, item.voice, item.via]
          : [item.a, item.b];
    for (const q of item.evidence) push(evidenceActors, `${q.article}#${q.paragraph}`, ...who);
  }
  for (const article of content.articles) {
    for (const p of article.paragraphs) {
      add(
        {
          kind: "passage",
          key: `${article.slug}:${p.n}`,
          label: `${articles.get(article.slug)!.title}, paragraph ${p.n}`,
          title: "",
          body: p.text,
          article: article.slug,
          paragraph: p.n,
        },
        // An actor the paragraph names, or whose event, position or rating it is quoted for.
        [...mentions(p.text), ...(evidenceActors.get(`${article.slug}#${p.n}`) ?? [])],
        [article.slug],
      );
    }
  }
  return { documents, facets, names: nameRows };
}

function eventSources(e: ResolvedContent["events"][number]): string[] {
  return [...new Set([e.article, ...e.evidence.map((q) => q.article)])];
}

/**
 * The actors a text names, by name or alias, as written (case kept: “US” is the state, “us” is not). One regular
 * expression over every name, longest first, so “Israel Katz” is the minister and not the state.
 */
function mentionFinder(actors: ResolvedActor[]): (text: string) => string[] {
  const bySpelling = new Map<string, string>();
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases])
      if (!bySpelling.has(name)) bySpelling.set(name, actor.slug);
  }
  if (bySpelling.size === 0) return () => [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...bySpelling.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join("|")})(?![\\p{L}\\p{N}])`,
    "gu",
  );
  return (text) => [...new Set(Array.from(text.matchAll(pattern), (m) => bySpelling.get(m[0])!))];
}
