import Link from "next/link";
import type { ClaimKind } from "@/lib/domain";
import type { ActorRef } from "@/lib/queries/types";
import { CLAIM_DESCRIPTION, CLAIM_LABEL } from "@/lib/site/labels";
import styles from "./claim-tag.module.css";

export interface ClaimTagProps {
  claim: ClaimKind;
  voice?: ActorRef | null;
  via?: ActorRef | null;
}

/** Who is saying it: reported fact, an actor's statement (and whose), or the source's own assessment. */
export function ClaimTag({ claim, voice = null, via = null }: ClaimTagProps) {
  return (
    <span className={styles.claim} data-claim={claim}>
      <span className={styles.kind} title={CLAIM_DESCRIPTION[claim]}>
        {CLAIM_LABEL[claim]}
      </span>
      {voice && (
        <span className={styles.who}>
          {" "}
          by{" "}
          <Link prefetch={false} href={`/actors/${voice.slug}`}>
            {voice.name}
          </Link>
        </span>
      )}
      {via && (
        <span className={styles.who}>
          {" "}
          · according to{" "}
          <Link prefetch={false} href={`/actors/${via.slug}`}>
            {via.name}
          </Link>
        </span>
      )}
    </span>
  );
}
