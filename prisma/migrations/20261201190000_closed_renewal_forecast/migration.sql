-- Forecast accuracy (issue 12 §5) read, for every closed renewal of the trailing year, the last weekly snapshot 90
-- and 30 days before its renewal date: two index look-ups per renewal on each forecast page and dashboard load
-- (16,000 renewals a year on the 1× database, 200 ms). Those two snapshots no longer change once the renewal has closed
-- (the weekly job snapshots open renewals only), so each closed renewal now keeps them in one row here, with what it
-- was up for and what it closed at; accuracy, late surprises and the Brier score are sums over this table.
--
-- Kept by the database, never written by the app: written when a renewal closes (in the closing transaction, so a
-- close that rolls back leaves nothing and a retried close writes the same row), and recomputed if a closed renewal's
-- date or amounts change or one of its snapshots arrives late (a weekly job that read the renewal open just before the
-- close). Every row is a function of the renewal and its snapshots: `closed_renewal_forecast_refresh(ids)` writes it,
-- and `SELECT closed_renewal_forecast_rebuild()` recomputes the whole table (the backfill below).

CREATE TABLE "ClosedRenewalForecast" (
    "renewalOpportunityId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "renewalDate" DATE NOT NULL,
    "won" BOOLEAN NOT NULL,
    "baseCents" BIGINT NOT NULL,
    "closedCents" BIGINT NOT NULL,
    "category90" "ForecastCategory",
    "amount90Cents" BIGINT,
    "likelihood90" INTEGER,
    "category30" "ForecastCategory",
    "amount30Cents" BIGINT,
    "likelihood30" INTEGER,

    CONSTRAINT "ClosedRenewalForecast_pkey" PRIMARY KEY ("renewalOpportunityId")
);

CREATE INDEX "ClosedRenewalForecast_renewalDate_idx" ON "ClosedRenewalForecast"("renewalDate");

CREATE INDEX "ClosedRenewalForecast_accountId_renewalDate_idx" ON "ClosedRenewalForecast"("accountId", "renewalDate");

ALTER TABLE "ClosedRenewalForecast" ADD CONSTRAINT "ClosedRenewalForecast_renewalOpportunityId_fkey" FOREIGN KEY ("renewalOpportunityId") REFERENCES "RenewalOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The renewals `ids` as they stand: a closed one gets its row (the snapshot of the last week starting at least 90 and
-- 30 days before the renewal date, as lib/forecast/accuracy.ts's snapshotAt picks it), any other loses it. The ids are
-- joined (unnest), not matched with = ANY: a bulk load's statement passes hundreds of thousands of them.
CREATE FUNCTION "closed_renewal_forecast_refresh"(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ClosedRenewalForecast" c
  USING unnest(ids) i(id)
  WHERE c."renewalOpportunityId" = i.id
    AND NOT EXISTS (SELECT 1 FROM "RenewalOpportunity" r WHERE r."id" = c."renewalOpportunityId" AND r."stage" IN ('CLOSED_WON', 'CLOSED_LOST'));
  INSERT INTO "ClosedRenewalForecast" AS c ("renewalOpportunityId", "accountId", "renewalDate", "won", "baseCents", "closedCents",
    "category90", "amount90Cents", "likelihood90", "category30", "amount30Cents", "likelihood30")
  SELECT r."id", r."accountId", r."renewalDate", r."stage" = 'CLOSED_WON', r."amountCents",
    CASE WHEN r."stage" = 'CLOSED_WON' THEN COALESCE(r."closedAmountCents", 0) ELSE 0 END,
    s90."category", s90."amountCents", s90."likelihood", s30."category", s30."amountCents", s30."likelihood"
  FROM (SELECT DISTINCT unnest(ids) AS id) i
  JOIN "RenewalOpportunity" r ON r."id" = i.id
  LEFT JOIN LATERAL (
    SELECT s."category", s."amountCents", s."likelihood" FROM "ForecastSnapshot" s
    WHERE s."renewalOpportunityId" = r."id" AND s."weekStart" <= r."renewalDate" - 90 ORDER BY s."weekStart" DESC LIMIT 1
  ) s90 ON TRUE
  LEFT JOIN LATERAL (
    SELECT s."category", s."amountCents", s."likelihood" FROM "ForecastSnapshot" s
    WHERE s."renewalOpportunityId" = r."id" AND s."weekStart" <= r."renewalDate" - 30 ORDER BY s."weekStart" DESC LIMIT 1
  ) s30 ON TRUE
  WHERE r."stage" IN ('CLOSED_WON', 'CLOSED_LOST')
  ON CONFLICT ("renewalOpportunityId") DO UPDATE SET
    "accountId" = EXCLUDED."accountId", "renewalDate" = EXCLUDED."renewalDate", "won" = EXCLUDED."won",
    "baseCents" = EXCLUDED."baseCents", "closedCents" = EXCLUDED."closedCents",
    "category90" = EXCLUDED."category90", "amount90Cents" = EXCLUDED."amount90Cents", "likelihood90" = EXCLUDED."likelihood90",
    "category30" = EXCLUDED."category30", "amount30Cents" = EXCLUDED."amount30Cents", "likelihood30" = EXCLUDED."likelihood30"
  -- A refresh that changes nothing writes nothing (the weekly job's batches touch only closed renewals' rows, if any).
  WHERE (c."accountId", c."renewalDate", c."won", c."baseCents", c."closedCents", c."category90", c."amount90Cents", c."likelihood90",
         c."category30", c."amount30Cents", c."likelihood30")
    IS DISTINCT FROM (EXCLUDED."accountId", EXCLUDED."renewalDate", EXCLUDED."won", EXCLUDED."baseCents", EXCLUDED."closedCents",
         EXCLUDED."category90", EXCLUDED."amount90Cents", EXCLUDED."likelihood90", EXCLUDED."category30", EXCLUDED."amount30Cents", EXCLUDED."likelihood30");
$$;

CREATE FUNCTION "closed_renewal_forecast_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ClosedRenewalForecast";
  SELECT "closed_renewal_forecast_refresh"(ARRAY(SELECT "id" FROM "RenewalOpportunity" WHERE "stage" IN ('CLOSED_WON', 'CLOSED_LOST')));
$$;

-- A renewal that closes, or a closed one whose date, amounts or account change (row by row: closing is one renewal,
-- or a few co-termed ones; the WHEN keeps every other update free).
CREATE FUNCTION "renewal_closed_forecast_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "closed_renewal_forecast_refresh"(ARRAY[NEW."id"]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "renewal_closed_forecast_update" AFTER UPDATE OF "stage", "renewalDate", "amountCents", "closedAmountCents", "accountId" ON "RenewalOpportunity"
  FOR EACH ROW WHEN (NEW."stage" IN ('CLOSED_WON', 'CLOSED_LOST') OR OLD."stage" IN ('CLOSED_WON', 'CLOSED_LOST'))
  EXECUTE FUNCTION "renewal_closed_forecast_row"();

-- Renewals inserted closed (imports of history, the demo seed, the bench generator): once per statement.
CREATE FUNCTION "renewals_inserted_closed_forecast"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "closed_renewal_forecast_refresh"(ARRAY(SELECT n."id" FROM new_rows n WHERE n."stage" IN ('CLOSED_WON', 'CLOSED_LOST')));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "renewal_closed_forecast_insert" AFTER INSERT ON "RenewalOpportunity"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "renewals_inserted_closed_forecast"();

-- Snapshots written, changed or removed: the closed renewals among theirs are recomputed (once per statement).
CREATE FUNCTION "snapshots_new_closed_forecast"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "closed_renewal_forecast_refresh"(ARRAY(SELECT DISTINCT n."renewalOpportunityId" FROM new_rows n));
  RETURN NULL;
END;
$$;

CREATE FUNCTION "snapshots_old_closed_forecast"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "closed_renewal_forecast_refresh"(ARRAY(SELECT DISTINCT o."renewalOpportunityId" FROM old_rows o));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "snapshot_closed_forecast_insert" AFTER INSERT ON "ForecastSnapshot"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "snapshots_new_closed_forecast"();

CREATE TRIGGER "snapshot_closed_forecast_update_new" AFTER UPDATE ON "ForecastSnapshot"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "snapshots_new_closed_forecast"();

CREATE TRIGGER "snapshot_closed_forecast_update_old" AFTER UPDATE ON "ForecastSnapshot"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "snapshots_old_closed_forecast"();

CREATE TRIGGER "snapshot_closed_forecast_delete" AFTER DELETE ON "ForecastSnapshot"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "snapshots_old_closed_forecast"();

-- The renewals closed before this migration.
SELECT "closed_renewal_forecast_rebuild"();
