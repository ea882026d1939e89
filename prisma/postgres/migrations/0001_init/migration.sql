-- CreateTable
CREATE TABLE "Meta" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Meta_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
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
    "rank" INTEGER NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "affiliationId" INTEGER,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,

    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueRelation" (
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,

    CONSTRAINT "IssueRelation_pkey" PRIMARY KEY ("fromId","toId")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "viaId" INTEGER,
    "stated" TEXT NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "precision" TEXT NOT NULL,
    "circa" BOOLEAN NOT NULL DEFAULT false,
    "basis" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventActor" (
    "eventId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    CONSTRAINT "EventActor_pkey" PRIMARY KEY ("eventId","actorId")
);

-- CreateTable
CREATE TABLE "EventIssue" (
    "eventId" INTEGER NOT NULL,
    "issueId" INTEGER NOT NULL,

    CONSTRAINT "EventIssue_pkey" PRIMARY KEY ("eventId","issueId")
);

-- CreateTable
CREATE TABLE "EventSource" (
    "eventId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "EventSource_pkey" PRIMARY KEY ("eventId","articleId")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "issueId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "stance" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "voiceId" INTEGER,
    "viaId" INTEGER,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Divergence" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "actorAId" INTEGER NOT NULL,
    "actorBId" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "ratedBy" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,

    CONSTRAINT "Divergence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" SERIAL NOT NULL,
    "quote" TEXT NOT NULL,
    "paragraphId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "eventId" INTEGER,
    "positionId" INTEGER,
    "divergenceId" INTEGER,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_articleId_n_key" ON "Paragraph"("articleId", "n");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "ActorAlias_alias_key" ON "ActorAlias"("alias");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_slug_key" ON "Issue"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_start_end_idx" ON "Event"("start", "end");

-- CreateIndex
CREATE INDEX "EventActor_actorId_idx" ON "EventActor"("actorId");

-- CreateIndex
CREATE INDEX "EventIssue_issueId_idx" ON "EventIssue"("issueId");

-- CreateIndex
CREATE INDEX "EventSource_articleId_idx" ON "EventSource"("articleId");

-- CreateIndex
CREATE INDEX "Position_issueId_idx" ON "Position"("issueId");

-- CreateIndex
CREATE UNIQUE INDEX "Position_actorId_issueId_articleId_key" ON "Position"("actorId", "issueId", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "Divergence_issueId_articleId_actorAId_actorBId_key" ON "Divergence"("issueId", "articleId", "actorAId", "actorBId");

-- CreateIndex
CREATE INDEX "Evidence_paragraphId_idx" ON "Evidence"("paragraphId");

-- CreateIndex
CREATE INDEX "Evidence_eventId_idx" ON "Evidence"("eventId");

-- CreateIndex
CREATE INDEX "Evidence_positionId_idx" ON "Evidence"("positionId");

-- CreateIndex
CREATE INDEX "Evidence_divergenceId_idx" ON "Evidence"("divergenceId");

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_affiliationId_fkey" FOREIGN KEY ("affiliationId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueRelation" ADD CONSTRAINT "IssueRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueRelation" ADD CONSTRAINT "IssueRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_viaId_fkey" FOREIGN KEY ("viaId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventIssue" ADD CONSTRAINT "EventIssue_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventIssue" ADD CONSTRAINT "EventIssue_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_voiceId_fkey" FOREIGN KEY ("voiceId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_viaId_fkey" FOREIGN KEY ("viaId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Divergence" ADD CONSTRAINT "Divergence_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Divergence" ADD CONSTRAINT "Divergence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Divergence" ADD CONSTRAINT "Divergence_actorAId_fkey" FOREIGN KEY ("actorAId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Divergence" ADD CONSTRAINT "Divergence_actorBId_fkey" FOREIGN KEY ("actorBId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_divergenceId_fkey" FOREIGN KEY ("divergenceId") REFERENCES "Divergence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
