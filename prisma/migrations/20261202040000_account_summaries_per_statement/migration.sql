-- The account writes of an import or a bulk update kept the CSM load, the expansion potential and the time-to-first-value
-- summaries row by row: each inserted account upserted one of three ExpansionPotentialSegment rows and re-aggregated
-- its signing month of TtfvMonth. Inside one statement every upsert walks the versions its own transaction left on
-- that row, so a 50,000-account insert took over 11 minutes instead of seconds (quadratic), and 500,000 never ended.
-- The same rules now run once per statement over its transition tables: deltas summed per key, months refreshed once.

DROP TRIGGER "Account_measure_summaries" ON "Account";
DROP FUNCTION "account_measure_summaries"();
DROP TRIGGER "Account_ttfv_month_insert" ON "Account";
DROP TRIGGER "Account_ttfv_month_update" ON "Account";
DROP TRIGGER "Account_ttfv_month_delete" ON "Account";
DROP FUNCTION "account_ttfv_month"();

-- Accounts entering (sign 1) or leaving (sign -1) a CSM's load and their segment's expansion potential, summed per key.
-- Keys in order, so two statements lock the summary rows in the same order.
CREATE FUNCTION "account_measures_add"(csm_ids TEXT[], segments "Segment"[], arr BIGINT[], potential BIGINT[], sign INTEGER)
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
$$;

CREATE FUNCTION "accounts_measure_summaries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "account_measures_add"(array_agg(n."csmId"), array_agg(n."segment"), array_agg(n."arrCents"), array_agg(n."expansionPotentialCents"), 1)
    FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "account_measures_add"(array_agg(o."csmId"), array_agg(o."segment"), array_agg(o."arrCents"), array_agg(o."expansionPotentialCents"), -1)
    FROM old_rows o;
  ELSE
    -- Only the accounts whose CSM, segment, ARR or potential changed: out with the old, in with the new.
    PERFORM "account_measures_add"(array_agg(o."csmId"), array_agg(o."segment"), array_agg(o."arrCents"), array_agg(o."expansionPotentialCents"), -1)
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE (o."csmId", o."segment", o."arrCents", o."expansionPotentialCents") IS DISTINCT FROM (n."csmId", n."segment", n."arrCents", n."expansionPotentialCents");
    PERFORM "account_measures_add"(array_agg(n."csmId"), array_agg(n."segment"), array_agg(n."arrCents"), array_agg(n."expansionPotentialCents"), 1)
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE (o."csmId", o."segment", o."arrCents", o."expansionPotentialCents") IS DISTINCT FROM (n."csmId", n."segment", n."arrCents", n."expansionPotentialCents");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_measure_summaries_insert" AFTER INSERT ON "Account" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts_measure_summaries"();
CREATE TRIGGER "Account_measure_summaries_update" AFTER UPDATE ON "Account" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts_measure_summaries"();
CREATE TRIGGER "Account_measure_summaries_delete" AFTER DELETE ON "Account" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts_measure_summaries"();

-- The months an account write may move accounts into or out of, refreshed once per statement: the signing months
-- before and after, and for an account without a signing date (before or after) its won new-business deals' months.
CREATE FUNCTION "accounts_ttfv_month"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  months integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    months := ARRAY(SELECT DISTINCT "dashboard_month"(n."initialSignedAt") FROM new_rows n WHERE n."initialSignedAt" IS NOT NULL);
  ELSIF TG_OP = 'DELETE' THEN
    -- An account without a signing date goes with its deals, whose own trigger refreshes their months.
    months := ARRAY(SELECT DISTINCT "dashboard_month"(o."initialSignedAt") FROM old_rows o WHERE o."initialSignedAt" IS NOT NULL);
  ELSE
    months := ARRAY(
      WITH changed AS (
        SELECT o."id", o."initialSignedAt" AS old_signed, n."initialSignedAt" AS new_signed
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE (o."initialSignedAt", o."firstValueAt", o."segment") IS DISTINCT FROM (n."initialSignedAt", n."firstValueAt", n."segment")
      )
      SELECT "dashboard_month"(c.old_signed) FROM changed c WHERE c.old_signed IS NOT NULL
      UNION
      SELECT "dashboard_month"(c.new_signed) FROM changed c WHERE c.new_signed IS NOT NULL
      UNION
      SELECT "dashboard_month"(d."closeDate") FROM changed c
      JOIN "Deal" d ON d."accountId" = c."id" AND d."type" = 'NEW' AND d."stage" = 'CLOSED_WON'
      WHERE c.old_signed IS NULL OR c.new_signed IS NULL);
  END IF;
  PERFORM "ttfv_month_refresh"(months);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_ttfv_month_insert" AFTER INSERT ON "Account" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts_ttfv_month"();
CREATE TRIGGER "Account_ttfv_month_update" AFTER UPDATE ON "Account" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts_ttfv_month"();
CREATE TRIGGER "Account_ttfv_month_delete" AFTER DELETE ON "Account" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts_ttfv_month"();
