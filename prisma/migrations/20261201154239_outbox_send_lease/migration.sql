-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'unknown';

-- AlterTable
ALTER TABLE "OutboundEmail" ADD COLUMN     "dataSentAt" TIMESTAMP(3),
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3);

