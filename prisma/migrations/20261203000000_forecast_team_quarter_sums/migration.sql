-- The forecast page's quarter sums per team (issue 15): leadership's page summed ForecastQuarterSum's rows of every CSM
-- (≈ 10,000 at 10×, each joined to its user for the team) for the company figures and the roll-up's team rows, 95–137 ms
-- at p95, which put the whole page on the 200 ms line. ForecastTeamQuarterSum keeps the same sums per CS manager
-- ('' for a CSM with no manager and for no CSM, as the roll-up groups them), so a view without a CSM cut reads one
-- row per team, segment, bucket and quarter (500 managers at 10×). A CSM cut still reads ForecastQuarterSum.
-- Kept by the database, never written by the app:
-- • statement triggers on ForecastQuarterSum add each statement's rows (new +1, old −1) to their CSM's team as the
--   CSM's user has it when the statement runs;
-- • a statement on "User" that changes a manager recomputes the teams it touched from their CSMs' ForecastQuarterSum
--   rows; a user's delete first moves the CSM's accounts to no CSM, while the deltas can still find the CSM's team.
-- Both take the advisory lock of every forecast-summary writer (20261121) before they read, so a team's move and a
-- CSM's new sums never interleave.

CREATE TABLE "ForecastTeamQuarterSum" (
    "managerId" TEXT NOT NULL,
    "quarterStart" DATE NOT NULL,
    "segment" "Segment" NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "renewals" INTEGER NOT NULL,
    "dueCents" BIGINT NOT NULL,
    "bucketCents" BIGINT NOT NULL,
    "expectedCents" BIGINT NOT NULL,
    "grossRetainedCents" BIGINT NOT NULL,
    "forecastBaseCents" BIGINT NOT NULL,
    "upliftExpectedCents" BIGINT NOT NULL,

    CONSTRAINT "ForecastTeamQuarterSum_pkey" PRIMARY KEY ("quarterStart","managerId","segment","bucket")
);

-- TG_ARGV[0]: 1 for the rows a statement added, -1 for those it took away (an update fires both).
CREATE FUNCTION "forecast_team_sum_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign INTEGER := TG_ARGV[0]::int;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM changed) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  INSERT INTO "ForecastTeamQuarterSum" AS t ("managerId", "quarterStart", "segment", "bucket", "renewals", "dueCents", "bucketCents",
    "expectedCents", "grossRetainedCents", "forecastBaseCents", "upliftExpectedCents")
  SELECT COALESCE(u."managerId", ''), c."quarterStart", c."segment", c."bucket", sign * sum(c."renewals"), sign * sum(c."dueCents"),
    sign * sum(c."bucketCents"), sign * sum(c."expectedCents"), sign * sum(c."grossRetainedCents"), sign * sum(c."forecastBaseCents"),
    sign * sum(c."upliftExpectedCents")
  FROM changed c
  LEFT JOIN "User" u ON u."id" = c."csmId"
  GROUP BY 1, 2, 3, 4
  ORDER BY 2, 1, 3, 4
  ON CONFLICT ("quarterStart", "managerId", "segment", "bucket") DO UPDATE SET
    "renewals" = t."renewals" + EXCLUDED."renewals", "dueCents" = t."dueCents" + EXCLUDED."dueCents",
    "bucketCents" = t."bucketCents" + EXCLUDED."bucketCents", "expectedCents" = t."expectedCents" + EXCLUDED."expectedCents",
    "grossRetainedCents" = t."grossRetainedCents" + EXCLUDED."grossRetainedCents",
    "forecastBaseCents" = t."forecastBaseCents" + EXCLUDED."forecastBaseCents",
    "upliftExpectedCents" = t."upliftExpectedCents" + EXCLUDED."upliftExpectedCents";
  -- A team row every sum of which is back to zero is no row (as ForecastQuarterSum drops its own).
  DELETE FROM "ForecastTeamQuarterSum" t
  USING (SELECT DISTINCT COALESCE(u."managerId", '') AS team, c."quarterStart", c."segment", c."bucket" FROM changed c LEFT JOIN "User" u ON u."id" = c."csmId") k
  WHERE t."renewals" = 0 AND t."dueCents" = 0 AND t."bucketCents" = 0 AND t."expectedCents" = 0 AND t."grossRetainedCents" = 0 AND t."forecastBaseCents" = 0
    AND t."upliftExpectedCents" = 0 AND t."managerId" = k.team AND t."quarterStart" = k."quarterStart" AND t."segment" = k."segment" AND t."bucket" = k."bucket";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "forecast_team_sum_insert" AFTER INSERT ON "ForecastQuarterSum"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_team_sum_apply"('1');
CREATE TRIGGER "forecast_team_sum_delete" AFTER DELETE ON "ForecastQuarterSum"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_team_sum_apply"('-1');
CREATE TRIGGER "forecast_team_sum_update_old" AFTER UPDATE ON "ForecastQuarterSum"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_team_sum_apply"('-1');
CREATE TRIGGER "forecast_team_sum_update_new" AFTER UPDATE ON "ForecastQuarterSum"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_team_sum_apply"('1');

-- The teams `teams` ('' no team) as their CSMs' rows have them now.
CREATE FUNCTION "forecast_team_sums_refresh"(teams TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF COALESCE(cardinality(teams), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  DELETE FROM "ForecastTeamQuarterSum" t WHERE t."managerId" = ANY(teams);
  INSERT INTO "ForecastTeamQuarterSum" ("managerId", "quarterStart", "segment", "bucket", "renewals", "dueCents", "bucketCents",
    "expectedCents", "grossRetainedCents", "forecastBaseCents", "upliftExpectedCents")
  SELECT m.team, s."quarterStart", s."segment", s."bucket", sum(s."renewals"), sum(s."dueCents"), sum(s."bucketCents"), sum(s."expectedCents"),
    sum(s."grossRetainedCents"), sum(s."forecastBaseCents"), sum(s."upliftExpectedCents")
  FROM (
    -- The members by the manager index (and the users without one for ''), then their rows by ForecastQuarterSum's key.
    SELECT u."id", COALESCE(u."managerId", '') AS team FROM "User" u WHERE u."managerId" = ANY(teams)
    UNION ALL SELECT u."id", '' FROM "User" u WHERE u."managerId" IS NULL AND '' = ANY(teams)
    UNION ALL SELECT '', '' WHERE '' = ANY(teams)
  ) m
  JOIN "ForecastQuarterSum" s ON s."csmId" = m."id"
  GROUP BY 2, 1, 3, 4
  HAVING sum(s."renewals") <> 0 OR sum(s."dueCents") <> 0 OR sum(s."bucketCents") <> 0 OR sum(s."expectedCents") <> 0
    OR sum(s."grossRetainedCents") <> 0 OR sum(s."forecastBaseCents") <> 0 OR sum(s."upliftExpectedCents") <> 0
  ORDER BY 2, 1, 3, 4;
END;
$$;

-- The teams a statement on "User" moved: the managers of the (id, manager) pairs it took away or added.
CREATE FUNCTION "users_forecast_team_sums"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "forecast_team_sums_refresh"(ARRAY(
    SELECT COALESCE(p."managerId", '') FROM ((SELECT "id", "managerId" FROM old_users EXCEPT SELECT "id", "managerId" FROM new_users)
      UNION ALL (SELECT "id", "managerId" FROM new_users EXCEPT SELECT "id", "managerId" FROM old_users)) p
    GROUP BY 1));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "user_forecast_team_sums_update" AFTER UPDATE ON "User"
  REFERENCING OLD TABLE AS old_users NEW TABLE AS new_users FOR EACH STATEMENT EXECUTE FUNCTION "users_forecast_team_sums"();

-- A user's delete: the accounts' ON DELETE SET NULL runs after the user is gone, when the quarter sums' deltas can no
-- longer find the CSM's team (they counted the rows under no team). The same update done first, while the user still
-- exists, moves them from the CSM's team to no CSM's; the foreign key then finds nothing left to set.
CREATE FUNCTION "user_forecast_team_sums_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Account" SET "csmId" = NULL WHERE "csmId" = OLD."id";
  RETURN OLD;
END;
$$;

CREATE TRIGGER "user_forecast_team_sums_delete" BEFORE DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "user_forecast_team_sums_gone"();

-- The rebuild empties the teams with the CSMs' sums (TRUNCATE fires no delete trigger); the sums' insert refills them.
CREATE OR REPLACE FUNCTION "forecast_page_summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(20261121);
  TRUNCATE "ForecastRenewalState", "ForecastQuarterSum", "ForecastTeamQuarterSum", "ForecastWeekChange", "ForecastAccuracyMonth", "ForecastAccuracyYear";
  INSERT INTO "ForecastRenewalState" SELECT * FROM "forecast_state_rows"(ARRAY(SELECT "id" FROM "RenewalOpportunity"));
  PERFORM "forecast_reasons_refresh"(NULL);
END;
$$;

-- The teams there are.
SELECT "forecast_team_sums_refresh"(ARRAY(SELECT DISTINCT COALESCE("managerId", '') FROM "User" UNION SELECT ''));
