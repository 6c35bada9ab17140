-- DropIndex
DROP INDEX "Deal_accountId_type_stage_closeDate_idx";

-- CreateIndex
CREATE INDEX "Deal_accountId_type_stage_closeDate_ownerId_idx" ON "Deal"("accountId", "type", "stage", "closeDate", "ownerId");
