-- Summaries for the whole-company and per-segment reads of five dashboard measures (issue 15), so that at 10× data
-- (500k accounts, 2M deals, 10M movements) they read a number of summary rows set by the calendar and the segments,
-- not by the accounts: renewal visibility (per contract-end day), handoff SLA and satisfaction (per UTC hour started),
-- CSM load (per CSM and segment), the expansion pipeline (per segment and stage, and the potential per segment) and
-- the ARR bridge's starting / ending ARR and terms (movements per month, segment and type), and time to first value
-- (accounts per month of initial close, segment and days to first value); and for a CSM's or a team's retention
-- trend, RetentionTrendDelta's month-over-month changes per book CSM and segment.
-- Kept by the database, never written by the app. Cuts by CSM, team or AE keep reading the rows themselves (their
-- own index ranges); lib/server/dashboard decides which.
--
-- Two ways of keeping them, chosen by what a row depends on:
-- • A summary row that depends on one row of one table (CSM load and potential: the account alone) moves by deltas of
--   OLD and NEW in the same transaction, like CsmBook: concurrent writes add up.
-- • One that joins tables (a renewal's deal, account and opportunity; an open expansion deal or a handoff and its
--   account's segment) is recomputed whole for the keys a statement touched, under one transaction-scoped advisory lock:
--   the second writer waits for the first to commit, and its recompute (a new statement, so a new snapshot under READ
--   COMMITTED) then sees the first one's rows. One lock for all of them, the one dashboard_refresh_accounts takes for the
--   ARR series (dashboard_summaries migration): a write that touches several summaries takes it once, so two writers
--   can never hold parts of what the other waits for (with a lock per summary, a movement's series-then-bridge order
--   and an account's bridge-then-series order could deadlock).

CREATE TABLE "RenewalDueDay" (
    "day" DATE NOT NULL,
    "segment" "Segment" NOT NULL,
    "due" INTEGER NOT NULL,
    "visible" INTEGER NOT NULL,
    "withoutCsm" INTEGER NOT NULL,
    "withoutOpportunity" INTEGER NOT NULL,
    "dueArrCents" BIGINT NOT NULL,
    "visibleArrCents" BIGINT NOT NULL,

    CONSTRAINT "RenewalDueDay_pkey" PRIMARY KEY ("day","segment")
);

CREATE TABLE "HandoffHour" (
    "hour" TIMESTAMP(3) NOT NULL,
    "segment" "Segment" NOT NULL,
    "completed" INTEGER NOT NULL,
    "withinSla" INTEGER NOT NULL,
    "rated" INTEGER NOT NULL,
    "ratingSum" INTEGER NOT NULL,
    "r1" INTEGER NOT NULL,
    "r2" INTEGER NOT NULL,
    "r3" INTEGER NOT NULL,
    "r4" INTEGER NOT NULL,
    "r5" INTEGER NOT NULL,

    CONSTRAINT "HandoffHour_pkey" PRIMARY KEY ("hour","segment")
);

CREATE TABLE "CsmSegmentLoad" (
    "csmId" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "accounts" INTEGER NOT NULL,
    "arrCents" BIGINT NOT NULL,

    CONSTRAINT "CsmSegmentLoad_pkey" PRIMARY KEY ("csmId","segment")
);

CREATE TABLE "ExpansionPipelineStage" (
    "segment" "Segment" NOT NULL,
    "stage" "DealStage" NOT NULL,
    "deals" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "ExpansionPipelineStage_pkey" PRIMARY KEY ("segment","stage")
);

CREATE TABLE "ExpansionPotentialSegment" (
    "segment" "Segment" NOT NULL,
    "accounts" INTEGER NOT NULL,
    "potentialCents" BIGINT NOT NULL,

    CONSTRAINT "ExpansionPotentialSegment_pkey" PRIMARY KEY ("segment")
);

CREATE TABLE "ArrMovementMonth" (
    "month" INTEGER NOT NULL,
    "segment" "Segment" NOT NULL,
    "type" "ArrMovementType" NOT NULL,
    "movements" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "ArrMovementMonth_pkey" PRIMARY KEY ("month","segment","type")
);

-- As RetentionTrendDelta (dashboard_summaries migration), per book CSM (Account.bookCsmId) as well as segment.
CREATE TABLE "RetentionTrendDeltaCsm" (
    "month" INTEGER NOT NULL,
    "csmId" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "startCents" BIGINT NOT NULL,
    "retainedCents" BIGINT NOT NULL,
    "endCents" BIGINT NOT NULL,
    "cohortAccounts" INTEGER NOT NULL,
    "retainedAccounts" INTEGER NOT NULL,

    CONSTRAINT "RetentionTrendDeltaCsm_pkey" PRIMARY KEY ("csmId","month","segment")
);

-- days = -1: not reached yet.
CREATE TABLE "TtfvMonth" (
    "month" INTEGER NOT NULL,
    "segment" "Segment" NOT NULL,
    "days" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,

    CONSTRAINT "TtfvMonth_pkey" PRIMARY KEY ("month","segment","days")
);

-- The overdue count depends on the time of the request, so it stays a read of the open handoffs (both NULL), this
-- index's range (a partial index would be the same but the schema cannot state one).
CREATE INDEX "Handoff_completedAt_skippedAt_startedAt_idx" ON "Handoff"("completedAt", "skippedAt", "startedAt");

-- ───────────────────── Renewal visibility, per contract-end day and segment ─────────────────────
-- The same figures as renewalVisibilityRawQuery (lib/server/dashboard/get-renewal-visibility.ts) for one day.
CREATE FUNCTION "renewal_due_refresh"(days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF days IS NOT NULL AND cardinality(days) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  -- Static statements per case: with `days IS NULL OR …` in one, PostgreSQL plans for both and scans the table.
  IF days IS NULL THEN
    DELETE FROM "RenewalDueDay";
  ELSE
    DELETE FROM "RenewalDueDay" WHERE "day" = ANY (days);
  END IF;
  INSERT INTO "RenewalDueDay" ("day", "segment", "due", "visible", "withoutCsm", "withoutOpportunity", "dueArrCents", "visibleArrCents")
  SELECT d."contractEnd", a."segment", count(*)::int,
         count(*) FILTER (WHERE r."id" IS NOT NULL AND a."csmId" IS NOT NULL)::int,
         count(*) FILTER (WHERE a."csmId" IS NULL)::int,
         count(*) FILTER (WHERE r."id" IS NULL)::int,
         coalesce(sum(d."amountCents"), 0)::bigint,
         coalesce(sum(d."amountCents") FILTER (WHERE r."id" IS NOT NULL AND a."csmId" IS NOT NULL), 0)::bigint
  FROM "Deal" d
  JOIN "Account" a ON a."id" = d."accountId"
  LEFT JOIN "RenewalOpportunity" r ON r."originalDealId" = d."id"
  -- Every day when rebuilding; else the days on the (stage, contractEnd) index.
  WHERE d."stage" = 'CLOSED_WON' AND d."contractEnd" = ANY (coalesce(days, ARRAY(SELECT DISTINCT x."contractEnd" FROM "Deal" x WHERE x."stage" = 'CLOSED_WON' AND x."contractEnd" IS NOT NULL)))
  GROUP BY d."contractEnd", a."segment";
END;
$$;

-- Statement triggers with transition tables (PostgreSQL allows no column list with them): a deal's won state, end,
-- amount or account changing moves its old and new day; any other update of a deal refreshes nothing.
CREATE FUNCTION "deal_renewal_due"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "renewal_due_refresh"(ARRAY(SELECT DISTINCT n."contractEnd" FROM new_rows n WHERE n."stage" = 'CLOSED_WON' AND n."contractEnd" IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "renewal_due_refresh"(ARRAY(SELECT DISTINCT o."contractEnd" FROM old_rows o WHERE o."stage" = 'CLOSED_WON' AND o."contractEnd" IS NOT NULL));
  ELSE
    PERFORM "renewal_due_refresh"(ARRAY(
      SELECT x.day FROM (
        SELECT o."contractEnd" AS day, o."stage" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE (o."stage", o."contractEnd", o."amountCents", o."accountId") IS DISTINCT FROM (n."stage", n."contractEnd", n."amountCents", n."accountId")
        UNION
        SELECT n."contractEnd", n."stage" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE (o."stage", o."contractEnd", o."amountCents", o."accountId") IS DISTINCT FROM (n."stage", n."contractEnd", n."amountCents", n."accountId")
      ) x WHERE x."stage" = 'CLOSED_WON' AND x.day IS NOT NULL));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Deal_renewal_due_insert" AFTER INSERT ON "Deal" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_renewal_due"();
CREATE TRIGGER "Deal_renewal_due_update" AFTER UPDATE ON "Deal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_renewal_due"();
CREATE TRIGGER "Deal_renewal_due_delete" AFTER DELETE ON "Deal" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_renewal_due"();

-- An opportunity appearing, going or moving to another deal changes whether that deal's renewal is visible.
CREATE FUNCTION "opportunity_renewal_due"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "renewal_due_refresh"(ARRAY(
      SELECT DISTINCT d."contractEnd" FROM new_rows n JOIN "Deal" d ON d."id" = n."originalDealId"
      WHERE d."stage" = 'CLOSED_WON' AND d."contractEnd" IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "renewal_due_refresh"(ARRAY(
      SELECT DISTINCT d."contractEnd" FROM old_rows o JOIN "Deal" d ON d."id" = o."originalDealId"
      WHERE d."stage" = 'CLOSED_WON' AND d."contractEnd" IS NOT NULL));
  ELSE
    PERFORM "renewal_due_refresh"(ARRAY(
      SELECT DISTINCT d."contractEnd"
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      JOIN "Deal" d ON d."id" IN (o."originalDealId", n."originalDealId")
      WHERE o."originalDealId" <> n."originalDealId" AND d."stage" = 'CLOSED_WON' AND d."contractEnd" IS NOT NULL));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "RenewalOpportunity_renewal_due_insert" AFTER INSERT ON "RenewalOpportunity" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_renewal_due"();
CREATE TRIGGER "RenewalOpportunity_renewal_due_update" AFTER UPDATE ON "RenewalOpportunity" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_renewal_due"();
CREATE TRIGGER "RenewalOpportunity_renewal_due_delete" AFTER DELETE ON "RenewalOpportunity" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_renewal_due"();

-- ───────────────────── Handoff SLA and satisfaction, per UTC hour started and segment ─────────────────────
-- The same figures as handoffMeasuresRawQuery for the handoffs started in one hour (less the open overdue, read live).
CREATE FUNCTION "handoff_hour_refresh"(hours timestamp[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF hours IS NOT NULL AND cardinality(hours) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  -- Static statements per case: with `hours IS NULL OR …` in one, PostgreSQL plans for both and scans every handoff.
  IF hours IS NULL THEN
    DELETE FROM "HandoffHour";
  ELSE
    DELETE FROM "HandoffHour" WHERE "hour" = ANY (hours);
  END IF;
  INSERT INTO "HandoffHour" ("hour", "segment", "completed", "withinSla", "rated", "ratingSum", "r1", "r2", "r3", "r4", "r5")
  SELECT date_trunc('hour', h."startedAt"), a."segment",
         count(*) FILTER (WHERE h."completedAt" IS NOT NULL)::int,
         count(*) FILTER (WHERE h."completedAt" IS NOT NULL AND h."completedWithinSla")::int,
         count(h."rating")::int, coalesce(sum(h."rating"), 0)::int,
         count(*) FILTER (WHERE h."rating" = 1)::int, count(*) FILTER (WHERE h."rating" = 2)::int,
         count(*) FILTER (WHERE h."rating" = 3)::int, count(*) FILTER (WHERE h."rating" = 4)::int,
         count(*) FILTER (WHERE h."rating" = 5)::int
  -- Each hour's range on the startedAt index; one unbounded range when rebuilding.
  FROM (SELECT g.hr AS lo, g.hr + interval '1 hour' AS hi FROM unnest(hours) g(hr)
        UNION ALL SELECT '-infinity'::timestamp, 'infinity'::timestamp WHERE hours IS NULL) r
  JOIN "Handoff" h ON h."startedAt" >= r.lo AND h."startedAt" < r.hi
  JOIN "Account" a ON a."id" = h."accountId"
  GROUP BY 1, 2
  -- A row of only open handoffs adds nothing to these figures.
  HAVING count(*) FILTER (WHERE h."completedAt" IS NOT NULL) > 0 OR count(h."rating") > 0;
END;
$$;

-- A checklist autosave updates the handoff too: only a change of what the figures read refreshes its hour.
CREATE FUNCTION "handoff_hour_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "handoff_hour_refresh"(ARRAY(SELECT DISTINCT date_trunc('hour', n."startedAt") FROM new_rows n
                                         WHERE n."completedAt" IS NOT NULL OR n."rating" IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "handoff_hour_refresh"(ARRAY(SELECT DISTINCT date_trunc('hour', o."startedAt") FROM old_rows o
                                         WHERE o."completedAt" IS NOT NULL OR o."rating" IS NOT NULL));
  ELSE
    PERFORM "handoff_hour_refresh"(ARRAY(
      SELECT date_trunc('hour', o."startedAt") FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."startedAt", o."completedAt", o."completedWithinSla", o."rating", o."accountId")
            IS DISTINCT FROM (n."startedAt", n."completedAt", n."completedWithinSla", n."rating", n."accountId")
      UNION
      SELECT date_trunc('hour', n."startedAt") FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."startedAt", o."completedAt", o."completedWithinSla", o."rating", o."accountId")
            IS DISTINCT FROM (n."startedAt", n."completedAt", n."completedWithinSla", n."rating", n."accountId")));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Handoff_hour_insert" AFTER INSERT ON "Handoff" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "handoff_hour_changed"();
CREATE TRIGGER "Handoff_hour_update" AFTER UPDATE ON "Handoff" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "handoff_hour_changed"();
CREATE TRIGGER "Handoff_hour_delete" AFTER DELETE ON "Handoff" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "handoff_hour_changed"();

-- ───────────────────── Expansion pipeline, per segment and open stage ─────────────────────
-- Deltas of the deals' old and new rows, filed under their account's segment, under an advisory lock so that a deal
-- written while its account moves segment is filed where the move left it. A deal deleted with its account (cascade)
-- finds no account: the account's own delete trigger took its deals back first.
CREATE FUNCTION "expansion_pipeline_lock"() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(20261121)
$$;

CREATE FUNCTION "expansion_pipeline_prune"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ExpansionPipelineStage" WHERE "deals" = 0 AND "amountCents" = 0
$$;

CREATE FUNCTION "expansion_pipeline_open"(deal_type "DealType", stage "DealStage") RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT deal_type = 'EXPANSION' AND stage IN ('PROSPECTING', 'DISCOVERY', 'PROPOSAL', 'NEGOTIATION')
$$;

CREATE FUNCTION "deal_expansion_pipeline"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows n WHERE "expansion_pipeline_open"(n."type", n."stage")) THEN RETURN NULL; END IF;
    PERFORM "expansion_pipeline_lock"();
    INSERT INTO "ExpansionPipelineStage" AS p ("segment", "stage", "deals", "amountCents")
    SELECT a."segment", n."stage", count(*)::int, sum(n."amountCents")::bigint
    FROM new_rows n JOIN "Account" a ON a."id" = n."accountId" WHERE "expansion_pipeline_open"(n."type", n."stage")
    GROUP BY 1, 2
    ON CONFLICT ("segment", "stage") DO UPDATE SET "deals" = p."deals" + EXCLUDED."deals", "amountCents" = p."amountCents" + EXCLUDED."amountCents";
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows o WHERE "expansion_pipeline_open"(o."type", o."stage")) THEN RETURN NULL; END IF;
    PERFORM "expansion_pipeline_lock"();
    INSERT INTO "ExpansionPipelineStage" AS p ("segment", "stage", "deals", "amountCents")
    SELECT a."segment", o."stage", -count(*)::int, -sum(o."amountCents")::bigint
    FROM old_rows o JOIN "Account" a ON a."id" = o."accountId" WHERE "expansion_pipeline_open"(o."type", o."stage")
    GROUP BY 1, 2
    ON CONFLICT ("segment", "stage") DO UPDATE SET "deals" = p."deals" + EXCLUDED."deals", "amountCents" = p."amountCents" + EXCLUDED."amountCents";
  ELSE
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."type", o."stage", o."amountCents", o."accountId") IS DISTINCT FROM (n."type", n."stage", n."amountCents", n."accountId")
        AND ("expansion_pipeline_open"(o."type", o."stage") OR "expansion_pipeline_open"(n."type", n."stage"))) THEN
      RETURN NULL;
    END IF;
    PERFORM "expansion_pipeline_lock"();
    INSERT INTO "ExpansionPipelineStage" AS p ("segment", "stage", "deals", "amountCents")
    SELECT a."segment", x."stage", sum(x.n)::int, sum(x.cents)::bigint
    FROM (SELECT o."accountId", o."stage", -1 AS n, -o."amountCents" AS cents FROM old_rows o WHERE "expansion_pipeline_open"(o."type", o."stage")
          UNION ALL
          SELECT n."accountId", n."stage", 1, n."amountCents" FROM new_rows n WHERE "expansion_pipeline_open"(n."type", n."stage")) x
    JOIN "Account" a ON a."id" = x."accountId"
    GROUP BY 1, 2
    ON CONFLICT ("segment", "stage") DO UPDATE SET "deals" = p."deals" + EXCLUDED."deals", "amountCents" = p."amountCents" + EXCLUDED."amountCents";
  END IF;
  PERFORM "expansion_pipeline_prune"();
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Deal_expansion_pipeline_insert" AFTER INSERT ON "Deal" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_expansion_pipeline"();
CREATE TRIGGER "Deal_expansion_pipeline_update" AFTER UPDATE ON "Deal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_expansion_pipeline"();
CREATE TRIGGER "Deal_expansion_pipeline_delete" AFTER DELETE ON "Deal" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_expansion_pipeline"();

-- An account's open expansion deals move with its segment, and go with it (before the cascade deletes them).
CREATE FUNCTION "account_expansion_pipeline"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- OLD: a BEFORE DELETE trigger that returned NULL would cancel the delete (an AFTER trigger's value is ignored).
  IF NOT EXISTS (SELECT 1 FROM "Deal" d WHERE d."accountId" = OLD."id" AND "expansion_pipeline_open"(d."type", d."stage")) THEN
    RETURN OLD;
  END IF;
  PERFORM "expansion_pipeline_lock"();
  INSERT INTO "ExpansionPipelineStage" AS p ("segment", "stage", "deals", "amountCents")
  SELECT x.segment, d."stage", sum(x.sign)::int, sum(x.sign * d."amountCents")::bigint
  FROM "Deal" d
  CROSS JOIN LATERAL (VALUES (OLD."segment", -1), (CASE WHEN TG_OP = 'UPDATE' THEN NEW."segment" END, 1)) x(segment, sign)
  WHERE d."accountId" = OLD."id" AND "expansion_pipeline_open"(d."type", d."stage") AND x.segment IS NOT NULL
  GROUP BY 1, 2
  ON CONFLICT ("segment", "stage") DO UPDATE SET "deals" = p."deals" + EXCLUDED."deals", "amountCents" = p."amountCents" + EXCLUDED."amountCents";
  PERFORM "expansion_pipeline_prune"();
  RETURN OLD;
END;
$$;

CREATE TRIGGER "Account_expansion_pipeline_segment" AFTER UPDATE OF "segment" ON "Account" FOR EACH ROW
  WHEN (OLD."segment" IS DISTINCT FROM NEW."segment") EXECUTE FUNCTION "account_expansion_pipeline"();
CREATE TRIGGER "Account_expansion_pipeline_delete" BEFORE DELETE ON "Account" FOR EACH ROW
  EXECUTE FUNCTION "account_expansion_pipeline"();

-- ───────────────────── Per account: CSM load and expansion potential (deltas) ─────────────────────
CREATE FUNCTION "csm_segment_load_add"(csm_id TEXT, seg "Segment", accounts INTEGER, arr_cents BIGINT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "CsmSegmentLoad" AS l ("csmId", "segment", "accounts", "arrCents") VALUES (csm_id, seg, accounts, arr_cents)
  ON CONFLICT ("csmId", "segment") DO UPDATE SET "accounts" = l."accounts" + EXCLUDED."accounts", "arrCents" = l."arrCents" + EXCLUDED."arrCents"
$$;

CREATE FUNCTION "expansion_potential_add"(seg "Segment", accounts INTEGER, cents BIGINT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ExpansionPotentialSegment" AS p ("segment", "accounts", "potentialCents") VALUES (seg, accounts, cents)
  ON CONFLICT ("segment") DO UPDATE SET "accounts" = p."accounts" + EXCLUDED."accounts", "potentialCents" = p."potentialCents" + EXCLUDED."potentialCents"
$$;

CREATE FUNCTION "account_measure_summaries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD."csmId" IS NOT NULL THEN
      PERFORM "csm_segment_load_add"(OLD."csmId", OLD."segment", -1, -OLD."arrCents");
    END IF;
    IF OLD."arrCents" > 0 THEN
      PERFORM "expansion_potential_add"(OLD."segment", -(OLD."expansionPotentialCents" > 0)::int, -OLD."expansionPotentialCents");
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW."csmId" IS NOT NULL THEN
      PERFORM "csm_segment_load_add"(NEW."csmId", NEW."segment", 1, NEW."arrCents");
    END IF;
    IF NEW."arrCents" > 0 THEN
      PERFORM "expansion_potential_add"(NEW."segment", (NEW."expansionPotentialCents" > 0)::int, NEW."expansionPotentialCents");
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_measure_summaries" AFTER INSERT OR DELETE OR UPDATE OF "csmId", "segment", "arrCents", "expansionPotentialCents"
  ON "Account" FOR EACH ROW EXECUTE FUNCTION "account_measure_summaries"();

-- The account's CSM (present or not) and segment decide where its renewals and handoffs count.
CREATE FUNCTION "account_joined_summaries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "renewal_due_refresh"(ARRAY(SELECT DISTINCT d."contractEnd" FROM "Deal" d
                                      WHERE d."accountId" = NEW."id" AND d."stage" = 'CLOSED_WON' AND d."contractEnd" IS NOT NULL));
  IF OLD."segment" IS DISTINCT FROM NEW."segment" THEN
    PERFORM "handoff_hour_refresh"(ARRAY(SELECT DISTINCT date_trunc('hour', h."startedAt") FROM "Handoff" h WHERE h."accountId" = NEW."id"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_joined_summaries" AFTER UPDATE OF "csmId", "segment" ON "Account" FOR EACH ROW
  WHEN ((OLD."csmId" IS NULL) <> (NEW."csmId" IS NULL) OR OLD."segment" IS DISTINCT FROM NEW."segment")
  EXECUTE FUNCTION "account_joined_summaries"();

-- ───────────────────── ARR bridge: movements per month (dashboard_month), segment and type ─────────────────────
-- Deltas of the movements' old and new rows under their account's segment, under an advisory lock (as the pipeline).
CREATE FUNCTION "arr_movement_month_prune"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ArrMovementMonth" WHERE "movements" = 0 AND "amountCents" = 0
$$;

CREATE FUNCTION "movements_arr_month"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(20261121);
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ArrMovementMonth" AS s ("month", "segment", "type", "movements", "amountCents")
    SELECT "dashboard_month"(n."date"), a."segment", n."type", count(*)::int, sum(n."amountCents")::bigint
    FROM new_rows n JOIN "Account" a ON a."id" = n."accountId" GROUP BY 1, 2, 3
    ON CONFLICT ("month", "segment", "type") DO UPDATE SET "movements" = s."movements" + EXCLUDED."movements", "amountCents" = s."amountCents" + EXCLUDED."amountCents";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ArrMovementMonth" AS s ("month", "segment", "type", "movements", "amountCents")
    SELECT "dashboard_month"(o."date"), a."segment", o."type", -count(*)::int, -sum(o."amountCents")::bigint
    FROM old_rows o JOIN "Account" a ON a."id" = o."accountId" GROUP BY 1, 2, 3
    ON CONFLICT ("month", "segment", "type") DO UPDATE SET "movements" = s."movements" + EXCLUDED."movements", "amountCents" = s."amountCents" + EXCLUDED."amountCents";
  ELSE
    INSERT INTO "ArrMovementMonth" AS s ("month", "segment", "type", "movements", "amountCents")
    SELECT "dashboard_month"(x."date"), a."segment", x."type", sum(x.n)::int, sum(x.cents)::bigint
    FROM (SELECT o."accountId", o."date", o."type", -1 AS n, -o."amountCents" AS cents FROM old_rows o
          UNION ALL
          SELECT n."accountId", n."date", n."type", 1, n."amountCents" FROM new_rows n) x
    JOIN "Account" a ON a."id" = x."accountId" GROUP BY 1, 2, 3
    ON CONFLICT ("month", "segment", "type") DO UPDATE SET "movements" = s."movements" + EXCLUDED."movements", "amountCents" = s."amountCents" + EXCLUDED."amountCents";
  END IF;
  PERFORM "arr_movement_month_prune"();
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ArrMovement_month_insert" AFTER INSERT ON "ArrMovement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_arr_month"();
CREATE TRIGGER "ArrMovement_month_update" AFTER UPDATE ON "ArrMovement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_arr_month"();
CREATE TRIGGER "ArrMovement_month_delete" AFTER DELETE ON "ArrMovement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_arr_month"();

-- An account's movements move with its segment, and go with it (before the cascade deletes them; OLD keeps the delete).
CREATE FUNCTION "account_arr_month"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ArrMovement" m WHERE m."accountId" = OLD."id") THEN
    RETURN OLD;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  INSERT INTO "ArrMovementMonth" AS s ("month", "segment", "type", "movements", "amountCents")
  SELECT "dashboard_month"(m."date"), x.segment, m."type", sum(x.sign)::int, sum(x.sign * m."amountCents")::bigint
  FROM "ArrMovement" m
  CROSS JOIN LATERAL (VALUES (OLD."segment", -1), (CASE WHEN TG_OP = 'UPDATE' THEN NEW."segment" END, 1)) x(segment, sign)
  WHERE m."accountId" = OLD."id" AND x.segment IS NOT NULL
  GROUP BY 1, 2, 3
  ON CONFLICT ("month", "segment", "type") DO UPDATE SET "movements" = s."movements" + EXCLUDED."movements", "amountCents" = s."amountCents" + EXCLUDED."amountCents";
  PERFORM "arr_movement_month_prune"();
  RETURN OLD;
END;
$$;

CREATE TRIGGER "Account_arr_month_segment" AFTER UPDATE OF "segment" ON "Account" FOR EACH ROW
  WHEN (OLD."segment" IS DISTINCT FROM NEW."segment") EXECUTE FUNCTION "account_arr_month"();
CREATE TRIGGER "Account_arr_month_delete" BEFORE DELETE ON "Account" FOR EACH ROW
  EXECUTE FUNCTION "account_arr_month"();

-- ───────────────────── Time to first value, per month of initial close, segment and days ─────────────────────
-- An account's initial close is its initial signing, else its first closed-won new-business deal (ttfvAccountsSql in
-- lib/server/dashboard/get-time-to-first-value.ts); its days to first value are never below 0. Recomputed whole for
-- the months a write may have moved an account into or out of, under an advisory lock.
CREATE FUNCTION "ttfv_month_refresh"(months integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF months IS NOT NULL AND cardinality(months) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  IF months IS NULL THEN
    DELETE FROM "TtfvMonth";
  ELSE
    DELETE FROM "TtfvMonth" WHERE "month" = ANY (months);
  END IF;
  INSERT INTO "TtfvMonth" ("month", "segment", "days", "accounts")
  SELECT "dashboard_month"(t.closed_on), t."segment", coalesce(t.days, -1), count(*)::int
  FROM (
    SELECT a."segment", a."initialSignedAt" AS closed_on,
           CASE WHEN a."firstValueAt" IS NOT NULL THEN greatest(a."firstValueAt" - a."initialSignedAt", 0) END AS days
    -- Each month's range on the initialSignedAt index; one unbounded range when rebuilding.
    FROM (SELECT make_date(g.m / 12, g.m % 12 + 1, 1) AS lo, (make_date(g.m / 12, g.m % 12 + 1, 1) + interval '1 month')::date AS hi
          FROM unnest(months) g(m)
          UNION ALL SELECT '-infinity'::date, 'infinity'::date WHERE months IS NULL) r
    JOIN "Account" a ON a."initialSignedAt" >= r.lo AND a."initialSignedAt" < r.hi
    UNION ALL
    -- The accounts without a signing date (on the initialSignedAt index), each with its first won new-business deal.
    SELECT a."segment", c.closed_on, CASE WHEN a."firstValueAt" IS NOT NULL THEN greatest(a."firstValueAt" - c.closed_on, 0) END
    FROM "Account" a
    CROSS JOIN LATERAL (SELECT min(f."closeDate") AS closed_on FROM "Deal" f
                        WHERE f."accountId" = a."id" AND f."type" = 'NEW' AND f."stage" = 'CLOSED_WON') c
    WHERE a."initialSignedAt" IS NULL AND c.closed_on IS NOT NULL
      AND (months IS NULL OR "dashboard_month"(c.closed_on) = ANY (months))
  ) t
  GROUP BY 1, 2, 3;
END;
$$;

CREATE FUNCTION "account_ttfv_month"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  account_id TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END;
  months integer[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."initialSignedAt" IS NOT NULL THEN
    months := months || "dashboard_month"(OLD."initialSignedAt");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."initialSignedAt" IS NOT NULL THEN
    months := months || "dashboard_month"(NEW."initialSignedAt");
  END IF;
  -- Closed by its first won new-business deal before or after: any of those deals' months.
  IF (TG_OP <> 'INSERT' AND OLD."initialSignedAt" IS NULL) OR (TG_OP <> 'DELETE' AND NEW."initialSignedAt" IS NULL) THEN
    months := months || ARRAY(SELECT DISTINCT "dashboard_month"(d."closeDate") FROM "Deal" d
                              WHERE d."accountId" = account_id AND d."type" = 'NEW' AND d."stage" = 'CLOSED_WON');
  END IF;
  PERFORM "ttfv_month_refresh"(months);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_ttfv_month_insert" AFTER INSERT ON "Account" FOR EACH ROW
  WHEN (NEW."initialSignedAt" IS NOT NULL) EXECUTE FUNCTION "account_ttfv_month"();
CREATE TRIGGER "Account_ttfv_month_update" AFTER UPDATE OF "initialSignedAt", "firstValueAt", "segment" ON "Account" FOR EACH ROW
  WHEN ((OLD."initialSignedAt", OLD."firstValueAt", OLD."segment") IS DISTINCT FROM (NEW."initialSignedAt", NEW."firstValueAt", NEW."segment"))
  EXECUTE FUNCTION "account_ttfv_month"();
CREATE TRIGGER "Account_ttfv_month_delete" AFTER DELETE ON "Account" FOR EACH ROW
  WHEN (OLD."initialSignedAt" IS NOT NULL) EXECUTE FUNCTION "account_ttfv_month"();

-- A won new-business deal appearing, going or changing: the months of its old and new close, and of its account's
-- other won new-business deals (one of them may be the first close before or after).
CREATE FUNCTION "deal_ttfv_month"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed TEXT[];
  months integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."accountId"), array_agg(DISTINCT "dashboard_month"(n."closeDate")) INTO changed, months
    FROM new_rows n WHERE n."type" = 'NEW' AND n."stage" = 'CLOSED_WON';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."accountId"), array_agg(DISTINCT "dashboard_month"(o."closeDate")) INTO changed, months
    FROM old_rows o WHERE o."type" = 'NEW' AND o."stage" = 'CLOSED_WON';
  ELSE
    SELECT array_agg(DISTINCT x."accountId"), array_agg(DISTINCT "dashboard_month"(x."closeDate")) INTO changed, months
    FROM (SELECT o."accountId", o."closeDate", o."type", o."stage" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
          WHERE (o."type", o."stage", o."closeDate", o."accountId") IS DISTINCT FROM (n."type", n."stage", n."closeDate", n."accountId")
          UNION ALL
          SELECT n."accountId", n."closeDate", n."type", n."stage" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
          WHERE (o."type", o."stage", o."closeDate", o."accountId") IS DISTINCT FROM (n."type", n."stage", n."closeDate", n."accountId")) x
    WHERE x."type" = 'NEW' AND x."stage" = 'CLOSED_WON';
  END IF;
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  months := months || ARRAY(SELECT DISTINCT "dashboard_month"(d."closeDate") FROM "Deal" d
                            WHERE d."accountId" = ANY (changed) AND d."type" = 'NEW' AND d."stage" = 'CLOSED_WON');
  PERFORM "ttfv_month_refresh"(months);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Deal_ttfv_month_insert" AFTER INSERT ON "Deal" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_ttfv_month"();
CREATE TRIGGER "Deal_ttfv_month_update" AFTER UPDATE ON "Deal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_ttfv_month"();
CREATE TRIGGER "Deal_ttfv_month_delete" AFTER DELETE ON "Deal" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_ttfv_month"();

-- ───────────────────── Retention trend per book CSM ─────────────────────
-- Recomputed whole per CSM (a book is tens of accounts) from the accounts' series, the same month-over-month changes
-- as dashboard_apply_trend. The movement triggers below are named to fire after ArrMovement_dashboard_* (triggers of
-- one event fire in name order), so the series they read are already the new ones.
CREATE FUNCTION "csm_trend_refresh"(csm_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF csm_ids IS NOT NULL AND cardinality(csm_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  IF csm_ids IS NULL THEN
    DELETE FROM "RetentionTrendDeltaCsm";
  ELSE
    DELETE FROM "RetentionTrendDeltaCsm" WHERE "csmId" = ANY (csm_ids);
  END IF;
  INSERT INTO "RetentionTrendDeltaCsm" ("month", "csmId", "segment", "startCents", "retainedCents", "endCents", "cohortAccounts", "retainedAccounts")
  SELECT x.month, x.csm_id, x.segment, sum(x.d_start), sum(x.d_retained), sum(x.d_end), sum(x.d_cohort), sum(x.d_retained_n)
  FROM (
    SELECT a."bookCsmId" AS csm_id, s."segment", g.m AS month,
           cur.start_cents - prev.start_cents AS d_start,
           cur.retained_cents - prev.retained_cents AS d_retained,
           cur.end_cents - prev.end_cents AS d_end,
           cur.cohort - prev.cohort AS d_cohort,
           cur.retained - prev.retained AS d_retained_n
    FROM "Account" a
    JOIN "AccountArrSeries" s ON s."accountId" = a."id"
    CROSS JOIN LATERAL generate_series(s."firstMonth", s."firstMonth" + cardinality(s."monthEndCents") + 12) g(m)
    CROSS JOIN LATERAL "dashboard_window"(s."firstMonth", s."monthEndCents", g.m - 11, g.m) cur
    CROSS JOIN LATERAL "dashboard_window"(s."firstMonth", s."monthEndCents", g.m - 12, g.m - 1) prev
    -- The books on the bookCsmId index (every book CSM when rebuilding).
    WHERE a."bookCsmId" = ANY (coalesce(csm_ids, ARRAY(SELECT DISTINCT b."bookCsmId" FROM "Account" b WHERE b."bookCsmId" IS NOT NULL)))
  ) x
  WHERE x.d_start <> 0 OR x.d_retained <> 0 OR x.d_end <> 0 OR x.d_cohort <> 0 OR x.d_retained_n <> 0
  GROUP BY x.month, x.csm_id, x.segment
  HAVING sum(x.d_start) <> 0 OR sum(x.d_retained) <> 0 OR sum(x.d_end) <> 0 OR sum(x.d_cohort) <> 0 OR sum(x.d_retained_n) <> 0;
END;
$$;

CREATE FUNCTION "movements_csm_trend"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "csm_trend_refresh"(ARRAY(SELECT DISTINCT a."bookCsmId" FROM "Account" a
                                      WHERE a."id" IN (SELECT n."accountId" FROM new_rows n) AND a."bookCsmId" IS NOT NULL));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "csm_trend_refresh"(ARRAY(SELECT DISTINCT a."bookCsmId" FROM "Account" a
                                      WHERE a."id" IN (SELECT o."accountId" FROM old_rows o) AND a."bookCsmId" IS NOT NULL));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ArrMovement_zz_csm_trend_insert" AFTER INSERT ON "ArrMovement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_csm_trend"();
CREATE TRIGGER "ArrMovement_zz_csm_trend_update" AFTER UPDATE ON "ArrMovement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_csm_trend"();
CREATE TRIGGER "ArrMovement_zz_csm_trend_delete" AFTER DELETE ON "ArrMovement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_csm_trend"();

-- The book CSM is set by a BEFORE trigger (book_csm migration), so no column list: WHEN compares the final rows. The
-- segment's series refresh (Account_dashboard_segment) fires first by name; a deleted account leaves its CSM's book.
CREATE FUNCTION "account_csm_trend"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "csm_trend_refresh"(ARRAY[OLD."bookCsmId"]);
  ELSE
    PERFORM "csm_trend_refresh"(ARRAY(SELECT DISTINCT c FROM unnest(ARRAY[OLD."bookCsmId", NEW."bookCsmId"]) c WHERE c IS NOT NULL));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_zz_csm_trend_update" AFTER UPDATE ON "Account" FOR EACH ROW
  WHEN ((NEW."bookCsmId" IS NOT NULL OR OLD."bookCsmId" IS NOT NULL)
        AND ((OLD."bookCsmId" IS DISTINCT FROM NEW."bookCsmId") OR (OLD."segment" IS DISTINCT FROM NEW."segment")))
  EXECUTE FUNCTION "account_csm_trend"();
CREATE TRIGGER "Account_zz_csm_trend_delete" AFTER DELETE ON "Account" FOR EACH ROW
  WHEN (OLD."bookCsmId" IS NOT NULL) EXECUTE FUNCTION "account_csm_trend"();

-- ───────────────────── Emptied tables, and the whole rebuild ─────────────────────
-- DELETE, not TRUNCATE: the summaries are often in the same TRUNCATE statement (tests, the demo seed).
CREATE FUNCTION "measure_summaries_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('Account', 'Deal', 'RenewalOpportunity') THEN
    DELETE FROM "RenewalDueDay";
  END IF;
  IF TG_TABLE_NAME IN ('Account', 'Handoff') THEN
    DELETE FROM "HandoffHour";
  END IF;
  IF TG_TABLE_NAME IN ('Account', 'Deal') THEN
    DELETE FROM "ExpansionPipelineStage";
  END IF;
  IF TG_TABLE_NAME IN ('Account', 'Deal') THEN
    DELETE FROM "TtfvMonth";
  END IF;
  IF TG_TABLE_NAME IN ('Account', 'ArrMovement') THEN
    DELETE FROM "ArrMovementMonth";
    DELETE FROM "RetentionTrendDeltaCsm";
  END IF;
  IF TG_TABLE_NAME = 'Account' THEN
    DELETE FROM "CsmSegmentLoad";
    DELETE FROM "ExpansionPotentialSegment";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_measure_summaries_truncate" AFTER TRUNCATE ON "Account" FOR EACH STATEMENT EXECUTE FUNCTION "measure_summaries_truncated"();
CREATE TRIGGER "Deal_measure_summaries_truncate" AFTER TRUNCATE ON "Deal" FOR EACH STATEMENT EXECUTE FUNCTION "measure_summaries_truncated"();
CREATE TRIGGER "RenewalOpportunity_measure_summaries_truncate" AFTER TRUNCATE ON "RenewalOpportunity" FOR EACH STATEMENT EXECUTE FUNCTION "measure_summaries_truncated"();
CREATE TRIGGER "ArrMovement_measure_summaries_truncate" AFTER TRUNCATE ON "ArrMovement" FOR EACH STATEMENT EXECUTE FUNCTION "measure_summaries_truncated"();
CREATE TRIGGER "Handoff_measure_summaries_truncate" AFTER TRUNCATE ON "Handoff" FOR EACH STATEMENT EXECUTE FUNCTION "measure_summaries_truncated"();

-- Recomputes every one from the rows: after a bulk load written with triggers off (the benchmark generator), and here.
CREATE FUNCTION "dashboard_measure_summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "renewal_due_refresh"(NULL);
  PERFORM "handoff_hour_refresh"(NULL);
  PERFORM "ttfv_month_refresh"(NULL);
  PERFORM "csm_trend_refresh"(NULL);
  DELETE FROM "ExpansionPipelineStage";
  INSERT INTO "ExpansionPipelineStage" ("segment", "stage", "deals", "amountCents")
    SELECT a."segment", d."stage", count(*)::int, sum(d."amountCents")::bigint
    FROM "Deal" d JOIN "Account" a ON a."id" = d."accountId" WHERE "expansion_pipeline_open"(d."type", d."stage") GROUP BY 1, 2;
  DELETE FROM "CsmSegmentLoad";
  INSERT INTO "CsmSegmentLoad" ("csmId", "segment", "accounts", "arrCents")
    SELECT "csmId", "segment", count(*)::int, sum("arrCents")::bigint FROM "Account" WHERE "csmId" IS NOT NULL GROUP BY 1, 2;
  DELETE FROM "ArrMovementMonth";
  INSERT INTO "ArrMovementMonth" ("month", "segment", "type", "movements", "amountCents")
    SELECT "dashboard_month"(m."date"), a."segment", m."type", count(*)::int, sum(m."amountCents")::bigint
    FROM "ArrMovement" m JOIN "Account" a ON a."id" = m."accountId" GROUP BY 1, 2, 3;
  DELETE FROM "ExpansionPotentialSegment";
  INSERT INTO "ExpansionPotentialSegment" ("segment", "accounts", "potentialCents")
    SELECT "segment", count(*) FILTER (WHERE "expansionPotentialCents" > 0)::int, sum("expansionPotentialCents")::bigint
    FROM "Account" WHERE "arrCents" > 0 GROUP BY 1;
END;
$$;

SELECT "dashboard_measure_summaries_rebuild"();
