-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" INTEGER NOT NULL,
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
    "paragraph" INTEGER,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchFacet" (
    "documentId" INTEGER NOT NULL,
    "facet" TEXT NOT NULL,
    "slug" TEXT NOT NULL,

    CONSTRAINT "SearchFacet_pkey" PRIMARY KEY ("documentId","facet","slug")
);

-- CreateTable
CREATE TABLE "SearchName" (
    "name" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,

    CONSTRAINT "SearchName_pkey" PRIMARY KEY ("name","documentId")
);

-- CreateTable
CREATE TABLE "ArticleActor" (
    "articleId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "ArticleActor_pkey" PRIMARY KEY ("articleId","actorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_kind_key_key" ON "SearchDocument"("kind", "key");

-- CreateIndex
CREATE INDEX "ArticleActor_actorId_idx" ON "ArticleActor"("actorId");

-- AddForeignKey
ALTER TABLE "SearchFacet" ADD CONSTRAINT "SearchFacet_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SearchDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchName" ADD CONSTRAINT "SearchName_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SearchDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleActor" ADD CONSTRAINT "ArticleActor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleActor" ADD CONSTRAINT "ArticleActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
