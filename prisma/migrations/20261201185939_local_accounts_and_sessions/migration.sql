-- CreateEnum
CREATE TYPE "SignInMethod" AS ENUM ('password', 'oidc');

-- CreateEnum
CREATE TYPE "PasswordLinkPurpose" AS ENUM ('set', 'reset');

-- CreateEnum
CREATE TYPE "SignInOutcome" AS ENUM ('succeeded', 'wrongPassword', 'unknownAccount', 'disabled', 'locked');

-- CreateTable
CREATE TABLE "LocalPassword" (
    "staffId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LocalPassword_pkey" PRIMARY KEY ("staffId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "method" "SignInMethod" NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "address" TEXT NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordLink" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "purpose" "PasswordLinkPurpose" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "PasswordLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "email" TEXT NOT NULL,
    "staffId" TEXT,
    "address" TEXT NOT NULL,
    "outcome" "SignInOutcome" NOT NULL,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Session_hash_key" ON "Session"("hash");

-- CreateIndex
CREATE INDEX "Session_staffId_idx" ON "Session"("staffId");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordLink_hash_key" ON "PasswordLink"("hash");

-- CreateIndex
CREATE INDEX "PasswordLink_staffId_idx" ON "PasswordLink"("staffId");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_at_idx" ON "SignInAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "SignInAttempt_address_at_idx" ON "SignInAttempt"("address", "at");

-- AddForeignKey
ALTER TABLE "LocalPassword" ADD CONSTRAINT "LocalPassword_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordLink" ADD CONSTRAINT "PasswordLink_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

