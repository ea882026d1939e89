import type { ActorKind } from "@/lib/domain";

export const ACTOR_KIND_PLURAL: Record<ActorKind, string> = {
  state: "States",
  leader: "Leaders",
  official: "Officials",
  "armed-group": "Armed groups",
  organisation: "Organisations",
  media: "Media",
  analyst: "Analysts",
  person: "People",
  collective: "Groups and collectives",
};

export const ACTOR_KIND_SINGULAR: Record<ActorKind, string> = {
  state: "State",
  leader: "Leader",
  official: "Official",
  "armed-group": "Armed group",
  organisation: "Organisation",
  media: "Media",
  analyst: "Analyst",
  person: "Person",
  collective: "Group",
};
