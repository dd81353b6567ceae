-- CreateTable
CREATE TABLE "TypicalCase" (
    "campaignId" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "enterpriseCode" CHAR(18) NOT NULL,
    "reasons" JSONB NOT NULL,
    "note" TEXT,
    "designatedBy" TEXT NOT NULL,
    "designatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TypicalCase_pkey" PRIMARY KEY ("campaignId","enterpriseCode")
);

-- CreateIndex
CREATE INDEX "TypicalCase_campaignId_provinceName_idx" ON "TypicalCase"("campaignId", "provinceName");
