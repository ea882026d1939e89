import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ReviewPage } from "@/components/studio/review-page";
import { studioContentDir, studioToken } from "@/lib/studio/guard";
import { undoCount } from "@/lib/studio/journal";
import { loadStudioReview } from "@/lib/studio/view";

export async function generateMetadata({ params }: PageProps<"/studio/[slug]">): Promise<Metadata> {
  return { title: `Studio: review ${(await params).slug}` };
}

export default async function StudioReviewPage({ params, searchParams }: PageProps<"/studio/[slug]">) {
  await connection();
  const token = studioToken();
  if (!token) notFound();
  const { slug } = await params;
  const review = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)
    ? await loadStudioReview(studioContentDir(), slug)
    : null;
  if (!review) notFound();
  const query = await searchParams;
  const one = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : undefined);
  return (
    <ReviewPage
      review={review}
      token={token}
      undoable={undoCount(slug)}
      outcome={{ done: one("done"), error: one("error"), problems: one("problems"), item: one("item") }}
    />
  );
}
