import type { EventView } from "@/lib/queries/types";
import { EventItem } from "./event-item";

export interface EventListProps {
  events: EventView[];
  titles: Record<string, string>;
}

/** Events in the order given, each in full: the list on issue and actor pages. */
export function EventList({ events, titles }: EventListProps) {
  return (
    <ol className="plain-list">
      {events.map((event) => (
        <li key={event.slug}>
          <EventItem event={event} titles={titles} />
        </li>
      ))}
    </ol>
  );
}
