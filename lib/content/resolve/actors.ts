import type { LocatedYaml, Path } from "../parse";
import type { ActorsFile } from "../schema";
import type { ResolvedActor } from "../types";
import { firstBySlug, suggest, unique, type Report } from "./context";

/** Actors, each name and alias belonging to one actor, affiliations pointing at another actor. */
export function resolveActors(
  source: { value: ActorsFile; loc: LocatedYaml },
  report: Report,
): ResolvedActor[] {
  const { value, loc } = source;
  const bySlug = firstBySlug(value, "actor", loc, report);
  const names = new Map<string, { slug: string; path: Path }>();
  value.forEach((actor, i) => {
    const claim = (name: string, path: Path) => {
      const index = bySlug.get(name);
      const owner = names.get(name) ?? (index !== undefined ? { slug: name, path: [index, "slug"] } : null);
      if (owner && owner.slug !== actor.slug) {
        report(
          loc,
          path,
          `"${name}" already names actor "${owner.slug}" (line ${loc.lineOf(owner.path)}): an alias belongs to one actor`,
        );
      } else names.set(name, { slug: actor.slug, path });
    };
    claim(actor.name, [i, "name"]);
    actor.aliases.forEach((alias, j) => claim(alias, [i, "aliases", j]));
    if (actor.affiliation !== undefined) {
      if (actor.affiliation === actor.slug)
        report(loc, [i, "affiliation"], "an actor cannot be its own affiliation");
      else if (!bySlug.has(actor.affiliation)) {
        report(
          loc,
          [i, "affiliation"],
          `unknown actor "${actor.affiliation}"${suggest(actor.affiliation, bySlug.keys())}`,
        );
      }
    }
  });
  return value.map((actor) => ({
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    description: actor.description,
    affiliation: actor.affiliation ?? null,
    aliases: unique(actor.aliases),
  }));
}

/** Looks an actor up by slug, name or alias, exactly as written. */
export function actorFinder(actors: ResolvedActor[]) {
  const lookup = new Map<string, string>();
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) if (!lookup.has(name)) lookup.set(name, actor.slug);
  }
  for (const actor of actors) lookup.set(actor.slug, actor.slug);
  const known = new Set(actors.map((a) => a.slug));
  return (ref: string): { slug: string } | { error: string } => {
    const slug = lookup.get(ref);
    return slug ? { slug } : { error: `unknown actor "${ref}"${suggest(ref, known)}` };
  };
}
