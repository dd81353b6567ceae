-- CreateEnum
CREATE TYPE "ReferralState" AS ENUM ('reported', 'routed', 'accepted', 'closed');

-- AlterTable
ALTER TABLE "Tip" ADD COLUMN     "outcome" JSONB,
ADD COLUMN     "triagedAt" TIMESTAMP(3),
ADD COLUMN     "triagedBy" TEXT;

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "fromProvince" TEXT NOT NULL,
    "toProvince" TEXT,
    "counterpartName" TEXT NOT NULL,
    "counterpartCode" CHAR(18),
    "facts" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "reportedBy" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" "ReferralState" NOT NULL DEFAULT 'reported',
    "routedBy" TEXT,
    "routedAt" TIMESTAMP(3),
    "closedReason" TEXT,
    "acceptedBy" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "result" JSONB,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Referral_fromProvince_idx" ON "Referral"("fromProvince");

-- CreateIndex
CREATE INDEX "Referral_toProvince_idx" ON "Referral"("toProvince");

