-- AlterEnum
ALTER TYPE "AgencyKind" ADD VALUE 'coordinationMechanism';

-- AlterTable: an agency may have several addresses; the one it had is kept.
ALTER TABLE "Agency" ADD COLUMN     "currentVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "emails" TEXT[];
UPDATE "Agency" SET "emails" = ARRAY["email"];
ALTER TABLE "Agency" DROP COLUMN "email";

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "currentVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AgencyVersion" (
    "agencyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedBy" TEXT NOT NULL,

    CONSTRAINT "AgencyVersion_pkey" PRIMARY KEY ("agencyId","version")
);

-- CreateTable
CREATE TABLE "StaffVersion" (
    "staffId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedBy" TEXT NOT NULL,

    CONSTRAINT "StaffVersion_pkey" PRIMARY KEY ("staffId","version")
);

-- AddForeignKey
ALTER TABLE "AgencyVersion" ADD CONSTRAINT "AgencyVersion_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffVersion" ADD CONSTRAINT "StaffVersion_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What was on file before versioning becomes each entry's version 1, so every entry has its history.
INSERT INTO "AgencyVersion" ("agencyId", "version", "snapshot", "source", "changedAt", "changedBy")
SELECT "id", 1, jsonb_build_object('kind', "kind", 'province', "provinceName", 'name', "name", 'emails', to_jsonb("emails")), 'migration', "updatedAt", "updatedBy" FROM "Agency";
INSERT INTO "StaffVersion" ("staffId", "version", "snapshot", "source", "changedAt", "changedBy")
SELECT "id", 1, jsonb_build_object('name', "name", 'email', "email", 'mobile', "mobile", 'agencyId', "agencyId", 'role', "role", 'active', "disabledAt" IS NULL), 'migration', "updatedAt", "updatedBy" FROM "StaffUser";
