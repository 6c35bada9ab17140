-- CreateIndex
CREATE INDEX "ForecastSnapshot_accuracy_idx" ON "ForecastSnapshot"("renewalOpportunityId", "weekStart", "category", "amountCents", "likelihood");
