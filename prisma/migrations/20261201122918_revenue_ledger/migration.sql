-- AlterTable
ALTER TABLE "ArrMovement" ADD COLUMN     "addressable" BOOLEAN,
ADD COLUMN     "contractDealId" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "reasonNote" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "RenewalOpportunity" ADD COLUMN     "lossAddressable" BOOLEAN,
ADD COLUMN     "lossNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lossReason" TEXT,
ADD COLUMN     "renewedByDealId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ArrMovement_contractDealId_key" ON "ArrMovement"("contractDealId");

-- CreateIndex
CREATE UNIQUE INDEX "ArrMovement_renewalOpportunityId_type_key" ON "ArrMovement"("renewalOpportunityId", "type");

-- CreateIndex
CREATE INDEX "RenewalOpportunity_renewedByDealId_idx" ON "RenewalOpportunity"("renewedByDealId");

-- AddForeignKey
ALTER TABLE "RenewalOpportunity" ADD CONSTRAINT "RenewalOpportunity_renewedByDealId_fkey" FOREIGN KEY ("renewedByDealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrMovement" ADD CONSTRAINT "ArrMovement_contractDealId_fkey" FOREIGN KEY ("contractDealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A deal's contract movement is one of its own movements, of its own kind.
ALTER TABLE "ArrMovement" ADD CONSTRAINT "ArrMovement_contract_is_own_movement"
  CHECK ("contractDealId" IS NULL OR ("contractDealId" = "sourceDealId" AND "type" IN ('NEW', 'EXPANSION') AND "renewalOpportunityId" IS NULL));

-- Movements already written for a won new-business or expansion deal (the demo's history) are that deal's
-- contract movement: the first one of the deal's own kind.
UPDATE "ArrMovement" m SET "contractDealId" = m."sourceDealId"
FROM (
  SELECT DISTINCT ON (m2."sourceDealId") m2.id
  FROM "ArrMovement" m2 JOIN "Deal" d ON d.id = m2."sourceDealId"
  WHERE m2."renewalOpportunityId" IS NULL AND m2.type::text = d.type::text AND d.type IN ('NEW', 'EXPANSION')
  ORDER BY m2."sourceDealId", m2.date, m2.id
) first_of_deal
WHERE m.id = first_of_deal.id;

-- Renewals closed won before this migration: the renewal deal that carries their next term starts on their
-- renewal date.
UPDATE "RenewalOpportunity" r SET "renewedByDealId" = d.id
FROM "Deal" d
WHERE r.stage = 'CLOSED_WON' AND r."renewedByDealId" IS NULL AND d."accountId" = r."accountId" AND d.type = 'RENEWAL'
  AND d.stage = 'CLOSED_WON' AND d."contractStart" = r."renewalDate";

-- ───────────────────── the revenue ledger's invariants, kept by the database ─────────────────────
-- What a movement does to ARR: NEW and EXPANSION add, CONTRACTION and CHURN subtract, RENEWAL records a renewal.
CREATE FUNCTION "ledger_signed"(t "ArrMovementType", amount bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN t IN ('NEW', 'EXPANSION') THEN amount WHEN t IN ('CONTRACTION', 'CHURN') THEN -amount ELSE 0 END
$$;

-- The day ARR is "as of": today in the company's time zone (rule settings). A transaction may pin it with
-- SET LOCAL baton.today = 'YYYY-MM-DD', so the app's clock and the database's agree.
CREATE FUNCTION "ledger_today"() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    nullif(current_setting('baton.today', true), '')::date,
    (now() AT TIME ZONE coalesce((SELECT s.value->>'timezone' FROM "Setting" s WHERE s.key = 'calendar'), 'America/New_York'))::date)
$$;

-- No account's ARR is below zero at the end of any day, and a day with a churn ends at exactly zero. Raised as
-- SQLSTATE BT001 with the account, the day and the balance in DETAIL (JSON), which the app turns into a message.
CREATE FUNCTION "ledger_check_accounts"(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  SELECT b."accountId", b.date, b.balance, b.has_churn INTO bad
  FROM (
    SELECT d."accountId", d.date, d.has_churn, sum(d.delta) OVER (PARTITION BY d."accountId" ORDER BY d.date) AS balance
    FROM (
      SELECT m."accountId", m.date, sum("ledger_signed"(m.type, m."amountCents")) AS delta, bool_or(m.type = 'CHURN') AS has_churn
      FROM "ArrMovement" m
      WHERE m."accountId" = ANY (ids)
      GROUP BY m."accountId", m.date
    ) d
  ) b
  WHERE b.balance < 0 OR (b.has_churn AND b.balance <> 0)
  ORDER BY b.date, b."accountId"
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING
      ERRCODE = 'BT001',
      MESSAGE = CASE WHEN bad.balance < 0
        THEN format('ARR of account %s would be below zero (%s cents) on %s', bad."accountId", bad.balance, bad.date)
        ELSE format('a churn on %s must leave account %s at zero ARR, not %s cents', bad.date, bad."accountId", bad.balance) END,
      DETAIL = json_build_object('accountId', bad."accountId", 'date', bad.date, 'balanceCents', bad.balance::text,
                                 'rule', CASE WHEN bad.balance < 0 THEN 'negative' ELSE 'churn' END)::text;
  END IF;
END;
$$;

-- Account."arrCents" is the ARR as of today: the movements dated today or earlier. Later ones are contracted.
CREATE FUNCTION "ledger_refresh_arr"(ids text[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changed integer;
BEGIN
  UPDATE "Account" a SET "arrCents" = v.arr
  FROM (
    SELECT i.id, coalesce((SELECT sum("ledger_signed"(m.type, m."amountCents")) FROM "ArrMovement" m
                           WHERE m."accountId" = i.id AND m.date <= "ledger_today"()), 0)::bigint AS arr
    FROM unnest(ids) AS i(id)
  ) v
  WHERE a.id = v.id AND a."arrCents" IS DISTINCT FROM v.arr;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END;
$$;

-- Movements dated since `since` that have come due: their accounts' ARR as of today. The worker runs it daily.
CREATE FUNCTION "ledger_roll_forward"(since date) RETURNS integer LANGUAGE sql AS $$
  SELECT "ledger_refresh_arr"(ARRAY(SELECT DISTINCT m."accountId" FROM "ArrMovement" m WHERE m.date > since AND m.date <= "ledger_today"()))
$$;

CREATE FUNCTION "ledger_movements_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT "accountId" FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT "accountId" FROM old_rows);
  ELSE
    ids := ARRAY(SELECT "accountId" FROM old_rows UNION SELECT "accountId" FROM new_rows);
  END IF;
  -- The summaries' lock: one writer of an account's movements at a time, so each sees the others' committed rows.
  PERFORM pg_advisory_xact_lock(20261121);
  PERFORM "ledger_check_accounts"(ids);
  PERFORM "ledger_refresh_arr"(ids);
  RETURN NULL;
END;
$$;

-- Named after the dashboard's triggers so they run after them (same event: alphabetical order).
CREATE TRIGGER "ArrMovement_ledger_insert" AFTER INSERT ON "ArrMovement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ledger_movements_changed"();
CREATE TRIGGER "ArrMovement_ledger_update" AFTER UPDATE ON "ArrMovement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ledger_movements_changed"();
CREATE TRIGGER "ArrMovement_ledger_delete" AFTER DELETE ON "ArrMovement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ledger_movements_changed"();

-- ARR as of today for every account (future-dated movements used to count at once).
SELECT "ledger_refresh_arr"(ARRAY(SELECT id FROM "Account"));

-- ───────────────────── retention of a period that ends today ("to date") ─────────────────────
-- dashboard_window for a window whose last month is still running: `end_adjust` (the movements dated after today in
-- that month) is taken back from the month-end value, so the end is the ARR of today, not of the month's end.
CREATE FUNCTION "dashboard_window_to"(first_month integer, month_end_cents bigint[], first_m integer, last_m integer, end_adjust bigint)
RETURNS TABLE (start_cents bigint, retained_cents bigint, end_cents bigint, cohort integer, retained integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s > 0 THEN s ELSE 0 END,
         CASE WHEN s > 0 THEN least(s, e) ELSE 0 END,
         CASE WHEN s > 0 THEN e ELSE 0 END,
         (s > 0)::integer,
         (s > 0 AND e > 0)::integer
  FROM (SELECT "dashboard_arr_at"(first_month, month_end_cents, first_m - 1) AS s,
               greatest("dashboard_arr_at"(first_month, month_end_cents, last_m) - coalesce(end_adjust, 0), 0) AS e) v
$$;
