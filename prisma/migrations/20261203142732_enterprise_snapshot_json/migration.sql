-- AlterTable: the snapshot as the canonical JSON text it was hashed from (see schema.prisma).
ALTER TABLE "EnterpriseVersion" ALTER COLUMN "snapshot" SET DATA TYPE JSON USING "snapshot"::json;
