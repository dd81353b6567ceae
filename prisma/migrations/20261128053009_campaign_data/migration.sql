-- CreateEnum
CREATE TYPE "EnterpriseType" AS ENUM ('mine', 'smelting', 'recycling', 'trading', 'export');

-- CreateEnum
CREATE TYPE "ProductCategory" AS ENUM ('mineral', 'smelted');

-- CreateEnum
CREATE TYPE "PermitKind" AS ENUM ('eia', 'safety');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('staff', 'agencyHead', 'provincialCoordinator', 'miitCoordinator', 'disciplineInspection');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('industry', 'landResources', 'environment', 'tax', 'customs', 'commerce', 'publicSecurity', 'workSafety', 'miit', 'disciplineInspection');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "selfInspectionStart" DATE NOT NULL,
    "rectificationStart" DATE NOT NULL,
    "acceptanceStart" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "reviewWindowStart" DATE NOT NULL,
    "reviewWindowEnd" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Province" (
    "name" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "provinceName" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "agencyId" TEXT NOT NULL,
    "tokenHash" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "code" CHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "legalRepresentative" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "contactTitle" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "types" "EnterpriseType"[],
    "currentVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "EnterpriseVersion" (
    "enterpriseCode" CHAR(18) NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" CHAR(64) NOT NULL,
    "snapshot" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedBy" TEXT NOT NULL,

    CONSTRAINT "EnterpriseVersion_pkey" PRIMARY KEY ("enterpriseCode","version")
);

-- CreateTable
CREATE TABLE "MiningLicence" (
    "number" TEXT NOT NULL,
    "holderCode" CHAR(18) NOT NULL,
    "area" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "annualQuotaTonnes" DECIMAL(14,3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "MiningLicence_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "PermitDocument" (
    "id" BIGSERIAL NOT NULL,
    "kind" "PermitKind" NOT NULL,
    "enterpriseCode" CHAR(18) NOT NULL,
    "authority" TEXT NOT NULL,
    "documentNo" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "expiresOn" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "PermitDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductionPlan" (
    "id" BIGSERIAL NOT NULL,
    "enterpriseCode" CHAR(18) NOT NULL,
    "year" INTEGER NOT NULL,
    "category" "ProductCategory" NOT NULL,
    "quotaTonnes" DECIMAL(14,3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "ProductionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "enterpriseCode" CHAR(18) NOT NULL,
    "month" CHAR(7) NOT NULL,
    "product" TEXT NOT NULL,
    "category" "ProductCategory" NOT NULL,
    "planTonnes" DECIMAL(14,3),
    "productionTonnes" DECIMAL(14,3) NOT NULL,
    "exportTonnes" DECIMAL(14,3) NOT NULL,
    "purchaseTonnes" DECIMAL(14,3) NOT NULL,
    "supplierCode" CHAR(18),
    "supplierName" TEXT,
    "salesTonnes" DECIMAL(14,3) NOT NULL,
    "customerCode" CHAR(18),
    "customerName" TEXT,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TradeRecord" (
    "id" TEXT NOT NULL,
    "sellerCode" CHAR(18) NOT NULL,
    "buyerCode" CHAR(18),
    "buyerName" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "category" "ProductCategory" NOT NULL,
    "tonnes" DECIMAL(14,3) NOT NULL,
    "tradedOn" DATE NOT NULL,
    "invoiceNo" TEXT NOT NULL,
    "invoiceProvince" TEXT NOT NULL,
    "amountYuan" DECIMAL(16,2),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "TradeRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxRecord" (
    "enterpriseCode" CHAR(18) NOT NULL,
    "period" CHAR(7) NOT NULL,
    "vatYuan" DECIMAL(16,2) NOT NULL,
    "resourceTaxYuan" DECIMAL(16,2) NOT NULL,
    "compensationFeeYuan" DECIMAL(16,2) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "TaxRecord_pkey" PRIMARY KEY ("enterpriseCode","period")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_kind_provinceName_key" ON "Agency"("kind", "provinceName");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_tokenHash_key" ON "StaffUser"("tokenHash");

-- CreateIndex
CREATE INDEX "Enterprise_provinceName_idx" ON "Enterprise"("provinceName");

-- CreateIndex
CREATE INDEX "MiningLicence_holderCode_idx" ON "MiningLicence"("holderCode");

-- CreateIndex
CREATE INDEX "PermitDocument_enterpriseCode_idx" ON "PermitDocument"("enterpriseCode");

-- CreateIndex
CREATE INDEX "ProductionPlan_enterpriseCode_idx" ON "ProductionPlan"("enterpriseCode");

-- CreateIndex
CREATE INDEX "LedgerEntry_enterpriseCode_month_idx" ON "LedgerEntry"("enterpriseCode", "month");

-- CreateIndex
CREATE INDEX "LedgerEntry_supplierCode_idx" ON "LedgerEntry"("supplierCode");

-- CreateIndex
CREATE INDEX "LedgerEntry_customerCode_idx" ON "LedgerEntry"("customerCode");

-- CreateIndex
CREATE INDEX "TradeRecord_sellerCode_idx" ON "TradeRecord"("sellerCode");

-- CreateIndex
CREATE INDEX "TradeRecord_buyerCode_idx" ON "TradeRecord"("buyerCode");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_provinceName_fkey" FOREIGN KEY ("provinceName") REFERENCES "Province"("name") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_provinceName_fkey" FOREIGN KEY ("provinceName") REFERENCES "Province"("name") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseVersion" ADD CONSTRAINT "EnterpriseVersion_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MiningLicence" ADD CONSTRAINT "MiningLicence_holderCode_fkey" FOREIGN KEY ("holderCode") REFERENCES "Enterprise"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitDocument" ADD CONSTRAINT "PermitDocument_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionPlan" ADD CONSTRAINT "ProductionPlan_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxRecord" ADD CONSTRAINT "TaxRecord_enterpriseCode_fkey" FOREIGN KEY ("enterpriseCode") REFERENCES "Enterprise"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

