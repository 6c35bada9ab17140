-- The forecast page's changes since last week (issue 15) sum one week's and quarter's ForecastWeekChange rows: 29,000
-- CSM × segment × kind rows at 10×, which the (weekStart, quarterStart) index found scattered over ~5,000 heap pages
-- (52 ms, in parallel workers). An index whose keys are every column the read sums answers it from the index alone
-- (21 ms, one process). Its keys change with the sums, so an update of a week-change row is no longer HOT: one more
-- index entry per row a forecast write moves.

DROP INDEX "ForecastWeekChange_weekStart_quarterStart_idx";

CREATE INDEX "ForecastWeekChange_weekStart_quarterStart_kind_renewals_del_idx" ON "ForecastWeekChange"("weekStart", "quarterStart", "kind", "renewals", "deltaCents", "lastWeekCents", "thisWeekCents", "inForecast");
