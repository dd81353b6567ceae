-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "daysPerSecond" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "CampaignProvince" (
    "campaignId" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "allOnFile" BOOLEAN NOT NULL,
    "enterpriseCodes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "CampaignProvince_pkey" PRIMARY KEY ("campaignId","provinceName")
);

-- AddForeignKey
ALTER TABLE "CampaignProvince" ADD CONSTRAINT "CampaignProvince_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignProvince" ADD CONSTRAINT "CampaignProvince_provinceName_fkey" FOREIGN KEY ("provinceName") REFERENCES "Province"("name") ON DELETE RESTRICT ON UPDATE CASCADE;

