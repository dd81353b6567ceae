-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'administrator';

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "mobile" TEXT;

