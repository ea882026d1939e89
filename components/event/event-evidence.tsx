import type { EventView } from "@/lib/queries/types";
import { timelineHref } from "@/lib/url-state/hrefs";
import { ClaimTag } from "@/components/ui/claim-tag";
import { EvidenceList } from "@/components/ui/evidence-list";
import { evidenceLabel } from "./event-item";
import styles from "./event-item.module.css";

/** An event's evidence on demand: who says it, how its date was settled, and the quotes it rests on. */
export function EventEvidence({ event, titles }: { event: EventView; titles: Record<string, string> }) {
  return (
    <details className={styles.details}>
      <summary>{evidenceLabel(event.evidence.length)}</summary>
      <p className={styles.claim}>
        <ClaimTag claim={event.claim} via={event.via} />
      </p>
      <p className={styles.basis}>
        <strong>Dating:</strong> {event.date.basis}{" "}
        <a href={timelineHref({ from: event.date.start, to: event.date.end })}>Events in this period</a>
      </p>
      <EvidenceList evidence={event.evidence} titles={titles} />
    </details>
  );
}
