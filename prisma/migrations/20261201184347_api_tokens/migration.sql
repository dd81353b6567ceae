-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE INDEX "ApiToken_staffId_idx" ON "ApiToken"("staffId");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The tokens held on staff rows so far were the demo directory's alone: they become its demo
-- tokens (same hash, so the printed ones keep working while the demo is on).
INSERT INTO "ApiToken" ("id", "staffId", "name", "hash", "expiresAt", "demo", "createdBy")
SELECT 'demo_' || "id", "id", 'demo directory', "tokenHash", CURRENT_TIMESTAMP + interval '365 days', true, 'demo'
  FROM "StaffUser" WHERE "tokenHash" IS NOT NULL;

-- DropIndex
DROP INDEX "StaffUser_tokenHash_key";

-- AlterTable
ALTER TABLE "StaffUser" DROP COLUMN "tokenHash";

