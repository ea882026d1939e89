import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { studioToken } from "@/lib/studio/guard";

// The studio exists only in a server started by `npm run studio` (lib/studio/guard.ts): under `npm start` every
// page below is a 404.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  await connection();
  if (!studioToken()) notFound();
  return children;
}
