-- The leadership home's "renewals in the next 90 days" (count and sum of the open renewals dated in the window) read
-- ~18k renewals through the date index and then ~4k heap pages: ~180 ms, 8% of the database's active time under
-- bench:load. With the stage and amount in the index it is an index-only scan (~6 ms).
CREATE INDEX "RenewalOpportunity_renewalDate_stage_amountCents_idx" ON "RenewalOpportunity"("renewalDate", "stage", "amountCents");
