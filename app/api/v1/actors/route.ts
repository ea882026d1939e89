import { actorsResponse } from "@/lib/api/schemas";
import { json } from "@/lib/api/respond";
import { listActors } from "@/lib/queries/actors";

export async function GET() {
  const actors = await listActors();
  return json(actorsResponse, {
    actors: actors.map((a) => ({ slug: a.slug, name: a.name, kind: a.kind, aliases: a.aliases })),
  });
}
