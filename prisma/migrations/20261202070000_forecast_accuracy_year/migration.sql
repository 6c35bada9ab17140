-- The forecast page's accuracy over the trailing year (issue 15): it summed 11–12 ForecastAccuracyMonth rows per CSM
-- and segment and the closed renewals of up to two partial months on each request, 80,000 rows and 13 sums each at
-- 10× (≈ 400 ms). ForecastAccuracyYear keeps each CSM's and segment's twelve months ending with "lastMonth", so the
-- page reads one row per CSM and segment and only the days between that block and the year it shows
-- (lib/forecast/accuracy-window.ts picks the block that leaves the fewest). Kept by statement triggers on
-- ForecastAccuracyMonth from its transition tables: a month's change is added to the twelve blocks that hold it.

CREATE TABLE "ForecastAccuracyYear" (
    "lastMonth" DATE NOT NULL,
    "csmId" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "renewals" INTEGER NOT NULL,
    "n90" INTEGER NOT NULL,
    "base90" BIGINT NOT NULL,
    "forecast90" BIGINT NOT NULL,
    "closed90" BIGINT NOT NULL,
    "error90" BIGINT NOT NULL,
    "n30" INTEGER NOT NULL,
    "base30" BIGINT NOT NULL,
    "forecast30" BIGINT NOT NULL,
    "closed30" BIGINT NOT NULL,
    "error30" BIGINT NOT NULL,
    "surprises" INTEGER NOT NULL,
    "brierRenewals" INTEGER NOT NULL,
    "brierSquares" BIGINT NOT NULL,

    CONSTRAINT "ForecastAccuracyYear_pkey" PRIMARY KEY ("lastMonth","csmId","segment")
);

-- TG_ARGV[0]: 1 for the rows a statement added, -1 for those it took away (an update fires both).
CREATE FUNCTION "forecast_accuracy_year_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign INTEGER := TG_ARGV[0]::int;
BEGIN
  INSERT INTO "ForecastAccuracyYear" AS t ("lastMonth", "csmId", "segment", "renewals", "n90", "base90", "forecast90", "closed90", "error90",
    "n30", "base30", "forecast30", "closed30", "error30", "surprises", "brierRenewals", "brierSquares")
  SELECT (c."month" + make_interval(months => k))::date, c."csmId", c."segment", sign * sum(c."renewals"),
    sign * sum(c."n90"), sign * sum(c."base90"), sign * sum(c."forecast90"), sign * sum(c."closed90"), sign * sum(c."error90"),
    sign * sum(c."n30"), sign * sum(c."base30"), sign * sum(c."forecast30"), sign * sum(c."closed30"), sign * sum(c."error30"),
    sign * sum(c."surprises"), sign * sum(c."brierRenewals"), sign * sum(c."brierSquares")
  FROM changed c
  CROSS JOIN generate_series(0, 11) k
  GROUP BY 1, 2, 3
  -- Key order, as every writer takes the rows' locks.
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

CREATE TRIGGER "forecast_accuracy_year_insert" AFTER INSERT ON "ForecastAccuracyMonth"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_accuracy_year_apply"('1');
CREATE TRIGGER "forecast_accuracy_year_delete" AFTER DELETE ON "ForecastAccuracyMonth"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_accuracy_year_apply"('-1');
CREATE TRIGGER "forecast_accuracy_year_update_old" AFTER UPDATE ON "ForecastAccuracyMonth"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_accuracy_year_apply"('-1');
CREATE TRIGGER "forecast_accuracy_year_update_new" AFTER UPDATE ON "ForecastAccuracyMonth"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_accuracy_year_apply"('1');

-- The rebuild empties the blocks with the months (TRUNCATE fires no delete trigger); the months' insert refills them.
CREATE OR REPLACE FUNCTION "forecast_page_summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(20261121);
  TRUNCATE "ForecastRenewalState", "ForecastQuarterSum", "ForecastWeekChange", "ForecastAccuracyMonth", "ForecastAccuracyYear";
  INSERT INTO "ForecastRenewalState" SELECT * FROM "forecast_state_rows"(ARRAY(SELECT "id" FROM "RenewalOpportunity"));
  PERFORM "forecast_reasons_refresh"(NULL);
END;
$$;

-- The blocks of the months there are.
INSERT INTO "ForecastAccuracyYear" ("lastMonth", "csmId", "segment", "renewals", "n90", "base90", "forecast90", "closed90", "error90",
  "n30", "base30", "forecast30", "closed30", "error30", "surprises", "brierRenewals", "brierSquares")
SELECT (m."month" + make_interval(months => k))::date, m."csmId", m."segment", sum(m."renewals"),
  sum(m."n90"), sum(m."base90"), sum(m."forecast90"), sum(m."closed90"), sum(m."error90"),
  sum(m."n30"), sum(m."base30"), sum(m."forecast30"), sum(m."closed30"), sum(m."error30"),
  sum(m."surprises"), sum(m."brierRenewals"), sum(m."brierSquares")
FROM "ForecastAccuracyMonth" m
CROSS JOIN generate_series(0, 11) k
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
