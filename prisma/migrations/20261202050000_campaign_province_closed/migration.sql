-- AlterTable
ALTER TABLE "CampaignProvince" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "supervised" TEXT[] DEFAULT ARRAY[]::TEXT[];
