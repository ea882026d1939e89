// The site's fixed addresses, for whatever lists them all: the sitemap, the fuzz test, the response diff.

/** The pages that list things, in the sitemap's order. */
export const INDEX_PAGES = ["/", "/issues", "/timeline", "/matrix", "/actors", "/articles"] as const;

/** The files every site serves for crawlers. */
export const CRAWLER_FILES = ["/sitemap.xml", "/robots.txt"] as const;

/** The JSON and CSV API's fixed addresses (`/api/v1/issues/<slug>` is the one with a slug). */
export const API_ROUTES = [
  "/api/v1/articles",
  "/api/v1/actors",
  "/api/v1/issues",
  "/api/v1/events",
  "/api/v1/events.csv",
  "/api/v1/matrix",
  "/api/v1/search",
] as const;
