-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "aliases" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "involved" TEXT NOT NULL,
    "issue" TEXT,
    "article" TEXT,
    "actor" TEXT,
    "paragraph" INTEGER
);

-- CreateTable
CREATE TABLE "SearchFacet" (
    "documentId" INTEGER NOT NULL,
    "facet" TEXT NOT NULL,
    "slug" TEXT NOT NULL,

    PRIMARY KEY ("documentId", "facet", "slug"),
    CONSTRAINT "SearchFacet_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SearchDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchName" (
    "name" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,

    PRIMARY KEY ("name", "documentId"),
    CONSTRAINT "SearchName_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SearchDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_kind_key_key" ON "SearchDocument"("kind", "key");

-- Written by hand: the full-text index over SearchDocument (an FTS5 external-content table, so the text is stored
-- once). Words are folded to their stem (porter) and stripped of diacritics (unicode61 remove_diacritics 2).
-- Prisma does not manage it: it and its shadow tables are listed as external tables in prisma/external-tables.ts.
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    "title",
    "aliases",
    "body",
    "involved",
    content = 'SearchDocument',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
