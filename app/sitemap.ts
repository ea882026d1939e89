import type { MetadataRoute } from "next";
import { listActorSlugs } from "@/lib/queries/actors";
import { listArticleSlugs } from "@/lib/queries/articles";
import { listEventSlugs } from "@/lib/queries/events";
import { listIssueSlugs } from "@/lib/queries/issues";
import { SITE_URL } from "@/lib/site/config";
import { INDEX_PAGES } from "@/lib/site/routes";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [issues, actors, articles, events] = await Promise.all([
    listIssueSlugs(),
    listActorSlugs(),
    listArticleSlugs(),
    listEventSlugs(),
  ]);
  const paths = [
    ...INDEX_PAGES,
    ...issues.map((slug) => `/issues/${slug}`),
    ...actors.map((slug) => `/actors/${slug}`),
    ...articles.map((slug) => `/articles/${slug}`),
    ...events.map((slug) => `/events/${slug}`),
  ];
  return paths.map((path) => ({ url: `${SITE_URL}${path}` }));
}
