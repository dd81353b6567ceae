-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('pending', 'sent');

-- CreateTable
CREATE TABLE "CaseTask" (
    "key" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "enterpriseCode" CHAR(18) NOT NULL,
    "kind" TEXT NOT NULL,
    "agencyKind" "AgencyKind" NOT NULL,
    "assigneeId" TEXT,
    "title" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "completion" JSONB,
    "completedBy" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseTask_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "CaseFinding" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "taskKey" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "enterpriseCode" CHAR(18) NOT NULL,
    "violation" TEXT NOT NULL,
    "agencyKind" "AgencyKind" NOT NULL,
    "amounts" JSONB NOT NULL,
    "note" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,

    CONSTRAINT "CaseFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseDisposition" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "enterpriseCode" CHAR(18) NOT NULL,
    "disposition" TEXT NOT NULL,
    "agencyKind" "AgencyKind" NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "result" JSONB,
    "unfinishedReason" TEXT,
    "newCompletionDate" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "CaseDisposition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundEmail" (
    "key" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "to" TEXT[],
    "cc" TEXT[],
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboundEmail_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "CaseTask_provinceName_agencyKind_status_dueAt_idx" ON "CaseTask"("provinceName", "agencyKind", "status", "dueAt");

-- CreateIndex
CREATE INDEX "CaseTask_caseId_idx" ON "CaseTask"("caseId");

-- CreateIndex
CREATE INDEX "CaseFinding_caseId_idx" ON "CaseFinding"("caseId");

-- CreateIndex
CREATE INDEX "CaseFinding_campaignId_provinceName_idx" ON "CaseFinding"("campaignId", "provinceName");

-- CreateIndex
CREATE INDEX "CaseDisposition_caseId_idx" ON "CaseDisposition"("caseId");

-- CreateIndex
CREATE INDEX "CaseDisposition_campaignId_provinceName_idx" ON "CaseDisposition"("campaignId", "provinceName");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundEmail_messageId_key" ON "OutboundEmail"("messageId");

-- CreateIndex
CREATE INDEX "OutboundEmail_status_idx" ON "OutboundEmail"("status");

