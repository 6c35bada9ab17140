-- CreateIndex
CREATE INDEX "Deal_accountId_type_stage_closeDate_idx" ON "Deal"("accountId", "type", "stage", "closeDate");
