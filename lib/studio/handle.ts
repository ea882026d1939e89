// POST /api/studio/<slug>: one review action. A plain form post (no JavaScript) is answered with a redirect back
// to the page, which shows what happened; a request that asks for JSON gets the status and the message. Refused
// writes: 404 (not the studio, or no such article), 403 (origin or token), 400 (a malformed request), 409 (the
// files changed since the page was loaded), 422 (the result would not be valid content: every problem, file:line).
import { z } from "zod";
import { ContentError, formatProblem } from "@/lib/content";
import { SLUG_PATTERN as SLUG } from "@/lib/domain";
import { StaleVersion, WriteRefused } from "@/lib/content/write";
import { refuseWrite, studioContentDir, studioToken } from "./guard";
import { forgetLast, lastChange, remember } from "./journal";
import {
  ACCEPTABLE,
  applyOperation,
  BadOperation,
  FINDINGS,
  readArticleFiles,
  reviewVersion,
  undoOperation,
  type Operation,
} from "./operations";
import { loadStudioReview } from "./view";

const text = z.string().optional();
const index = z.coerce.number().int().min(0);
const formSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("accept"), section: z.enum(ACCEPTABLE), index }),
  z.object({
    op: z.literal("edit"),
    section: z.enum(["events", "positions"]),
    index,
    title: text,
    summary: text,
    stance: text,
    claim: text,
  }),
  z.object({ op: z.literal("reject"), section: z.enum([...ACCEPTABLE, ...FINDINGS]), index }),
  z.object({ op: z.literal("accept-all"), section: z.enum(ACCEPTABLE) }),
  z.object({
    op: z.literal("create"),
    kind: z.enum(["event", "position"]),
    quote: z.string(),
    paragraph: z.coerce.number().int().min(1),
    title: text,
    summary: z.string(),
    stance: text,
    claim: z.string(),
    actor: z.string().min(1, "choose an actor"),
    issue: z.string().min(1, "choose an issue"),
    stated: text,
    start: text,
    precision: text,
    basis: text,
  }),
  z.object({ op: z.literal("publish"), perspective: text, perspective_basis: text }),
  z.object({ op: z.literal("undo") }),
]);

export interface StudioResult {
  status: number;
  message: string;
  /** The item the message is about, to show it beside that item. */
  item?: string;
  problems?: string[];
  changed?: { file: string; line: number }[];
}

export async function handleStudioWrite(request: Request, slug: string): Promise<Response> {
  if (!studioToken()) return new Response("Not found\n", { status: 404 });
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const form = await request.formData().catch(() => null);
  const fields = form ? Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) : {};
  const result = await run(request, slug, fields);
  if (wantsJson || result.status === 403 || result.status === 404) {
    return Response.json({ ok: result.status === 200, ...result }, { status: result.status });
  }
  const params = new URLSearchParams();
  params.set(result.status === 200 ? "done" : "error", result.message);
  if (result.problems?.length) params.set("problems", result.problems.join("\n"));
  if (result.item) params.set("item", result.item);
  const location = `/studio/${slug}?${params}${result.item ? `#${result.item}` : ""}`;
  return new Response(null, { status: 303, headers: { location } });
}

async function run(request: Request, slug: string, fields: Record<string, string>): Promise<StudioResult> {
  const refused = refuseWrite(request.headers, fields.token ?? null);
  if (refused) return { status: 403, message: refused };
  if (!SLUG.test(slug)) return { status: 404, message: `no article "${slug}"` };
  const contentDir = studioContentDir();
  const files = readArticleFiles(contentDir, slug);
  if (files.article.text === null) return { status: 404, message: `no article "${slug}"` };

  const parsed = formSchema.safeParse(fields);
  const item =
    fields.op === "create"
      ? "create"
      : fields.section && fields.index
        ? `${fields.section}-${fields.index}`
        : undefined;
  if (!parsed.success)
    return {
      status: 400,
      item,
      message: `the request is malformed: ${parsed.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; ")}`,
    };
  const form = parsed.data;
  try {
    if (form.op === "undo") {
      const last = lastChange(slug);
      if (!last) return { status: 400, message: "nothing to undo in this studio session" };
      if (reviewVersion(files) !== fields.version)
        throw new StaleVersion(
          `the files of "${slug}" changed since this page was loaded: nothing was undone; reload to see them`,
        );
      const { changed } = await undoOperation(contentDir, last);
      forgetLast(slug);
      return { status: 200, message: "Undid the last change.", changed };
    }
    const operation = toOperation(form);
    const taken =
      operation.op === "create" ? (await loadStudioReview(contentDir, slug))?.takenEventSlugs : undefined;
    const applied = await applyOperation(contentDir, slug, fields.version ?? "", operation, taken);
    remember(slug, applied.undo);
    const where = applied.changed.map((c) => `${c.file}:${c.line}`).join(", ");
    return { status: 200, message: `${applied.message} Written: ${where}.`, changed: applied.changed };
  } catch (error) {
    if (error instanceof StaleVersion) return { status: 409, item, message: error.message };
    if (error instanceof ContentError)
      return {
        status: 422,
        item,
        message: `Not written: the change would make the content invalid (${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}).`,
        problems: error.problems.map(formatProblem),
      };
    if (error instanceof BadOperation || error instanceof WriteRefused)
      return { status: 400, item, message: `Not written: ${error.message}.` };
    throw error;
  }
}

function toOperation(form: Exclude<z.infer<typeof formSchema>, { op: "undo" }>): Operation {
  switch (form.op) {
    case "edit":
      return {
        op: "accept",
        section: form.section,
        index: form.index,
        edit: { title: form.title, summary: form.summary, stance: form.stance, claim: form.claim },
      };
    case "create":
      return {
        op: "create",
        item: {
          kind: form.kind,
          quote: form.quote,
          paragraph: form.paragraph,
          title: form.title,
          summary: form.summary,
          stance: form.stance || form.title,
          claim: form.claim,
          actors: [form.actor],
          issue: form.issue,
          date:
            form.kind === "event"
              ? {
                  stated: form.stated ?? "",
                  start: form.start ?? "",
                  precision: form.precision ?? "",
                  basis: form.basis ?? "",
                }
              : undefined,
        },
      };
    case "publish":
      return form.perspective === undefined && form.perspective_basis === undefined
        ? { op: "publish" }
        : {
            op: "publish",
            perspective: { text: form.perspective ?? "", basis: form.perspective_basis ?? "" },
          };
    default:
      return form;
  }
}
