-- The leadership home's ARR and active customers (issue 15): a sum and count over every account with ARR, a scan of
-- the whole Account table on each visit (27 ms at 1×, growing with the accounts). Kept per segment like the expansion
-- potential beside it (account_summaries_per_statement migration: once per statement over its transition tables),
-- rebuilt with the other measure summaries and emptied with them when Account is truncated.

CREATE TABLE "CustomerSegment" (
    "segment" "Segment" NOT NULL,
    "customers" INTEGER NOT NULL,
    "arrCents" BIGINT NOT NULL,

    CONSTRAINT "CustomerSegment_pkey" PRIMARY KEY ("segment")
);

CREATE OR REPLACE FUNCTION "account_measures_add"(csm_ids TEXT[], segments "Segment"[], arr BIGINT[], potential BIGINT[], sign INTEGER)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "CsmSegmentLoad" AS l ("csmId", "segment", "accounts", "arrCents")
  SELECT u.csm_id, u.segment, sign * count(*)::int, sign * sum(u.arr)::bigint
  FROM unnest(csm_ids, segments, arr) AS u(csm_id, segment, arr)
  WHERE u.csm_id IS NOT NULL
  GROUP BY u.csm_id, u.segment ORDER BY u.csm_id, u.segment
  ON CONFLICT ("csmId", "segment") DO UPDATE SET "accounts" = l."accounts" + EXCLUDED."accounts", "arrCents" = l."arrCents" + EXCLUDED."arrCents";
  INSERT INTO "ExpansionPotentialSegment" AS p ("segment", "accounts", "potentialCents")
  SELECT u.segment, sign * (count(*) FILTER (WHERE u.potential > 0))::int, sign * sum(u.potential)::bigint
  FROM unnest(segments, arr, potential) AS u(segment, arr, potential)
  WHERE u.arr > 0
  GROUP BY u.segment ORDER BY u.segment
  ON CONFLICT ("segment") DO UPDATE SET "accounts" = p."accounts" + EXCLUDED."accounts", "potentialCents" = p."potentialCents" + EXCLUDED."potentialCents";
  INSERT INTO "CustomerSegment" AS c ("segment", "customers", "arrCents")
  SELECT u.segment, sign * count(*)::int, sign * sum(u.arr)::bigint
  FROM unnest(segments, arr) AS u(segment, arr)
  WHERE u.arr > 0
  GROUP BY u.segment ORDER BY u.segment
  ON CONFLICT ("segment") DO UPDATE SET "customers" = c."customers" + EXCLUDED."customers", "arrCents" = c."arrCents" + EXCLUDED."arrCents";
$$;

CREATE OR REPLACE FUNCTION "measure_summaries_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    DELETE FROM "CustomerSegment";
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "dashboard_measure_summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "renewal_due_refresh"(NULL);
  PERFORM "handoff_hour_refresh"(NULL);
  PERFORM "ttfv_month_refresh"(NULL);
  PERFORM "csm_trend_refresh"(NULL);
  PERFORM "expansion_credit_refresh"(NULL);
  PERFORM "arr_loss_refresh"(NULL);
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
  DELETE FROM "CustomerSegment";
  INSERT INTO "CustomerSegment" ("segment", "customers", "arrCents")
    SELECT "segment", count(*)::int, sum("arrCents")::bigint FROM "Account" WHERE "arrCents" > 0 GROUP BY 1;
  DELETE FROM "ExpansionPotentialSegment";
  INSERT INTO "ExpansionPotentialSegment" ("segment", "accounts", "potentialCents")
    SELECT "segment", count(*) FILTER (WHERE "expansionPotentialCents" > 0)::int, sum("expansionPotentialCents")::bigint
    FROM "Account" WHERE "arrCents" > 0 GROUP BY 1;
END;
$$;

INSERT INTO "CustomerSegment" ("segment", "customers", "arrCents")
  SELECT "segment", count(*)::int, sum("arrCents")::bigint FROM "Account" WHERE "arrCents" > 0 GROUP BY 1;
