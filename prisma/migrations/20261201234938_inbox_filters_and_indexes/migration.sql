-- AlterTable
ALTER TABLE "CaseTask" ADD COLUMN     "phase" TEXT;

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_staffId_name_key" ON "SavedFilter"("staffId", "name");

-- CreateIndex
CREATE INDEX "CaseTask_provinceName_status_dueAt_idx" ON "CaseTask"("provinceName", "status", "dueAt");

-- CreateIndex
CREATE INDEX "CaseTask_assigneeId_status_idx" ON "CaseTask"("assigneeId", "status");


-- Tasks issued before the column: the phase their kind belongs to (a further handling plan is the
-- rectification phase's).
UPDATE "CaseTask" SET "phase" = CASE
  WHEN "kind" = 'verification' THEN 'selfInspection'
  WHEN "kind" = 'handlingPlan' AND "key" NOT LIKE '%/plan/round-%' THEN 'selfInspection'
  WHEN "kind" IN ('handlingPlan', 'disposition') THEN 'rectification'
  WHEN "kind" = 'acceptance' THEN 'acceptance'
END WHERE "phase" IS NULL;

-- Live updates: every write of a task, whoever makes it (a worker's activity, an API's assignment),
-- is announced on one channel that every API process listens to (GET /events). The payload names
-- the task and its scope only; listeners read the rest from the table.
CREATE FUNCTION "announceCaseTaskChange"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('case_task_changes', json_build_object(
    'change', CASE WHEN TG_OP = 'INSERT' THEN 'created' ELSE 'changed' END,
    'key', NEW."key",
    'caseId', NEW."caseId",
    'province', NEW."provinceName",
    'agencyKind', NEW."agencyKind",
    'status', NEW."status",
    'assigneeId', NEW."assigneeId"
  )::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CaseTask_announce" AFTER INSERT OR UPDATE ON "CaseTask"
  FOR EACH ROW EXECUTE FUNCTION "announceCaseTaskChange"();
