// The second build `npm test` makes, over content written to attack the pages (tests/fixtures/hostile).
export const HOSTILE = {
  /** E2E_HOSTILE_DIST points the hostile tests at another build of it (a deliberately broken one, say). */
  dist: process.env.E2E_HOSTILE_DIST || ".next-hostile",
  db: "tests/.tmp/hostile.db",
  content: "tests/fixtures/hostile",
};
