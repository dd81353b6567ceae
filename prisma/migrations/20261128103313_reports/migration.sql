-- AlterTable
ALTER TABLE "OutboundEmail" ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "provinceName" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "boundary" TEXT,
    "draft" BOOLEAN NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "generatedBy" TEXT NOT NULL,
    "openTasks" INTEGER NOT NULL,
    "files" JSONB NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_campaignId_provinceName_idx" ON "Report"("campaignId", "provinceName");

