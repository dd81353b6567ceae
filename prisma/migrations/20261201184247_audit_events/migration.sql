-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('done', 'refused', 'failed');

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorStaffId" TEXT,
    "actorRole" "StaffRole",
    "credentialKind" TEXT,
    "credentialId" TEXT,
    "clientAddress" TEXT,
    "requestId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "objectType" TEXT,
    "objectId" TEXT,
    "province" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "status" INTEGER NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "updateId" TEXT,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorStaffId_at_idx" ON "AuditEvent"("actorStaffId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_province_at_idx" ON "AuditEvent"("province", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_objectType_objectId_idx" ON "AuditEvent"("objectType", "objectId");

