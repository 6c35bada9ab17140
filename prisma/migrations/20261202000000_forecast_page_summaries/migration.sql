-- Summaries for the forecast page's company-wide reads (issue 12 §4–6, issue 15), so that at 10× data they read rows
-- set by the CSMs and the calendar, not by the renewals: the quarter's sums per CSM, segment and bucket; the changes
-- since a week's snapshot per CSM, segment and kind of change; the accuracy of closed renewals per CSM, segment and
-- month; and the quarter's churn and contraction per account and reason (the page lists the first accounts of each)
-- and per segment and reason.
-- Kept by the database, never written by the app; lib/server/forecast/get-forecast.ts reads them for every view but an
-- AE cut, which keeps reading the renewals themselves.
--
-- How they are kept:
-- • ForecastRenewalState holds one row per renewal: what the renewal adds to each summary (its CSM, segment, date,
--   bucket and amounts, and — once closed — its accuracy tally from ClosedRenewalForecast). It is a function of the
--   renewal, its account, its forecast and its ClosedRenewalForecast row: `forecast_state_refresh(ids)` rewrites the
--   rows that differ (delete, then insert), called by triggers on each of those tables.
-- • The summaries move by the state rows' deltas (inserted rows add, deleted rows subtract: statement triggers on
--   ForecastRenewalState), and the week changes also by the snapshots' (state ⋈ snapshot, from either side).
-- • Every write takes the transaction-scoped advisory lock the dashboard summaries take (20261121): the deltas of two
--   writers never interleave, the second one's statements (new snapshots under READ COMMITTED) see the first one's rows,
--   and one lock for all summaries means no two writers hold parts of what the other waits for.
-- • A renewal's own delete removes its state row first (BEFORE DELETE), while its snapshots still exist, so the week
--   changes it contributed are subtracted before the cascade deletes them.
-- • A state row rewritten while a statement's new snapshots are not yet added (ClosedRenewalForecast's trigger on
--   ForecastSnapshot fires first) subtracts and adds those snapshots too, so a count may pass through 0 with sums that
--   are not: a summary row goes only once every figure in it is 0.
-- • `SELECT forecast_page_summaries_rebuild()` recomputes everything (the backfill below, the bench generator).
--
-- Buckets: 0 Commit, 1 Best case, 2 Pipeline, 3 At risk, 4 Omitted, 5 Closed won, 6 Closed lost (get-forecast.ts).
-- Change kinds (lib/forecast/changes.ts): 0 new at risk, 1 downgraded, 2 upgraded, 3 amount, 4 closed, 5 added, 6 none.
-- csmId '' is "no CSM" (a key column cannot be NULL).

CREATE TABLE "ForecastRenewalState" (
    "renewalOpportunityId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "csmId" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "renewalDate" DATE NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "baseCents" BIGINT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "bucketCents" BIGINT NOT NULL,
    "expectedCents" BIGINT,
    "grossRetainedCents" BIGINT NOT NULL,
    "upliftExpectedCents" BIGINT NOT NULL,
    "closed" BOOLEAN NOT NULL,
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

    CONSTRAINT "ForecastRenewalState_pkey" PRIMARY KEY ("renewalOpportunityId")
);

CREATE INDEX "ForecastRenewalState_renewalDate_idx" ON "ForecastRenewalState"("renewalDate");

CREATE TABLE "ForecastQuarterSum" (
    "csmId" TEXT NOT NULL,
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

    CONSTRAINT "ForecastQuarterSum_pkey" PRIMARY KEY ("csmId","quarterStart","segment","bucket")
);

CREATE INDEX "ForecastQuarterSum_quarterStart_idx" ON "ForecastQuarterSum"("quarterStart");

-- Per snapshot week: the renewals with a snapshot that week, by their current quarter, CSM and segment and how they
-- changed since; lastWeekCents / thisWeekCents are their forecast then and now, inForecast how many are in it now
-- (open, not Omitted). The renewals without a snapshot that week are the quarter's sums less these.
CREATE TABLE "ForecastWeekChange" (
    "csmId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "quarterStart" DATE NOT NULL,
    "segment" "Segment" NOT NULL,
    "kind" SMALLINT NOT NULL,
    "renewals" INTEGER NOT NULL,
    "deltaCents" BIGINT NOT NULL,
    "lastWeekCents" BIGINT NOT NULL,
    "thisWeekCents" BIGINT NOT NULL,
    "inForecast" INTEGER NOT NULL,

    CONSTRAINT "ForecastWeekChange_pkey" PRIMARY KEY ("csmId","weekStart","quarterStart","segment","kind")
);

CREATE INDEX "ForecastWeekChange_weekStart_quarterStart_idx" ON "ForecastWeekChange"("weekStart", "quarterStart");

-- Closed renewals' accuracy tallies per month of the renewal date (the page's trailing year is whole months from here
-- and its two partial months from ForecastRenewalState).
CREATE TABLE "ForecastAccuracyMonth" (
    "csmId" TEXT NOT NULL,
    "month" DATE NOT NULL,
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

    CONSTRAINT "ForecastAccuracyMonth_pkey" PRIMARY KEY ("csmId","month","segment")
);

CREATE INDEX "ForecastAccuracyMonth_month_idx" ON "ForecastAccuracyMonth"("month");

-- A quarter's churn and contraction per account, reason and addressable (0 no, 1 yes, 2 not said; reason '' none).
CREATE TABLE "ForecastReasonAccount" (
    "accountId" TEXT NOT NULL,
    "quarterStart" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "addressable" SMALLINT NOT NULL,
    "csmId" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "lostCents" BIGINT NOT NULL,

    CONSTRAINT "ForecastReasonAccount_pkey" PRIMARY KEY ("accountId","quarterStart","reason","addressable")
);

CREATE INDEX "ForecastReasonAccount_quarterStart_reason_addressable_lostC_idx" ON "ForecastReasonAccount"("quarterStart", "reason", "addressable", "lostCents" DESC);

CREATE INDEX "ForecastReasonAccount_csmId_quarterStart_idx" ON "ForecastReasonAccount"("csmId", "quarterStart");

-- The same per quarter, segment and reason (the company's and a segment's sums; a CSM's read their accounts' rows).
CREATE TABLE "ForecastReasonSum" (
    "quarterStart" DATE NOT NULL,
    "segment" "Segment" NOT NULL,
    "reason" TEXT NOT NULL,
    "addressable" SMALLINT NOT NULL,
    "accounts" INTEGER NOT NULL,
    "lostCents" BIGINT NOT NULL,

    CONSTRAINT "ForecastReasonSum_pkey" PRIMARY KEY ("quarterStart","segment","reason","addressable")
);

ALTER TABLE "ForecastRenewalState" ADD CONSTRAINT "ForecastRenewalState_renewalOpportunityId_fkey" FOREIGN KEY ("renewalOpportunityId") REFERENCES "RenewalOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ForecastReasonAccount" ADD CONSTRAINT "ForecastReasonAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────── The per-renewal state ─────────────────────
-- lib/forecast/retention.ts's rules, as get-forecast.ts's forecastSumsSql sums them: expected = closed amount (won), 0
-- (lost), nothing (Omitted), else the forecast amount; retained = min(expected, ARR up); the uplift part of growth =
-- min(expected − ARR up, contractual uplift); and lib/forecast/accuracy.ts's tally of the ClosedRenewalForecast row.
CREATE FUNCTION "forecast_state_rows"(ids TEXT[]) RETURNS SETOF "ForecastRenewalState" LANGUAGE sql STABLE AS $$
  SELECT r."id", r."accountId", COALESCE(a."csmId", ''), a."segment", r."renewalDate", y.bucket, r."amountCents", y.amount,
    CASE y.bucket WHEN 5 THEN COALESCE(r."closedAmountCents", 0) WHEN 6 THEN r."amountCents" ELSE y.amount END,
    e.expected,
    CASE WHEN e.expected IS NULL THEN 0 ELSE LEAST(e.expected, r."amountCents") END,
    CASE WHEN e.expected > r."amountCents" THEN LEAST(e.expected - r."amountCents", z.flat - r."amountCents") ELSE 0 END,
    c."renewalOpportunityId" IS NOT NULL,
    (c."category90" IS NOT NULL)::int,
    CASE WHEN c."category90" IS NOT NULL THEN c."baseCents" ELSE 0 END,
    COALESCE(t.f90, 0),
    CASE WHEN c."category90" IS NOT NULL THEN c."closedCents" ELSE 0 END,
    COALESCE(abs(t.f90 - c."closedCents"), 0),
    (c."category30" IS NOT NULL)::int,
    CASE WHEN c."category30" IS NOT NULL THEN c."baseCents" ELSE 0 END,
    COALESCE(t.f30, 0),
    CASE WHEN c."category30" IS NOT NULL THEN c."closedCents" ELSE 0 END,
    COALESCE(abs(t.f30 - c."closedCents"), 0),
    COALESCE((c."category30" = 'COMMIT' AND (NOT c."won" OR c."closedCents" < c."baseCents"))::int, 0),
    (c."likelihood90" IS NOT NULL)::int,
    COALESCE(((c."likelihood90" - CASE WHEN c."won" THEN 100 ELSE 0 END) ^ 2)::bigint, 0)
  FROM "RenewalOpportunity" r
  JOIN "Account" a ON a."id" = r."accountId"
  LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
  LEFT JOIN "ClosedRenewalForecast" c ON c."renewalOpportunityId" = r."id"
  -- forecast-rows.ts's FLAT_CENTS_SQL, in numeric: ARR near 2⁵³ cents times 10⁴ would leave bigint.
  CROSS JOIN LATERAL (SELECT div(r."amountCents"::numeric * (10000 + round(r."upliftPct" * 100)) + 5000, 10000)::bigint AS flat) z
  CROSS JOIN LATERAL (
    SELECT CASE r."stage" WHEN 'CLOSED_WON' THEN 5 WHEN 'CLOSED_LOST' THEN 6 ELSE
             CASE COALESCE(f."overrideCategory", f."category", 'PIPELINE') WHEN 'COMMIT' THEN 0 WHEN 'BEST_CASE' THEN 1 WHEN 'PIPELINE' THEN 2 WHEN 'AT_RISK' THEN 3 ELSE 4 END
           END::smallint AS bucket,
           CASE WHEN f."overrideCategory" IS NOT NULL THEN COALESCE(f."overrideAmountCents", f."amountCents") WHEN f."renewalOpportunityId" IS NULL THEN z.flat ELSE f."amountCents" END AS amount
  ) y
  CROSS JOIN LATERAL (SELECT CASE y.bucket WHEN 5 THEN COALESCE(r."closedAmountCents", 0) WHEN 6 THEN 0 WHEN 4 THEN NULL ELSE y.amount END AS expected) e
  CROSS JOIN LATERAL (
    SELECT CASE WHEN c."category90" = 'OMITTED' THEN 0 ELSE c."amount90Cents" END AS f90,
           CASE WHEN c."category30" = 'OMITTED' THEN 0 ELSE c."amount30Cents" END AS f30
  ) t
  WHERE r."id" IN (SELECT unnest(ids))
$$;

-- The renewals `ids` as they stand: rows that differ (or whose renewal is gone) are deleted, then the missing ones
-- inserted, so the triggers below see exactly what changed.
CREATE FUNCTION "forecast_state_refresh"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF COALESCE(cardinality(ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  WITH fresh AS MATERIALIZED (SELECT * FROM "forecast_state_rows"(ids))
  DELETE FROM "ForecastRenewalState" s
  USING (SELECT DISTINCT unnest(ids) AS id) i
  WHERE s."renewalOpportunityId" = i.id
    AND NOT EXISTS (SELECT 1 FROM fresh n WHERE n."renewalOpportunityId" = s."renewalOpportunityId" AND ROW(n.*) IS NOT DISTINCT FROM ROW(s.*));
  INSERT INTO "ForecastRenewalState" SELECT * FROM "forecast_state_rows"(ids) ON CONFLICT ("renewalOpportunityId") DO NOTHING;
END;
$$;

-- What a (current state, snapshot) pair is, as lib/forecast/changes.ts's changeKind reads it: the state's bucket and
-- forecast amount, the snapshot's category and amount. A category's rank is Commit 4 … At risk 1 (bucket b: 4 − b).
CREATE FUNCTION "forecast_change_kind"(bucket SMALLINT, amount BIGINT, category "ForecastCategory", snapped BIGINT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE
    WHEN bucket >= 5 THEN 4
    WHEN bucket = 3 AND category <> 'AT_RISK' THEN 0
    WHEN bucket <> 4 AND category <> 'OMITTED' AND 4 - bucket < (CASE category WHEN 'COMMIT' THEN 4 WHEN 'BEST_CASE' THEN 3 WHEN 'PIPELINE' THEN 2 ELSE 1 END) THEN 1
    WHEN bucket <> 4 AND category <> 'OMITTED' AND 4 - bucket > (CASE category WHEN 'COMMIT' THEN 4 WHEN 'BEST_CASE' THEN 3 WHEN 'PIPELINE' THEN 2 ELSE 1 END) THEN 2
    WHEN (bucket = 4) <> (category = 'OMITTED') THEN CASE WHEN category = 'OMITTED' THEN 5 ELSE 1 END
    WHEN amount <> snapped THEN 3
    ELSE 6
  END)::smallint
$$;

-- The state rows of the statement (`changed`: inserted with sign 1, deleted with -1) move the summaries.
CREATE FUNCTION "forecast_state_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign INTEGER := TG_ARGV[0]::int;
BEGIN
  INSERT INTO "ForecastQuarterSum" AS t ("csmId", "quarterStart", "segment", "bucket", "renewals", "dueCents", "bucketCents", "expectedCents",
    "grossRetainedCents", "forecastBaseCents", "upliftExpectedCents")
  SELECT c."csmId", date_trunc('quarter', c."renewalDate")::date, c."segment", c."bucket", sign * count(*), sign * sum(c."baseCents"),
    sign * sum(c."bucketCents"), sign * COALESCE(sum(c."expectedCents"), 0), sign * sum(c."grossRetainedCents"),
    sign * sum(CASE WHEN c."expectedCents" IS NULL THEN 0 ELSE c."baseCents" END), sign * sum(c."upliftExpectedCents")
  FROM changed c
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("csmId", "quarterStart", "segment", "bucket") DO UPDATE SET
    "renewals" = t."renewals" + EXCLUDED."renewals", "dueCents" = t."dueCents" + EXCLUDED."dueCents",
    "bucketCents" = t."bucketCents" + EXCLUDED."bucketCents", "expectedCents" = t."expectedCents" + EXCLUDED."expectedCents",
    "grossRetainedCents" = t."grossRetainedCents" + EXCLUDED."grossRetainedCents",
    "forecastBaseCents" = t."forecastBaseCents" + EXCLUDED."forecastBaseCents",
    "upliftExpectedCents" = t."upliftExpectedCents" + EXCLUDED."upliftExpectedCents";
  DELETE FROM "ForecastQuarterSum" t
  USING (SELECT DISTINCT c."csmId", date_trunc('quarter', c."renewalDate")::date AS q, c."segment", c."bucket" FROM changed c) k
  WHERE t."renewals" = 0 AND t."dueCents" = 0 AND t."bucketCents" = 0 AND t."expectedCents" = 0 AND t."grossRetainedCents" = 0 AND t."forecastBaseCents" = 0
    AND t."upliftExpectedCents" = 0 AND t."csmId" = k."csmId" AND t."quarterStart" = k.q AND t."segment" = k."segment" AND t."bucket" = k."bucket";

  INSERT INTO "ForecastWeekChange" AS t ("csmId", "weekStart", "quarterStart", "segment", "kind", "renewals", "deltaCents", "lastWeekCents", "thisWeekCents", "inForecast")
  SELECT c."csmId", s."weekStart", date_trunc('quarter', c."renewalDate")::date, c."segment",
    "forecast_change_kind"(c."bucket", c."amountCents", s."category", s."amountCents"),
    sign * count(*), sign * sum(v.now - v.was), sign * sum(v.was), sign * sum(v.now), sign * count(*) FILTER (WHERE c."bucket" <= 3)
  FROM changed c
  JOIN "ForecastSnapshot" s ON s."renewalOpportunityId" = c."renewalOpportunityId"
  CROSS JOIN LATERAL (SELECT CASE WHEN c."bucket" <= 3 THEN c."amountCents" ELSE 0 END AS now, CASE WHEN s."category" = 'OMITTED' THEN 0 ELSE s."amountCents" END AS was) v
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("csmId", "weekStart", "quarterStart", "segment", "kind") DO UPDATE SET
    "renewals" = t."renewals" + EXCLUDED."renewals", "deltaCents" = t."deltaCents" + EXCLUDED."deltaCents",
    "lastWeekCents" = t."lastWeekCents" + EXCLUDED."lastWeekCents", "thisWeekCents" = t."thisWeekCents" + EXCLUDED."thisWeekCents",
    "inForecast" = t."inForecast" + EXCLUDED."inForecast";
  DELETE FROM "ForecastWeekChange" t
  USING (SELECT DISTINCT c."csmId", date_trunc('quarter', c."renewalDate")::date AS q, c."segment" FROM changed c) k
  WHERE t."renewals" = 0 AND t."deltaCents" = 0 AND t."lastWeekCents" = 0 AND t."thisWeekCents" = 0 AND t."inForecast" = 0
    AND t."csmId" = k."csmId" AND t."quarterStart" = k.q AND t."segment" = k."segment";

  INSERT INTO "ForecastAccuracyMonth" AS t ("csmId", "month", "segment", "renewals", "n90", "base90", "forecast90", "closed90", "error90",
    "n30", "base30", "forecast30", "closed30", "error30", "surprises", "brierRenewals", "brierSquares")
  SELECT c."csmId", date_trunc('month', c."renewalDate")::date, c."segment", sign * count(*),
    sign * sum(c."n90"), sign * sum(c."base90"), sign * sum(c."forecast90"), sign * sum(c."closed90"), sign * sum(c."error90"),
    sign * sum(c."n30"), sign * sum(c."base30"), sign * sum(c."forecast30"), sign * sum(c."closed30"), sign * sum(c."error30"),
    sign * sum(c."surprises"), sign * sum(c."brierRenewals"), sign * sum(c."brierSquares")
  FROM changed c
  WHERE c."closed"
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("csmId", "month", "segment") DO UPDATE SET
    "renewals" = t."renewals" + EXCLUDED."renewals",
    "n90" = t."n90" + EXCLUDED."n90", "base90" = t."base90" + EXCLUDED."base90", "forecast90" = t."forecast90" + EXCLUDED."forecast90",
    "closed90" = t."closed90" + EXCLUDED."closed90", "error90" = t."error90" + EXCLUDED."error90",
    "n30" = t."n30" + EXCLUDED."n30", "base30" = t."base30" + EXCLUDED."base30", "forecast30" = t."forecast30" + EXCLUDED."forecast30",
    "closed30" = t."closed30" + EXCLUDED."closed30", "error30" = t."error30" + EXCLUDED."error30",
    "surprises" = t."surprises" + EXCLUDED."surprises", "brierRenewals" = t."brierRenewals" + EXCLUDED."brierRenewals",
    "brierSquares" = t."brierSquares" + EXCLUDED."brierSquares";
  DELETE FROM "ForecastAccuracyMonth" t
  USING (SELECT DISTINCT c."csmId", date_trunc('month', c."renewalDate")::date AS m, c."segment" FROM changed c WHERE c."closed") k
  WHERE t."renewals" = 0 AND t."n90" = 0 AND t."n30" = 0 AND t."error90" = 0 AND t."error30" = 0 AND t."brierRenewals" = 0 AND t."surprises" = 0
    AND t."csmId" = k."csmId" AND t."month" = k.m AND t."segment" = k."segment";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "forecast_state_insert" AFTER INSERT ON "ForecastRenewalState"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_state_apply"('1');
CREATE TRIGGER "forecast_state_delete" AFTER DELETE ON "ForecastRenewalState"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_state_apply"('-1');
-- forecast_state_refresh never updates a row; should anything else, the old row leaves and the new one arrives.
CREATE TRIGGER "forecast_state_update_old" AFTER UPDATE ON "ForecastRenewalState"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_state_apply"('-1');
CREATE TRIGGER "forecast_state_update_new" AFTER UPDATE ON "ForecastRenewalState"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_state_apply"('1');

-- Snapshots written (sign 1) or removed (-1): each with its renewal's current state moves that week's changes.
CREATE FUNCTION "forecast_snapshot_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign INTEGER := TG_ARGV[0]::int;
BEGIN
  PERFORM pg_advisory_xact_lock(20261121);
  INSERT INTO "ForecastWeekChange" AS t ("csmId", "weekStart", "quarterStart", "segment", "kind", "renewals", "deltaCents", "lastWeekCents", "thisWeekCents", "inForecast")
  SELECT c."csmId", s."weekStart", date_trunc('quarter', c."renewalDate")::date, c."segment",
    "forecast_change_kind"(c."bucket", c."amountCents", s."category", s."amountCents"),
    sign * count(*), sign * sum(v.now - v.was), sign * sum(v.was), sign * sum(v.now), sign * count(*) FILTER (WHERE c."bucket" <= 3)
  FROM changed s
  JOIN "ForecastRenewalState" c ON c."renewalOpportunityId" = s."renewalOpportunityId"
  CROSS JOIN LATERAL (SELECT CASE WHEN c."bucket" <= 3 THEN c."amountCents" ELSE 0 END AS now, CASE WHEN s."category" = 'OMITTED' THEN 0 ELSE s."amountCents" END AS was) v
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("csmId", "weekStart", "quarterStart", "segment", "kind") DO UPDATE SET
    "renewals" = t."renewals" + EXCLUDED."renewals", "deltaCents" = t."deltaCents" + EXCLUDED."deltaCents",
    "lastWeekCents" = t."lastWeekCents" + EXCLUDED."lastWeekCents", "thisWeekCents" = t."thisWeekCents" + EXCLUDED."thisWeekCents",
    "inForecast" = t."inForecast" + EXCLUDED."inForecast";
  DELETE FROM "ForecastWeekChange" t
  USING (SELECT DISTINCT c."csmId", s."weekStart", date_trunc('quarter', c."renewalDate")::date AS q, c."segment"
         FROM changed s JOIN "ForecastRenewalState" c ON c."renewalOpportunityId" = s."renewalOpportunityId") k
  WHERE t."renewals" = 0 AND t."deltaCents" = 0 AND t."lastWeekCents" = 0 AND t."thisWeekCents" = 0 AND t."inForecast" = 0
    AND t."csmId" = k."csmId" AND t."weekStart" = k."weekStart" AND t."quarterStart" = k.q AND t."segment" = k."segment";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "snapshot_week_change_insert" AFTER INSERT ON "ForecastSnapshot"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_snapshot_apply"('1');
CREATE TRIGGER "snapshot_week_change_delete" AFTER DELETE ON "ForecastSnapshot"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_snapshot_apply"('-1');
CREATE TRIGGER "snapshot_week_change_update_old" AFTER UPDATE ON "ForecastSnapshot"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_snapshot_apply"('-1');
CREATE TRIGGER "snapshot_week_change_update_new" AFTER UPDATE ON "ForecastSnapshot"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_snapshot_apply"('1');

-- ───────────────────── What refreshes a renewal's state ─────────────────────
-- The renewal itself: inserted, or its stage, date, amounts, uplift or account changed (any other update is free).
CREATE FUNCTION "renewals_forecast_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "forecast_state_refresh"(ARRAY(SELECT n."id" FROM new_rows n));
  ELSE
    PERFORM "forecast_state_refresh"(ARRAY(
      SELECT n."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."stage", o."renewalDate", o."amountCents", o."closedAmountCents", o."upliftPct", o."accountId")
        IS DISTINCT FROM (n."stage", n."renewalDate", n."amountCents", n."closedAmountCents", n."upliftPct", n."accountId")));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "renewal_forecast_state_insert" AFTER INSERT ON "RenewalOpportunity"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "renewals_forecast_state"();
CREATE TRIGGER "renewal_forecast_state_update" AFTER UPDATE ON "RenewalOpportunity"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "renewals_forecast_state"();

-- A renewal going (itself, or by its account's or deal's cascade): its state leaves while its snapshots are still there.
CREATE FUNCTION "renewal_forecast_state_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(20261121);
  DELETE FROM "ForecastRenewalState" WHERE "renewalOpportunityId" = OLD."id";
  RETURN OLD;
END;
$$;

CREATE TRIGGER "renewal_forecast_state_delete" BEFORE DELETE ON "RenewalOpportunity"
  FOR EACH ROW EXECUTE FUNCTION "renewal_forecast_state_gone"();

-- The call and its override (a next step alone changes nothing).
CREATE FUNCTION "forecasts_forecast_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "forecast_state_refresh"(ARRAY(SELECT n."renewalOpportunityId" FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "forecast_state_refresh"(ARRAY(SELECT o."renewalOpportunityId" FROM old_rows o));
  ELSE
    PERFORM "forecast_state_refresh"(ARRAY(
      SELECT x.id FROM (
        SELECT o."renewalOpportunityId" AS id FROM old_rows o JOIN new_rows n ON n."renewalOpportunityId" = o."renewalOpportunityId"
        WHERE (o."category", o."amountCents", o."overrideCategory", o."overrideAmountCents") IS DISTINCT FROM (n."category", n."amountCents", n."overrideCategory", n."overrideAmountCents")
        UNION
        -- A forecast moved to another renewal (never done by the app): both.
        SELECT o."renewalOpportunityId" FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n."renewalOpportunityId" = o."renewalOpportunityId")
        UNION
        SELECT n."renewalOpportunityId" FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o."renewalOpportunityId" = n."renewalOpportunityId")
      ) x));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "forecast_forecast_state_insert" AFTER INSERT ON "RenewalForecast"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "forecasts_forecast_state"();
CREATE TRIGGER "forecast_forecast_state_update" AFTER UPDATE ON "RenewalForecast"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "forecasts_forecast_state"();
CREATE TRIGGER "forecast_forecast_state_delete" AFTER DELETE ON "RenewalForecast"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "forecasts_forecast_state"();

-- A closed renewal's 90/30-day forecasts written, rewritten or removed.
CREATE FUNCTION "closed_forecasts_forecast_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "forecast_state_refresh"(ARRAY(SELECT n."renewalOpportunityId" FROM new_rows n));
  ELSE
    PERFORM "forecast_state_refresh"(ARRAY(SELECT o."renewalOpportunityId" FROM old_rows o));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "closed_forecast_state_insert" AFTER INSERT ON "ClosedRenewalForecast"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "closed_forecasts_forecast_state"();
CREATE TRIGGER "closed_forecast_state_update" AFTER UPDATE ON "ClosedRenewalForecast"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "closed_forecasts_forecast_state"();
CREATE TRIGGER "closed_forecast_state_delete" AFTER DELETE ON "ClosedRenewalForecast"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "closed_forecasts_forecast_state"();

-- ───────────────────── Churn and contraction per account and reason ─────────────────────
CREATE FUNCTION "forecast_reasons_refresh"(accounts TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF accounts IS NOT NULL AND cardinality(accounts) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  IF accounts IS NULL THEN
    TRUNCATE "ForecastReasonAccount", "ForecastReasonSum";
  ELSE
    DELETE FROM "ForecastReasonAccount" t USING (SELECT DISTINCT unnest(accounts) AS id) i WHERE t."accountId" = i.id;
  END IF;
  INSERT INTO "ForecastReasonAccount" ("accountId", "quarterStart", "reason", "addressable", "csmId", "segment", "lostCents")
  SELECT mv."accountId", date_trunc('quarter', mv."date")::date, COALESCE(mv."reason", ''),
    CASE WHEN mv."addressable" THEN 1 WHEN NOT mv."addressable" THEN 0 ELSE 2 END, COALESCE(a."csmId", ''), a."segment", sum(mv."amountCents")
  FROM "ArrMovement" mv
  JOIN "Account" a ON a."id" = mv."accountId"
  -- Every account's when rebuilding (the ids joined otherwise: a plan for both would scan every movement).
  WHERE mv."type" IN ('CHURN', 'CONTRACTION') AND mv."accountId" IN (SELECT unnest(COALESCE(accounts, ARRAY(SELECT x."id" FROM "Account" x))))
  GROUP BY 1, 2, 3, 4, 5, 6;
END;
$$;

-- ForecastReasonAccount's rows of the statement (inserted: sign 1, deleted: -1) move ForecastReasonSum.
CREATE FUNCTION "forecast_reason_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign INTEGER := TG_ARGV[0]::int;
BEGIN
  PERFORM pg_advisory_xact_lock(20261121);
  INSERT INTO "ForecastReasonSum" AS t ("quarterStart", "segment", "reason", "addressable", "accounts", "lostCents")
  SELECT c."quarterStart", c."segment", c."reason", c."addressable", sign * count(*), sign * sum(c."lostCents")
  FROM changed c
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("quarterStart", "segment", "reason", "addressable") DO UPDATE SET
    "accounts" = t."accounts" + EXCLUDED."accounts", "lostCents" = t."lostCents" + EXCLUDED."lostCents";
  DELETE FROM "ForecastReasonSum" t
  USING (SELECT DISTINCT c."quarterStart", c."segment", c."reason", c."addressable" FROM changed c) k
  WHERE t."accounts" = 0 AND t."lostCents" = 0 AND t."quarterStart" = k."quarterStart" AND t."segment" = k."segment" AND t."reason" = k."reason" AND t."addressable" = k."addressable";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "forecast_reason_insert" AFTER INSERT ON "ForecastReasonAccount"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_reason_apply"('1');
CREATE TRIGGER "forecast_reason_delete" AFTER DELETE ON "ForecastReasonAccount"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_reason_apply"('-1');
CREATE TRIGGER "forecast_reason_update_old" AFTER UPDATE ON "ForecastReasonAccount"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_reason_apply"('-1');
CREATE TRIGGER "forecast_reason_update_new" AFTER UPDATE ON "ForecastReasonAccount"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "forecast_reason_apply"('1');

CREATE FUNCTION "movements_forecast_reasons"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "forecast_reasons_refresh"(ARRAY(SELECT DISTINCT n."accountId" FROM new_rows n WHERE n."type" IN ('CHURN', 'CONTRACTION')));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "forecast_reasons_refresh"(ARRAY(SELECT DISTINCT o."accountId" FROM old_rows o WHERE o."type" IN ('CHURN', 'CONTRACTION')));
  ELSE
    PERFORM "forecast_reasons_refresh"(ARRAY(
      SELECT o."accountId" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."type", o."date", o."amountCents", o."reason", o."addressable", o."accountId") IS DISTINCT FROM (n."type", n."date", n."amountCents", n."reason", n."addressable", n."accountId")
        AND o."type" IN ('CHURN', 'CONTRACTION')
      UNION
      SELECT n."accountId" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."type", o."date", o."amountCents", o."reason", o."addressable", o."accountId") IS DISTINCT FROM (n."type", n."date", n."amountCents", n."reason", n."addressable", n."accountId")
        AND n."type" IN ('CHURN', 'CONTRACTION')));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "movement_forecast_reasons_insert" AFTER INSERT ON "ArrMovement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "movements_forecast_reasons"();
CREATE TRIGGER "movement_forecast_reasons_update" AFTER UPDATE ON "ArrMovement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "movements_forecast_reasons"();
CREATE TRIGGER "movement_forecast_reasons_delete" AFTER DELETE ON "ArrMovement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "movements_forecast_reasons"();

-- An account moving to another CSM or segment takes its renewals and its losses along.
CREATE FUNCTION "accounts_forecast_summaries"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved TEXT[];
BEGIN
  moved := ARRAY(SELECT n."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
                 WHERE (o."csmId", o."segment") IS DISTINCT FROM (n."csmId", n."segment"));
  IF cardinality(moved) = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM "forecast_state_refresh"(ARRAY(SELECT r."id" FROM "RenewalOpportunity" r WHERE r."accountId" IN (SELECT unnest(moved))));
  PERFORM "forecast_reasons_refresh"(moved);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "account_forecast_summaries_update" AFTER UPDATE ON "Account"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_forecast_summaries"();

-- ───────────────────── Rebuild ─────────────────────
-- Everything from the rows: the state of every renewal (its insert trigger sums the summaries), and every account's
-- losses. TRUNCATE fires no delete trigger, so nothing is subtracted from the summaries it empties.
CREATE FUNCTION "forecast_page_summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(20261121);
  TRUNCATE "ForecastRenewalState", "ForecastQuarterSum", "ForecastWeekChange", "ForecastAccuracyMonth";
  INSERT INTO "ForecastRenewalState" SELECT * FROM "forecast_state_rows"(ARRAY(SELECT "id" FROM "RenewalOpportunity"));
  PERFORM "forecast_reasons_refresh"(NULL);
END;
$$;

SELECT "forecast_page_summaries_rebuild"();
