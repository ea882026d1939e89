-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "url" TEXT,
    "kind" TEXT NOT NULL,
    "publishedStart" TEXT NOT NULL,
    "publishedEnd" TEXT NOT NULL,
    "publishedPrecision" TEXT NOT NULL,
    "publishedStated" TEXT,
    "publishedBasis" TEXT NOT NULL,
    "perspectiveText" TEXT NOT NULL,
    "perspectiveBasis" TEXT NOT NULL,
    "notes" TEXT,
    "rank" INTEGER NOT NULL
);
INSERT INTO "new_Article" ("id", "kind", "notes", "publishedBasis", "publishedEnd", "publishedPrecision", "publishedStart", "publishedStated", "publisher", "rank", "slug", "title", "url") SELECT "id", "kind", "notes", "publishedBasis", "publishedEnd", "publishedPrecision", "publishedStart", "publishedStated", "publisher", "rank", "slug", "title", "url" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
