import { handleStudioWrite } from "@/lib/studio/handle";

// Only the studio server answers (lib/studio/guard.ts); under `npm start` this is a 404 like any unknown path.
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: RouteContext<"/api/studio/[slug]">) {
  return handleStudioWrite(request, (await params).slug);
}
