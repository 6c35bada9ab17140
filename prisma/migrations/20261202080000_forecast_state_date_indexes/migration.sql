-- The forecast's accuracy lists the trailing year's late surprises, and a CSM's own view reads its renewals' state rows
-- by date (those surprises and the accuracy's edge days). On the date index alone each read filtered every renewal of
-- the year: 31 ms at 1× and 709 ms at 10× for a CSM, 56 ms at 1× for leadership (the bench data has no surprise at
-- all, the worst case: every row of the year read to find none) (issue 15).
CREATE INDEX "ForecastRenewalState_csmId_renewalDate_idx" ON "ForecastRenewalState"("csmId", "renewalDate");
CREATE INDEX "ForecastRenewalState_surprises_renewalDate_idx" ON "ForecastRenewalState"("surprises", "renewalDate");
