-- The pipeline sorted by risk, highest first, keeps the renewals not yet assessed last (NULLS LAST): the ascending
-- index read backwards would put them first, so a page sorted this way sorted every renewal. This one is read in order.
CREATE INDEX "RenewalOpportunity_riskLevel_desc_renewalDate_id_idx" ON "RenewalOpportunity"("riskLevel" DESC NULLS LAST, "renewalDate", "id");
