import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { StudioList } from "@/components/studio/studio-list";
import { studioContentDir, studioToken } from "@/lib/studio/guard";
import { listStudioArticles } from "@/lib/studio/view";

export const metadata: Metadata = { title: "Studio: articles to review" };

export default async function StudioPage() {
  await connection();
  if (!studioToken()) notFound();
  const { articles, problems } = await listStudioArticles(studioContentDir());
  return <StudioList articles={articles} problems={problems} />;
}
