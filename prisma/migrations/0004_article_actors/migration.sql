-- CreateTable
CREATE TABLE "ArticleActor" (
    "articleId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "actorId"),
    CONSTRAINT "ArticleActor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ArticleActor_actorId_idx" ON "ArticleActor"("actorId");
