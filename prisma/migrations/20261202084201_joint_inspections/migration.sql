-- CreateTable
CREATE TABLE "JointInspection" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "members" JSONB NOT NULL,
    "scheduledBy" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "findings" TEXT,
    "supervised" JSONB,
    "recordedBy" TEXT,
    "recordedAt" TIMESTAMP(3),

    CONSTRAINT "JointInspection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JointInspection_campaignId_provinceName_idx" ON "JointInspection"("campaignId", "provinceName");

