-- Review of the forecast_accuracy_year migration (issue 15):
-- • The accuracy's edge days after today (the rest of this month, when the block ends with it) were read on the date
--   index among every renewal of those days, nearly all open: 41,350 rows for 20 days at 10×, to find the few closed
--   ones. (closed, renewalDate) reads only the closed ones, past days or future.
-- • Nothing reads ForecastAccuracyMonth by month any more (the blocks do): its month index only cost writes.
-- • The blocks' trigger returns at once on a statement that changed no month, as most do.

CREATE INDEX "ForecastRenewalState_closed_renewalDate_idx" ON "ForecastRenewalState"("closed", "renewalDate");

DROP INDEX "ForecastAccuracyMonth_month_idx";

CREATE OR REPLACE FUNCTION "forecast_accuracy_year_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign INTEGER := TG_ARGV[0]::int;
BEGIN
  -- Every statement on the months fires the four triggers, most with nothing changed.
  IF NOT EXISTS (SELECT 1 FROM changed) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "ForecastAccuracyYear" AS t ("lastMonth", "csmId", "segment", "renewals", "n90", "base90", "forecast90", "closed90", "error90",
    "n30", "base30", "forecast30", "closed30", "error30", "surprises", "brierRenewals", "brierSquares")
  SELECT (c."month" + make_interval(months => k))::date, c."csmId", c."segment", sign * sum(c."renewals"),
    sign * sum(c."n90"), sign * sum(c."base90"), sign * sum(c."forecast90"), sign * sum(c."closed90"), sign * sum(c."error90"),
    sign * sum(c."n30"), sign * sum(c."base30"), sign * sum(c."forecast30"), sign * sum(c."closed30"), sign * sum(c."error30"),
    sign * sum(c."surprises"), sign * sum(c."brierRenewals"), sign * sum(c."brierSquares")
  FROM changed c
  CROSS JOIN generate_series(0, 11) k
  GROUP BY 1, 2, 3
  -- Key order within the statement; across a transaction's statements the writers are serialised by the advisory
  -- lock every writer of the forecast summaries takes first (20261121), as for ForecastAccuracyMonth.
  ORDER BY 1, 2, 3
  ON CONFLICT ("lastMonth", "csmId", "segment") DO UPDATE SET
    "renewals" = t."renewals" + EXCLUDED."renewals",
    "n90" = t."n90" + EXCLUDED."n90", "base90" = t."base90" + EXCLUDED."base90", "forecast90" = t."forecast90" + EXCLUDED."forecast90",
    "closed90" = t."closed90" + EXCLUDED."closed90", "error90" = t."error90" + EXCLUDED."error90",
    "n30" = t."n30" + EXCLUDED."n30", "base30" = t."base30" + EXCLUDED."base30", "forecast30" = t."forecast30" + EXCLUDED."forecast30",
    "closed30" = t."closed30" + EXCLUDED."closed30", "error30" = t."error30" + EXCLUDED."error30",
    "surprises" = t."surprises" + EXCLUDED."surprises", "brierRenewals" = t."brierRenewals" + EXCLUDED."brierRenewals",
    "brierSquares" = t."brierSquares" + EXCLUDED."brierSquares";
  -- A block every sum of which is back to zero is no block (as ForecastAccuracyMonth drops such months).
  DELETE FROM "ForecastAccuracyYear" t
  USING (SELECT DISTINCT (c."month" + make_interval(months => k))::date AS m, c."csmId", c."segment" FROM changed c CROSS JOIN generate_series(0, 11) k) b
  WHERE t."renewals" = 0 AND t."n90" = 0 AND t."n30" = 0 AND t."error90" = 0 AND t."error30" = 0 AND t."brierRenewals" = 0 AND t."surprises" = 0
    AND t."lastMonth" = b.m AND t."csmId" = b."csmId" AND t."segment" = b."segment";
  RETURN NULL;
END;
$$;

