import { snapshotResponse } from "@/lib/api/schemas";
import { json } from "@/lib/api/respond";
import { snapshotId } from "@/lib/queries/snapshot";

// Which data this server answers from: the same id means the same answers to the same URLs.
export async function GET() {
  return json(snapshotResponse, { snapshot: await snapshotId() });
}
