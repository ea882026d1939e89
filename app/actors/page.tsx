import type { Metadata } from "next";
import Link from "next/link";
import { ACTOR_KINDS } from "@/lib/domain";
import { listActors } from "@/lib/queries/actors";
import { ACTOR_KIND_PLURAL } from "@/lib/site/labels";
import styles from "./actors.module.css";

export const metadata: Metadata = {
  title: "Actors",
  description:
    "States, leaders, officials, armed groups, organisations, media and analysts, with their positions and events.",
  alternates: { canonical: "/actors" },
};

export default async function ActorsPage() {
  const actors = await listActors();
  return (
    <>
      <h1>Actors</h1>
      <p className="lede">Everyone the sources give a role, grouped by kind.</p>
      {ACTOR_KINDS.map((kind) => {
        const group = actors.filter((a) => a.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{ACTOR_KIND_PLURAL[kind]}</h2>
            <ul className={styles.list}>
              {group.map((actor) => (
                <li key={actor.slug}>
                  <Link prefetch={false} href={`/actors/${actor.slug}`} className={styles.name}>
                    {actor.name}
                  </Link>
                  {actor.affiliation && <span className="ui muted"> · {actor.affiliation.name}</span>}
                  <p className={styles.description}>{actor.description}</p>
                  <p className="ui muted">
                    {plural(actor.positionCount, "position")}
                    {actor.voicedCount > 0 &&
                      ` · ${plural(actor.voicedCount, "position")} voiced or reported`}
                    {` · ${plural(actor.eventCount, "event")}`}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
