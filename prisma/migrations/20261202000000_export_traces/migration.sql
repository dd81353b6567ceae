-- CreateTable
CREATE TABLE "ExportTrace" (
    "caseId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "exporterCode" TEXT NOT NULL,
    "trace" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportTrace_pkey" PRIMARY KEY ("caseId")
);

-- CreateIndex
CREATE INDEX "ExportTrace_campaignId_idx" ON "ExportTrace"("campaignId");
