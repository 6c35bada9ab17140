-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "contractEnd" DATE;

-- CreateTable
CREATE TABLE "AccountArrSeries" (
    "accountId" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "firstMonth" INTEGER NOT NULL,
    "monthEndCents" BIGINT[],

    CONSTRAINT "AccountArrSeries_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "RetentionTrendDelta" (
    "month" INTEGER NOT NULL,
    "segment" "Segment" NOT NULL,
    "startCents" BIGINT NOT NULL,
    "retainedCents" BIGINT NOT NULL,
    "endCents" BIGINT NOT NULL,
    "cohortAccounts" INTEGER NOT NULL,
    "retainedAccounts" INTEGER NOT NULL,

    CONSTRAINT "RetentionTrendDelta_pkey" PRIMARY KEY ("month","segment")
);

-- CreateIndex
CREATE INDEX "Account_initialSignedAt_idx" ON "Account"("initialSignedAt");

-- CreateIndex
CREATE INDEX "ArrMovement_type_date_accountId_amountCents_idx" ON "ArrMovement"("type", "date", "accountId", "amountCents");

-- CreateIndex
CREATE INDEX "Deal_stage_contractEnd_idx" ON "Deal"("stage", "contractEnd");

-- CreateIndex
CREATE INDEX "Handoff_startedAt_idx" ON "Handoff"("startedAt");

-- ───────────────────── Deal."contractEnd": kept by the database, never written by the app ─────────────────────
-- Contract start (default the close date) + term months; like lib/renewals renewalDateFor, a 31st clamps to the
-- last day of a shorter month.
CREATE FUNCTION "deal_contract_end"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."contractEnd" := (coalesce(NEW."contractStart", NEW."closeDate") + make_interval(months => NEW."termMonths"))::date;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Deal_contract_end"
  BEFORE INSERT OR UPDATE OF "contractStart", "closeDate", "termMonths", "contractEnd" ON "Deal"
  FOR EACH ROW EXECUTE FUNCTION "deal_contract_end"();

UPDATE "Deal" SET "contractEnd" = (coalesce("contractStart", "closeDate") + make_interval(months => "termMonths"))::date;

-- ───────────────────── ARR series and the retention trend, kept from ArrMovement ─────────────────────
-- Months are counted as year * 12 + month - 1, so they subtract like integers.
CREATE FUNCTION "dashboard_month"(d date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM d)::integer * 12 + extract(month FROM d)::integer - 1)
$$;

-- An account's ARR at the end of month m: 0 before its first movement, its last value after its last one.
CREATE FUNCTION "dashboard_arr_at"(first_month integer, month_end_cents bigint[], m integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN m < first_month THEN 0::bigint
              ELSE month_end_cents[least(cardinality(month_end_cents), m - first_month + 1)] END
$$;

-- One account's part of the retention of the window from month first_m to month last_m (SPEC.md "Measures"):
-- in the cohort when its ARR before the window (end of first_m - 1) is above zero; then start, min(start, end)
-- and end, with end never below zero.
CREATE FUNCTION "dashboard_window"(first_month integer, month_end_cents bigint[], first_m integer, last_m integer)
RETURNS TABLE (start_cents bigint, retained_cents bigint, end_cents bigint, cohort integer, retained integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s > 0 THEN s ELSE 0 END,
         CASE WHEN s > 0 THEN least(s, e) ELSE 0 END,
         CASE WHEN s > 0 THEN e ELSE 0 END,
         (s > 0)::integer,
         (s > 0 AND e > 0)::integer
  FROM (SELECT "dashboard_arr_at"(first_month, month_end_cents, first_m - 1) AS s,
               greatest("dashboard_arr_at"(first_month, month_end_cents, last_m), 0) AS e) v
$$;

-- Adds (sign 1) or takes back (sign -1) the accounts' month-over-month changes of the 12-month trend. An account's
-- window sums can only change in months from its first month to 12 months after its last.
CREATE FUNCTION "dashboard_apply_trend"(ids text[], sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "RetentionTrendDelta" ("month", "segment", "startCents", "retainedCents", "endCents", "cohortAccounts", "retainedAccounts")
  SELECT x.month, x.segment, sign * sum(x.d_start), sign * sum(x.d_retained), sign * sum(x.d_end),
         sign * sum(x.d_cohort), sign * sum(x.d_retained_n)
  FROM (
    SELECT s."segment", g.m AS month,
           cur.start_cents - prev.start_cents AS d_start,
           cur.retained_cents - prev.retained_cents AS d_retained,
           cur.end_cents - prev.end_cents AS d_end,
           cur.cohort - prev.cohort AS d_cohort,
           cur.retained - prev.retained AS d_retained_n
    FROM "AccountArrSeries" s
    CROSS JOIN LATERAL generate_series(s."firstMonth", s."firstMonth" + cardinality(s."monthEndCents") + 12) g(m)
    CROSS JOIN LATERAL "dashboard_window"(s."firstMonth", s."monthEndCents", g.m - 11, g.m) cur
    CROSS JOIN LATERAL "dashboard_window"(s."firstMonth", s."monthEndCents", g.m - 12, g.m - 1) prev
    WHERE s."accountId" = ANY (ids)
  ) x
  WHERE x.d_start <> 0 OR x.d_retained <> 0 OR x.d_end <> 0 OR x.d_cohort <> 0 OR x.d_retained_n <> 0
  GROUP BY x.month, x.segment
  ORDER BY x.month, x.segment
  ON CONFLICT ("month", "segment") DO UPDATE SET
    "startCents" = "RetentionTrendDelta"."startCents" + EXCLUDED."startCents",
    "retainedCents" = "RetentionTrendDelta"."retainedCents" + EXCLUDED."retainedCents",
    "endCents" = "RetentionTrendDelta"."endCents" + EXCLUDED."endCents",
    "cohortAccounts" = "RetentionTrendDelta"."cohortAccounts" + EXCLUDED."cohortAccounts",
    "retainedAccounts" = "RetentionTrendDelta"."retainedAccounts" + EXCLUDED."retainedAccounts";
$$;

-- Recomputes the series of the given accounts from their movements and their part of the trend.
CREATE FUNCTION "dashboard_refresh_accounts"(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- One writer of the summaries at a time, until it commits: two transactions changing the same account (or the
  -- same trend rows) would otherwise each take back contributions the other had already replaced.
  PERFORM pg_advisory_xact_lock(20261121);
  PERFORM "dashboard_apply_trend"(ids, -1);
  DELETE FROM "AccountArrSeries" WHERE "accountId" = ANY (ids);
  INSERT INTO "AccountArrSeries" ("accountId", "segment", "firstMonth", "monthEndCents")
  WITH monthly AS (
    SELECT m."accountId", "dashboard_month"(m."date") AS month,
           sum(CASE WHEN m."type" IN ('NEW', 'EXPANSION') THEN m."amountCents"
                    WHEN m."type" IN ('CONTRACTION', 'CHURN') THEN -m."amountCents" ELSE 0 END)::bigint AS delta
    FROM "ArrMovement" m
    WHERE m."accountId" = ANY (ids)
    GROUP BY 1, 2
  ), bounds AS (
    SELECT "accountId", min(month) AS first_month, max(month) AS last_month FROM monthly GROUP BY 1
  ), dense AS (
    SELECT b."accountId", b.first_month, g.month, coalesce(mo.delta, 0) AS delta
    FROM bounds b
    CROSS JOIN LATERAL generate_series(b.first_month, b.last_month) g(month)
    LEFT JOIN monthly mo ON mo."accountId" = b."accountId" AND mo.month = g.month
  )
  SELECT d."accountId", a."segment", d.first_month, array_agg(d.running ORDER BY d.month)
  FROM (SELECT dense.*, sum(delta) OVER (PARTITION BY "accountId" ORDER BY month)::bigint AS running FROM dense) d
  -- An account deleted with its movements has nothing left to file.
  JOIN "Account" a ON a."id" = d."accountId"
  GROUP BY d."accountId", a."segment", d.first_month;
  PERFORM "dashboard_apply_trend"(ids, 1);
  DELETE FROM "RetentionTrendDelta"
  WHERE "startCents" = 0 AND "retainedCents" = 0 AND "endCents" = 0 AND "cohortAccounts" = 0 AND "retainedAccounts" = 0;
END;
$$;

-- Recomputes both summaries from scratch (after a bulk load with triggers off, or to check them).
CREATE FUNCTION "dashboard_rebuild_summaries"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(20261121);
  TRUNCATE "AccountArrSeries", "RetentionTrendDelta";
  PERFORM "dashboard_refresh_accounts"(ARRAY(SELECT DISTINCT "accountId" FROM "ArrMovement"));
END;
$$;

CREATE FUNCTION "dashboard_movements_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "dashboard_refresh_accounts"(ARRAY(SELECT DISTINCT "accountId" FROM new_rows));
  RETURN NULL;
END;
$$;

CREATE FUNCTION "dashboard_movements_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "dashboard_refresh_accounts"(ARRAY(SELECT "accountId" FROM old_rows UNION SELECT "accountId" FROM new_rows));
  RETURN NULL;
END;
$$;

CREATE FUNCTION "dashboard_movements_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "dashboard_refresh_accounts"(ARRAY(SELECT DISTINCT "accountId" FROM old_rows));
  RETURN NULL;
END;
$$;

-- DELETE, not TRUNCATE: the summaries are often in the same TRUNCATE statement (tests, the demo seed), and a table
-- cannot be truncated again while that statement is using it.
CREATE FUNCTION "dashboard_movements_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AccountArrSeries";
  DELETE FROM "RetentionTrendDelta";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "dashboard_account_segment_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "dashboard_refresh_accounts"(ARRAY[NEW."id"]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ArrMovement_dashboard_insert" AFTER INSERT ON "ArrMovement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_movements_inserted"();
CREATE TRIGGER "ArrMovement_dashboard_update" AFTER UPDATE ON "ArrMovement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_movements_updated"();
CREATE TRIGGER "ArrMovement_dashboard_delete" AFTER DELETE ON "ArrMovement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_movements_deleted"();
CREATE TRIGGER "ArrMovement_dashboard_truncate" AFTER TRUNCATE ON "ArrMovement"
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_movements_truncated"();
CREATE TRIGGER "Account_dashboard_segment" AFTER UPDATE OF "segment" ON "Account"
  FOR EACH ROW WHEN (OLD."segment" IS DISTINCT FROM NEW."segment") EXECUTE FUNCTION "dashboard_account_segment_changed"();

-- Movements already in the database.
SELECT "dashboard_rebuild_summaries"();
