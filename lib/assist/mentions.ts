// Known actors in a text, from the alias gazetteer of content/actors.yaml. A name matches as written, with its first
// letter in either case ("the United States" / "The United States"), in capitals in a capitalised headline, with
// straight or curly apostrophes, followed by a possessive ("Israel’s", "Hamas’"), and demonyms in the plural
// ("Israelis"). Where names overlap the longest wins: "Defense Minister Israel Katz" is Katz, not the state.
import type { ActorKind } from "@/lib/domain";

export interface KnownActor {
  slug: string;
  name: string;
  kind: ActorKind;
  affiliation: string | null;
  aliases: string[];
}

export interface Mention {
  actor: string;
  /** The words as written. */
  text: string;
  start: number;
  end: number;
}

export interface Gazetteer {
  actors: Map<string, KnownActor>;
  find(text: string): Mention[];
  /** Every single word that is part of some known name ("Board" of "Board of Peace"). */
  nameWords: Set<string>;
}

const TITLE_AFTER =
  /^\s+(?:President|Vice President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Finance Minister|Minister|Secretary|Chief|Chair(?:man)?|General|Lieutenant|Colonel|Admiral|Commander|Ambassador|Envoy|Spokes(?:man|woman|person)|Leader|King|Crown Prince|Supreme Leader|official)\b/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const APOSTROPHE = "['’]";

function namePattern(name: string): string {
  const first = name[0]!;
  const head = /\p{L}/u.test(first) ? `[${first.toUpperCase()}${first.toLowerCase()}]` : escape(first);
  const body = escape(name.slice(1)).replace(/['’]/g, APOSTROPHE);
  // Demonyms ending in -i or -an also name the people in the plural ("Israelis", "Iranians").
  const plural = /(?:i|an)$/.test(name) ? "s?" : "";
  const caps =
    name.length >= 4 && name !== name.toUpperCase()
      ? `|${escape(name.toUpperCase()).replace(/['’]/g, APOSTROPHE)}`
      : "";
  return `(?:${head}${body}${plural}${caps})`;
}

export function buildGazetteer(actors: KnownActor[]): Gazetteer {
  const entries: { name: string; slug: string }[] = [];
  const seen = new Set<string>();
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      if (seen.has(name)) continue;
      seen.add(name);
      entries.push({ name, slug: actor.slug });
    }
  }
  entries.sort((a, b) => b.name.length - a.name.length);
  const patterns = entries.map((e) => ({
    slug: e.slug,
    regex: new RegExp(`(?<![\\p{L}\\p{N}])${namePattern(e.name)}(?![\\p{L}\\p{N}])`, "gu"),
  }));
  const nameWords = new Set(
    entries
      .flatMap((e) => e.name.split(/\s+/))
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w.replace(/['’]s$/, "")),
  );
  return {
    actors: new Map(actors.map((a) => [a.slug, a])),
    nameWords,
    find(text) {
      const all: Mention[] = [];
      for (const { slug, regex } of patterns) {
        for (const m of text.matchAll(regex)) {
          all.push({ actor: slug, text: m[0], start: m.index, end: m.index + m[0].length });
        }
      }
      all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      const kept: Mention[] = [];
      for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
      // A name that opens a longer one and is followed by a title names its own actor too: "Israeli" in "Israeli
      // Prime Minister Benjamin Netanyahu", "IDF" in "IDF Chief of Staff …" (but not "Israel" in "Israel Katz").
      const nested = all.filter(
        (m) =>
          !kept.includes(m) &&
          kept.some((k) => k.start === m.start && k.end > m.end && k.actor !== m.actor) &&
          TITLE_AFTER.test(text.slice(m.end)),
      );
      return [...kept, ...nested].sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}

/** The actor a mention stands for in the default pair: itself, or the state or body it belongs to. */
export function pairSide(gazetteer: Gazetteer, slug: string, pair: readonly string[]): string | null {
  let current: string | null = slug;
  for (let depth = 0; current && depth < 4; depth++) {
    if (pair.includes(current)) return current;
    current = gazetteer.actors.get(current)?.affiliation ?? null;
  }
  return null;
}
