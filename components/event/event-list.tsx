import type { EventView } from "@/lib/queries/types";
import { toEventSummary } from "@/lib/views/events";
import { EventEvidence } from "./event-evidence";
import { EventItem } from "./event-item";

export interface EventListProps {
  events: EventView[];
  titles: Record<string, string>;
}

/** Events in the order given, each with its evidence on demand: the list on issue and actor pages. */
export function EventList({ events, titles }: EventListProps) {
  return (
    <ol className="plain-list">
      {events.map((event) => (
        <li key={event.slug}>
          <EventItem event={toEventSummary(event)} titles={titles}>
            <EventEvidence event={event} titles={titles} />
          </EventItem>
        </li>
      ))}
    </ol>
  );
}
