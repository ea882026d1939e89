import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActorBySlug, listActorSlugs } from "@/lib/queries/actors";
import { listArticles } from "@/lib/queries/articles";
import { ACTOR_KIND_SINGULAR, snapshotLabel, titleMap } from "@/lib/site/labels";
import { timelineHref } from "@/lib/url-state/hrefs";
import { EventList } from "@/components/event/event-list";
import { PositionCard } from "@/components/issue/position-card";
import { CopyLink } from "@/components/ui/copy-link";
import { Section } from "@/components/ui/section";
import head from "@/components/ui/page-head.module.css";
import styles from "./actor.module.css";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listActorSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: PageProps<"/actors/[slug]">): Promise<Metadata> {
  const actor = await getActorBySlug((await params).slug);
  if (!actor) return {};
  return {
    title: actor.name,
    description: actor.description,
    alternates: { canonical: `/actors/${actor.slug}` },
    openGraph: { title: actor.name, description: actor.description, url: `/actors/${actor.slug}` },
    twitter: { card: "summary", title: actor.name, description: actor.description },
  };
}

export default async function ActorPage({ params }: PageProps<"/actors/[slug]">) {
  const [actor, articles] = await Promise.all([getActorBySlug((await params).slug), listArticles()]);
  if (!actor) notFound();
  const titles = titleMap(articles);
  const byArticle = articles
    .map((article) => ({
      article,
      positions: actor.positions.filter((p) => p.article.slug === article.slug),
    }))
    .filter((group) => group.positions.length > 0);
  return (
    <article>
      <header className={head.header}>
        <p className="eyebrow">
          <Link prefetch={false} href="/actors">
            Actor
          </Link>{" "}
          · {ACTOR_KIND_SINGULAR[actor.kind]}
        </p>
        <h1>
          {actor.name}
          <CopyLink href={`/actors/${actor.slug}`} label="Copy a link to this actor" />
        </h1>
        <p className="lede">{actor.description}</p>
        <dl className={head.meta}>
          {actor.aliases.length > 0 && (
            <div>
              <dt>Also called</dt>
              <dd>{actor.aliases.map((a) => `“${a}”`).join(", ")}</dd>
            </div>
          )}
          {actor.affiliation && (
            <div>
              <dt>Part of</dt>
              <dd>
                <Link prefetch={false} href={`/actors/${actor.affiliation.slug}`}>
                  {actor.affiliation.name}
                </Link>
              </dd>
            </div>
          )}
          {actor.members.length > 0 && (
            <div>
              <dt>Includes</dt>
              <dd>
                {actor.members.map((m, i) => (
                  <span key={m.slug}>
                    {i > 0 && ", "}
                    <Link prefetch={false} href={`/actors/${m.slug}`}>
                      {m.name}
                    </Link>
                  </span>
                ))}
              </dd>
            </div>
          )}
          {actor.discussedIn.length > 0 && (
            <div>
              <dt>Discussed in</dt>
              <dd>
                {actor.discussedIn.map((a, i) => (
                  <span key={a.slug}>
                    {i > 0 && ", "}
                    <Link prefetch={false} href={`/articles/${a.slug}`}>
                      {a.title}
                    </Link>
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
        <p>
          <Link prefetch={false} href={timelineHref({ actors: [actor.slug] })} className={head.cta}>
            {actor.name} in the timeline ({actor.events.length} event{actor.events.length === 1 ? "" : "s"}) →
          </Link>
        </p>
      </header>

      {byArticle.length > 0 && (
        <Section
          id="positions"
          title="Positions"
          intro="By source, oldest first: each is a snapshot at its publication date."
        >
          {byArticle.map(({ article, positions }) => (
            <section key={article.slug} aria-labelledby={`pos-${article.slug}`}>
              <h3 id={`pos-${article.slug}`} className={styles.snapshot}>
                {snapshotLabel(article)} ·{" "}
                <Link prefetch={false} href={`/articles/${article.slug}`}>
                  {article.title}
                </Link>
              </h3>
              <div className={styles.cards}>
                {positions.map((p) => (
                  <PositionCard
                    key={p.issue.slug}
                    position={p}
                    titles={titles}
                    heading="issue"
                    headingLevel={4}
                  />
                ))}
              </div>
            </section>
          ))}
        </Section>
      )}

      {actor.voiced.length > 0 && (
        <Section
          id="voiced"
          title="Positions expressed or reported"
          intro={`Positions of others that ${actor.name} voiced or reported.`}
        >
          <div className={styles.cards}>
            {actor.voiced.map((p) => (
              <PositionCard
                key={`${p.article.slug}-${p.actor.slug}-${p.issue.slug}`}
                position={p}
                titles={titles}
                heading="issue"
              />
            ))}
          </div>
        </Section>
      )}

      <Section id="timeline" title="Events">
        {actor.events.length === 0 ? (
          <p>No dated events involve {actor.name}.</p>
        ) : (
          <EventList events={actor.events} titles={titles} />
        )}
      </Section>

      {actor.reported.length > 0 && (
        <Section
          id="reported"
          title="Events it reported"
          intro={`Events the sources credit to ${actor.name}'s account.`}
        >
          <EventList events={actor.reported} titles={titles} />
        </Section>
      )}
    </article>
  );
}
