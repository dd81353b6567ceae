-- AlterEnum
ALTER TYPE "PermitKind" ADD VALUE 'recovery';

