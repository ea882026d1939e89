import Link from "next/link";
import { DEFAULT_PAIR, inPair } from "@/lib/domain";
import type { PositionView } from "@/lib/queries/types";
import { ClaimTag } from "@/components/ui/claim-tag";
import { EvidenceList } from "@/components/ui/evidence-list";
import styles from "./position-card.module.css";

export interface PositionCardProps {
  position: PositionView;
  titles: Record<string, string>;
  /** What to name the card by: the actor (on issue pages) or the issue (on actor pages). */
  heading: "actor" | "issue";
  headingLevel?: 3 | 4;
  /** Quotes name only the paragraph: the surrounding section already names the article. */
  compact?: boolean;
}

export function positionAnchor(p: { article: { slug: string }; actor: { slug: string } }) {
  return `position-${p.article.slug}-${p.actor.slug}`;
}

/** A position: stance, summary, who says so, and the quotes. */
export function PositionCard({
  position,
  titles,
  heading,
  headingLevel = 3,
  compact = false,
}: PositionCardProps) {
  const Heading = `h${headingLevel}` as const;
  const side = inPair(DEFAULT_PAIR, position.actor.slug) ? position.actor.slug : "other";
  return (
    <article
      className={styles.card}
      data-side={side}
      id={heading === "actor" ? positionAnchor(position) : undefined}
    >
      <Heading className={styles.heading}>
        {heading === "actor" ? (
          <Link prefetch={false} href={`/actors/${position.actor.slug}`}>
            {position.actor.name}
          </Link>
        ) : (
          <a href={`/issues/${position.issue.slug}#${positionAnchor(position)}`}>{position.issue.title}</a>
        )}
      </Heading>
      <p className={styles.stance}>{position.stance}</p>
      <p className={styles.summary}>{position.summary}</p>
      <p className={styles.claim}>
        <ClaimTag claim={position.claim} voice={position.voice} via={position.via} />
      </p>
      <EvidenceList evidence={position.evidence} titles={titles} compact={compact} />
    </article>
  );
}

/** The empty half of a side-by-side panel: says plainly that the source gives no position. */
export function NoPosition({
  name,
  inSentence = name,
  headingLevel = 3,
}: {
  name: string;
  /** The name as it reads mid-sentence ("the United States"). */
  inSentence?: string;
  headingLevel?: 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`${styles.card} ${styles.empty}`}>
      <Heading className={styles.heading}>{name}</Heading>
      <p className={styles.summary}>This article gives no position for {inSentence}.</p>
    </article>
  );
}
