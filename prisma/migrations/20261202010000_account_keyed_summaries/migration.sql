-- Summaries for two dashboard measures that count distinct accounts over a period of months (issue 15): the AE
-- expansion credit (accounts, movements and expansion ARR per AE) and the ARR bridge's losses by reason (ARR and
-- accounts per type, reason and addressable). At 10× data (500k accounts, 10M movements) both read every account or
-- movement of the period; these give them a number of summary rows set by the calendar, the AEs and the reasons.
--
-- A distinct count cannot be added up month by month: an account with expansions in March and May is one account in
-- a March–May period. So each summary row also carries prevMonth, the account's previous month with the same kind
-- of movement (-1: none), and counts an account once per month in `accounts`. For a period of months [a, b],
--   distinct accounts = Σ accounts over the rows with month in [a, b] and prevMonth < a,
-- because exactly one of an account's months in [a, b] has its previous month before a: the first one.
--
-- The credit has one more condition, the window: a movement earns credit when dated from the account's initial
-- signing to the day before windowMonths (a setting, 1–120) later. windowMonth is the movement's month of the
-- window: the least n with date < signing + n months (1 in the first month, windowMonths in the last), so
-- "inside the window" is windowMonth ≤ windowMonths for every setting, with no rebuild when the setting changes.
-- windowMonth never falls from one movement of an account to a later one, so an account's months in the window are
-- a prefix of its months: the first of them in [a, b] is still the one whose previous month is before a. In a month
-- where the window ends, an account has rows of two window months; `accounts` is 1 on the lower one.
--
-- Kept through a per-account table of each account's rows (ExpansionCreditAccount, ArrLossAccount): a write that
-- touches accounts takes their old rows out of the summary and puts their recomputed rows in, under the advisory
-- lock of the other dashboard summaries (dashboard_measure_summaries migration), so two writers of one account
-- serialise and the second recomputes from what the first committed. Recomputing an account reads its own movements
-- (the accountId index) and, for an account without a signing date, its won new-business deals.

CREATE TABLE "ExpansionCreditAccount" (
    "accountId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "windowMonth" INTEGER NOT NULL,
    "aeId" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "prevMonth" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    "movements" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "ExpansionCreditAccount_pkey" PRIMARY KEY ("accountId","month","windowMonth")
);

CREATE TABLE "ExpansionCreditMonth" (
    "month" INTEGER NOT NULL,
    "windowMonth" INTEGER NOT NULL,
    "aeId" TEXT NOT NULL,
    "segment" "Segment" NOT NULL,
    "prevMonth" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    "movements" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "ExpansionCreditMonth_pkey" PRIMARY KEY ("month","windowMonth","aeId","segment","prevMonth")
);

CREATE INDEX "ExpansionCreditMonth_aeId_month_idx" ON "ExpansionCreditMonth"("aeId", "month");

-- reason '' = none recorded (the app stores a code from the settings' list or NULL, never ''); addressable 1 yes,
-- 0 no, -1 not recorded: key columns cannot be NULL.
CREATE TABLE "ArrLossAccount" (
    "accountId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "type" "ArrMovementType" NOT NULL,
    "reason" TEXT NOT NULL,
    "addressable" INTEGER NOT NULL,
    "segment" "Segment" NOT NULL,
    "prevMonth" INTEGER NOT NULL,
    "movements" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "ArrLossAccount_pkey" PRIMARY KEY ("accountId","month","type","reason","addressable")
);

CREATE TABLE "ArrLossMonth" (
    "month" INTEGER NOT NULL,
    "segment" "Segment" NOT NULL,
    "type" "ArrMovementType" NOT NULL,
    "reason" TEXT NOT NULL,
    "addressable" INTEGER NOT NULL,
    "prevMonth" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    "movements" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "ArrLossMonth_pkey" PRIMARY KEY ("month","segment","type","reason","addressable","prevMonth")
);

-- ───────────────────── AE expansion credit ─────────────────────
-- The least n ≥ 0 with day < signed + n months: signed + n months falls in day's month for n = the months between
-- them, so it is that n or the next one. 0: before the signing.
CREATE FUNCTION "credit_window_month"(signed date, day date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN day < signed THEN 0
              ELSE n + (day >= (signed + make_interval(months => n))::date)::int END
  FROM (SELECT "dashboard_month"(day) - "dashboard_month"(signed) AS n) x
$$;

-- The rows of these accounts (the measure's rules, lib/server/dashboard/get-expansion-credit.ts): an account with an
-- AE who is still its original AE (Account.originalAeId, or none recorded), signed on its initial signing or else
-- its first won new-business deal; its expansions from the signing on, per month and window month.
CREATE FUNCTION "expansion_credit_account_rows"(account_ids text[])
RETURNS TABLE ("accountId" text, "month" integer, "windowMonth" integer, "aeId" text, "segment" "Segment", "prevMonth" integer,
               "accounts" integer, "movements" integer, "amountCents" bigint)
LANGUAGE sql STABLE AS $$
  WITH g AS (
    SELECT a."id" AS account_id, a."aeId" AS ae_id, a."segment", "dashboard_month"(m."date") AS month,
           "credit_window_month"(s.signed_on, m."date") AS window_month, count(*)::int AS movements, sum(m."amountCents")::bigint AS cents
    FROM "Account" a
    CROSS JOIN LATERAL (SELECT coalesce(a."initialSignedAt",
                                        (SELECT min(f."closeDate") FROM "Deal" f
                                         WHERE f."accountId" = a."id" AND f."type" = 'NEW' AND f."stage" = 'CLOSED_WON')) AS signed_on) s
    JOIN "ArrMovement" m ON m."accountId" = a."id" AND m."type" = 'EXPANSION' AND m."date" >= s.signed_on
    WHERE a."id" = ANY (account_ids) AND a."aeId" IS NOT NULL AND a."aeId" = coalesce(a."originalAeId", a."aeId")
    GROUP BY 1, 2, 3, 4, 5
  ), months AS (
    SELECT account_id, month, min(window_month) AS first_window_month,
           coalesce(lag(month) OVER (PARTITION BY account_id ORDER BY month), -1) AS prev_month
    FROM g GROUP BY account_id, month
  )
  SELECT g.account_id, g.month, g.window_month, g.ae_id, g."segment", x.prev_month,
         (g.window_month = x.first_window_month)::int, g.movements, g.cents
  FROM g JOIN months x ON x.account_id = g.account_id AND x.month = g.month
$$;

-- These accounts' rows recomputed (every account's when NULL), and ExpansionCreditMonth moved by the difference: an
-- account's rows that did not change add nothing, so a write touches only the summary rows it changes.
CREATE FUNCTION "expansion_credit_refresh"(account_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  old_rows "ExpansionCreditAccount"[];
BEGIN
  IF account_ids IS NOT NULL AND cardinality(account_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  IF account_ids IS NULL THEN
    DELETE FROM "ExpansionCreditAccount";
    DELETE FROM "ExpansionCreditMonth";
    INSERT INTO "ExpansionCreditAccount"
      SELECT * FROM "expansion_credit_account_rows"(ARRAY(SELECT "id" FROM "Account" WHERE "aeId" IS NOT NULL));
    INSERT INTO "ExpansionCreditMonth" ("month", "windowMonth", "aeId", "segment", "prevMonth", "accounts", "movements", "amountCents")
      SELECT "month", "windowMonth", "aeId", "segment", "prevMonth", sum("accounts")::int, sum("movements")::int, sum("amountCents")::bigint
      FROM "ExpansionCreditAccount" GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2;
    RETURN;
  END IF;
  WITH gone AS (DELETE FROM "ExpansionCreditAccount" WHERE "accountId" = ANY (account_ids) RETURNING *)
  SELECT array_agg(gone) INTO old_rows FROM gone;
  WITH fresh AS (
    INSERT INTO "ExpansionCreditAccount" SELECT * FROM "expansion_credit_account_rows"(account_ids) RETURNING *
  )
  INSERT INTO "ExpansionCreditMonth" AS s ("month", "windowMonth", "aeId", "segment", "prevMonth", "accounts", "movements", "amountCents")
  SELECT x."month", x."windowMonth", x."aeId", x."segment", x."prevMonth", sum(x."accounts")::int, sum(x."movements")::int, sum(x."amountCents")::bigint
  FROM (SELECT f."month", f."windowMonth", f."aeId", f."segment", f."prevMonth", f."accounts", f."movements", f."amountCents" FROM fresh f
        UNION ALL
        SELECT o."month", o."windowMonth", o."aeId", o."segment", o."prevMonth", -o."accounts", -o."movements", -o."amountCents"
        FROM unnest(old_rows) o) x
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x."accounts") <> 0 OR sum(x."movements") <> 0 OR sum(x."amountCents") <> 0
  ON CONFLICT ("month", "windowMonth", "aeId", "segment", "prevMonth") DO UPDATE
    SET "accounts" = s."accounts" + EXCLUDED."accounts", "movements" = s."movements" + EXCLUDED."movements",
        "amountCents" = s."amountCents" + EXCLUDED."amountCents";
  -- Every account row has a movement: a summary row left with none had all its accounts' rows taken out.
  IF old_rows IS NOT NULL THEN
    DELETE FROM "ExpansionCreditMonth" s
    WHERE s."aeId" = ANY (ARRAY(SELECT DISTINCT o."aeId" FROM unnest(old_rows) o))
      AND s."month" = ANY (ARRAY(SELECT DISTINCT o."month" FROM unnest(old_rows) o))
      AND s."movements" = 0;
  END IF;
END;
$$;

-- ───────────────────── ARR bridge: losses by reason ─────────────────────
-- The rows of these accounts: their churn and contraction movements per month, type, reason and addressable, and
-- the account's previous month with the same type, reason and addressable.
CREATE FUNCTION "arr_loss_account_rows"(account_ids text[])
RETURNS TABLE ("accountId" text, "month" integer, "type" "ArrMovementType", "reason" text, "addressable" integer, "segment" "Segment",
               "prevMonth" integer, "movements" integer, "amountCents" bigint)
LANGUAGE sql STABLE AS $$
  SELECT g.account_id, g.month, g."type", g.reason, g.addressable, a."segment",
         coalesce(lag(g.month) OVER (PARTITION BY g.account_id, g."type", g.reason, g.addressable ORDER BY g.month), -1),
         g.movements, g.cents
  FROM (SELECT m."accountId" AS account_id, "dashboard_month"(m."date") AS month, m."type", coalesce(m."reason", '') AS reason,
               CASE m."addressable" WHEN TRUE THEN 1 WHEN FALSE THEN 0 ELSE -1 END AS addressable,
               count(*)::int AS movements, sum(m."amountCents")::bigint AS cents
        FROM "ArrMovement" m
        WHERE m."accountId" = ANY (account_ids) AND m."type" IN ('CHURN', 'CONTRACTION')
        GROUP BY 1, 2, 3, 4, 5) g
  JOIN "Account" a ON a."id" = g.account_id
$$;

-- As expansion_credit_refresh: these accounts' rows recomputed, ArrLossMonth moved by the difference.
CREATE FUNCTION "arr_loss_refresh"(account_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  old_rows "ArrLossAccount"[];
BEGIN
  IF account_ids IS NOT NULL AND cardinality(account_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  IF account_ids IS NULL THEN
    DELETE FROM "ArrLossAccount";
    DELETE FROM "ArrLossMonth";
    INSERT INTO "ArrLossAccount"
      SELECT * FROM "arr_loss_account_rows"(ARRAY(SELECT DISTINCT m."accountId" FROM "ArrMovement" m WHERE m."type" IN ('CHURN', 'CONTRACTION')));
    INSERT INTO "ArrLossMonth" ("month", "segment", "type", "reason", "addressable", "prevMonth", "accounts", "movements", "amountCents")
      SELECT "month", "segment", "type", "reason", "addressable", "prevMonth", count(*)::int, sum("movements")::int, sum("amountCents")::bigint
      FROM "ArrLossAccount" GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1;
    RETURN;
  END IF;
  WITH gone AS (DELETE FROM "ArrLossAccount" WHERE "accountId" = ANY (account_ids) RETURNING *)
  SELECT array_agg(gone) INTO old_rows FROM gone;
  WITH fresh AS (
    INSERT INTO "ArrLossAccount" SELECT * FROM "arr_loss_account_rows"(account_ids) RETURNING *
  )
  INSERT INTO "ArrLossMonth" AS s ("month", "segment", "type", "reason", "addressable", "prevMonth", "accounts", "movements", "amountCents")
  SELECT x."month", x."segment", x."type", x."reason", x."addressable", x."prevMonth", sum(x.n)::int, sum(x."movements")::int, sum(x."amountCents")::bigint
  FROM (SELECT f."month", f."segment", f."type", f."reason", f."addressable", f."prevMonth", 1 AS n, f."movements", f."amountCents" FROM fresh f
        UNION ALL
        SELECT o."month", o."segment", o."type", o."reason", o."addressable", o."prevMonth", -1, -o."movements", -o."amountCents"
        FROM unnest(old_rows) o) x
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(x.n) <> 0 OR sum(x."movements") <> 0 OR sum(x."amountCents") <> 0
  ON CONFLICT ("month", "segment", "type", "reason", "addressable", "prevMonth") DO UPDATE
    SET "accounts" = s."accounts" + EXCLUDED."accounts", "movements" = s."movements" + EXCLUDED."movements",
        "amountCents" = s."amountCents" + EXCLUDED."amountCents";
  IF old_rows IS NOT NULL THEN
    DELETE FROM "ArrLossMonth" s
    WHERE s."month" = ANY (ARRAY(SELECT DISTINCT o."month" FROM unnest(old_rows) o)) AND s."accounts" = 0;
  END IF;
END;
$$;

-- ───────────────────── What moves them ─────────────────────
-- Movements: the accounts of those whose type, date, amount, account or (losses) reason changed.
-- First of the movements' statement triggers (by name), it also takes the written accounts' rows before any of them
-- takes the summaries' advisory lock. The ledger's ARR refresh (ArrMovement_ledger_*) updates those rows under the
-- lock, while an update of an account holds its row and its triggers then wait for the lock: without this, a
-- movement written while its account changes could deadlock. Rows in id order, so two writers cannot cross.
CREATE FUNCTION "movements_account_summaries"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  credit text[];
  loss text[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM 1 FROM "Account" a WHERE a."id" IN (SELECT n."accountId" FROM new_rows n) ORDER BY a."id" FOR NO KEY UPDATE;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM 1 FROM "Account" a WHERE a."id" IN (SELECT o."accountId" FROM old_rows o) ORDER BY a."id" FOR NO KEY UPDATE;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."accountId") FILTER (WHERE n."type" = 'EXPANSION'),
           array_agg(DISTINCT n."accountId") FILTER (WHERE n."type" IN ('CHURN', 'CONTRACTION'))
    INTO credit, loss FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."accountId") FILTER (WHERE o."type" = 'EXPANSION'),
           array_agg(DISTINCT o."accountId") FILTER (WHERE o."type" IN ('CHURN', 'CONTRACTION'))
    INTO credit, loss FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT v.account_id) FILTER (
             WHERE v."type" = 'EXPANSION'
               AND (o."type", o."date", o."amountCents", o."accountId") IS DISTINCT FROM (n."type", n."date", n."amountCents", n."accountId")),
           array_agg(DISTINCT v.account_id) FILTER (
             WHERE v."type" IN ('CHURN', 'CONTRACTION')
               AND (o."type", o."date", o."amountCents", o."accountId", o."reason", o."addressable")
                   IS DISTINCT FROM (n."type", n."date", n."amountCents", n."accountId", n."reason", n."addressable"))
    INTO credit, loss
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    CROSS JOIN LATERAL (VALUES (o."accountId", o."type"), (n."accountId", n."type")) v(account_id, "type");
  END IF;
  PERFORM "expansion_credit_refresh"(coalesce(credit, '{}'));
  PERFORM "arr_loss_refresh"(coalesce(loss, '{}'));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ArrMovement_account_summaries_insert" AFTER INSERT ON "ArrMovement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_account_summaries"();
CREATE TRIGGER "ArrMovement_account_summaries_update" AFTER UPDATE ON "ArrMovement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_account_summaries"();
CREATE TRIGGER "ArrMovement_account_summaries_delete" AFTER DELETE ON "ArrMovement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "movements_account_summaries"();

-- Accounts: the AE, the original AE (set by its own trigger, so compared after it), the signing and the segment; a
-- deleted account's rows go (its movements' cascade then finds none).
CREATE FUNCTION "account_account_summaries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "expansion_credit_refresh"(ARRAY[OLD."id"]);
    PERFORM "arr_loss_refresh"(ARRAY[OLD."id"]);
  ELSE
    PERFORM "expansion_credit_refresh"(ARRAY[NEW."id"]);
    IF OLD."segment" IS DISTINCT FROM NEW."segment" THEN
      PERFORM "arr_loss_refresh"(ARRAY[NEW."id"]);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_account_summaries_update" AFTER UPDATE ON "Account" FOR EACH ROW
  WHEN ((OLD."aeId", OLD."originalAeId", OLD."initialSignedAt", OLD."segment") IS DISTINCT FROM (NEW."aeId", NEW."originalAeId", NEW."initialSignedAt", NEW."segment"))
  EXECUTE FUNCTION "account_account_summaries"();
CREATE TRIGGER "Account_account_summaries_delete" AFTER DELETE ON "Account" FOR EACH ROW
  EXECUTE FUNCTION "account_account_summaries"();

-- Deals: a won new-business deal is the signing of an account without an initial signing date (the original AE's
-- changes reach the account's own trigger).
CREATE FUNCTION "deal_account_summaries"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."accountId") INTO changed FROM new_rows n WHERE n."type" = 'NEW' AND n."stage" = 'CLOSED_WON';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."accountId") INTO changed FROM old_rows o WHERE o."type" = 'NEW' AND o."stage" = 'CLOSED_WON';
  ELSE
    SELECT array_agg(DISTINCT v.account_id) INTO changed
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    CROSS JOIN LATERAL (VALUES (o."accountId", o."type", o."stage"), (n."accountId", n."type", n."stage")) v(account_id, "type", stage)
    WHERE (o."type", o."stage", o."closeDate", o."accountId") IS DISTINCT FROM (n."type", n."stage", n."closeDate", n."accountId")
      AND v."type" = 'NEW' AND v.stage = 'CLOSED_WON';
  END IF;
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM "expansion_credit_refresh"(ARRAY(SELECT a."id" FROM "Account" a WHERE a."id" = ANY (changed) AND a."initialSignedAt" IS NULL));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Deal_account_summaries_insert" AFTER INSERT ON "Deal" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_account_summaries"();
CREATE TRIGGER "Deal_account_summaries_update" AFTER UPDATE ON "Deal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_account_summaries"();
CREATE TRIGGER "Deal_account_summaries_delete" AFTER DELETE ON "Deal" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_account_summaries"();

-- Emptied tables (DELETE, not TRUNCATE: see measure_summaries_truncated). Without the deals, accounts that had no
-- signing date lose their credit windows.
CREATE FUNCTION "account_summaries_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('Account', 'ArrMovement') THEN
    DELETE FROM "ExpansionCreditAccount";
    DELETE FROM "ExpansionCreditMonth";
    DELETE FROM "ArrLossAccount";
    DELETE FROM "ArrLossMonth";
  ELSE
    PERFORM "expansion_credit_refresh"(ARRAY(SELECT DISTINCT c."accountId" FROM "ExpansionCreditAccount" c
                                             LEFT JOIN "Account" a ON a."id" = c."accountId" WHERE a."initialSignedAt" IS NULL));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Account_account_summaries_truncate" AFTER TRUNCATE ON "Account" FOR EACH STATEMENT EXECUTE FUNCTION "account_summaries_truncated"();
CREATE TRIGGER "ArrMovement_account_summaries_truncate" AFTER TRUNCATE ON "ArrMovement" FOR EACH STATEMENT EXECUTE FUNCTION "account_summaries_truncated"();
CREATE TRIGGER "Deal_account_summaries_truncate" AFTER TRUNCATE ON "Deal" FOR EACH STATEMENT EXECUTE FUNCTION "account_summaries_truncated"();

-- ───────────────────── Two refreshes that read every account for one ─────────────────────
-- Measured on the 1× bench data (one movement inserted; one account's first value moved), each scanned all 50,000
-- accounts to refresh one, and would scan 500,000 at 10×:
-- • dashboard_refresh_accounts joined the series back to Account, and generate_series's default estimate (1,000 months
--   per account) made a hash join of the whole table the cheaper plan: 49 ms of an ArrMovement insert's 76. The join
--   now also names the accounts, so it reads them by id.
-- • ttfv_month_refresh read the accounts of a month as a range join against the month's bounds, estimated at a third
--   of the table, so it scanned all of them: 47 ms. It now looks the month's days up on the initialSignedAt index.
CREATE OR REPLACE FUNCTION "dashboard_refresh_accounts"(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
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
  JOIN "Account" a ON a."id" = d."accountId" AND a."id" = ANY (ids)
  GROUP BY d."accountId", a."segment", d.first_month;
  PERFORM "dashboard_apply_trend"(ids, 1);
  DELETE FROM "RetentionTrendDelta"
  WHERE "startCents" = 0 AND "retainedCents" = 0 AND "endCents" = 0 AND "cohortAccounts" = 0 AND "retainedAccounts" = 0;
END;
$$;

CREATE OR REPLACE FUNCTION "ttfv_month_refresh"(months integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  days date[];
BEGIN
  IF months IS NOT NULL AND cardinality(months) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(20261121);
  IF months IS NULL THEN
    DELETE FROM "TtfvMonth";
    days := ARRAY(SELECT DISTINCT a."initialSignedAt" FROM "Account" a WHERE a."initialSignedAt" IS NOT NULL);
  ELSE
    DELETE FROM "TtfvMonth" WHERE "month" = ANY (months);
    days := ARRAY(SELECT generate_series(make_date(g.m / 12, g.m % 12 + 1, 1), make_date(g.m / 12, g.m % 12 + 1, 1) + interval '1 month' - interval '1 day',
                                         interval '1 day')::date
                  FROM unnest(months) g(m));
  END IF;
  INSERT INTO "TtfvMonth" ("month", "segment", "days", "accounts")
  SELECT "dashboard_month"(t.closed_on), t."segment", coalesce(t.days, -1), count(*)::int
  FROM (
    SELECT a."segment", a."initialSignedAt" AS closed_on,
           CASE WHEN a."firstValueAt" IS NOT NULL THEN greatest(a."firstValueAt" - a."initialSignedAt", 0) END AS days
    FROM "Account" a
    WHERE a."initialSignedAt" = ANY (days)
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

-- ───────────────────── The whole rebuild ─────────────────────
-- dashboard_measure_summaries_rebuild (the benchmark generator's and the tests' entry point) with these two added.
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
  DELETE FROM "ExpansionPotentialSegment";
  INSERT INTO "ExpansionPotentialSegment" ("segment", "accounts", "potentialCents")
    SELECT "segment", count(*) FILTER (WHERE "expansionPotentialCents" > 0)::int, sum("expansionPotentialCents")::bigint
    FROM "Account" WHERE "arrCents" > 0 GROUP BY 1;
END;
$$;

SELECT "expansion_credit_refresh"(NULL);
SELECT "arr_loss_refresh"(NULL);
