import { appEnv } from "@/lib/env";

/** The public origin used for canonical URLs, Open Graph and the sitemap. Set SITE_URL when deploying. */
export const SITE_URL = appEnv().SITE_URL;
export const SITE_NAME = "Faultlines";
export const SITE_DESCRIPTION =
  "Where the United States and Israel stand, issue by issue: positions, events and divergence, each traced to the words of its source.";
