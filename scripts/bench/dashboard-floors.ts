// The floors of `npm run bench:dashboard`: for each measure, the cheapest correct SQL a DBA would write by hand for the
// same answer on this schema (or the summary read it should be), written here apart from lib/server/dashboard so a
// bad query shape in a measure shows as a ratio above 1. Each returns the same columns as the measure's own
// statement, and the benchmark checks that both give the same rows. Whole-month periods only (the default, the last
// 12 complete months): that is what the benchmark times.
import { Prisma } from "@/lib/generated/prisma/client";

export interface FloorPeriod {
  firstMonth: number;
  lastMonth: number;
  start: Date;
  end: Date;
}

export interface FloorCut {
  segment?: "ENTERPRISE" | "MID_MARKET" | "SCALE";
  /** A CSM's book. */
  csmId?: string;
  /** The books of the CSMs this manager manages. */
  teamOf?: string;
  aeId?: string;
}

const SUMS = Prisma.sql`coalesce(sum(w.start_cents), 0)::bigint AS start_arr, coalesce(sum(w.retained_cents), 0)::bigint AS retained_arr,
  coalesce(sum(w.end_cents), 0)::bigint AS end_arr, coalesce(sum(w.cohort), 0)::bigint AS cohort, coalesce(sum(w.retained), 0)::bigint AS retained`;

/** The accounts of a CSM's book or a team's books, by the stored and indexed book CSM. */
function bookAccounts(cut: FloorCut): Prisma.Sql {
  if (cut.csmId) return Prisma.sql`SELECT a."id" FROM "Account" a WHERE a."bookCsmId" = ${cut.csmId}`;
  if (cut.teamOf) {
    return Prisma.sql`SELECT a."id" FROM "User" t JOIN "Account" a ON a."bookCsmId" = t."id" WHERE t."managerId" = ${cut.teamOf} AND t."role" = 'CSM'`;
  }
  throw new Error("bookAccounts needs a CSM or a team");
}

/** GRR / NRR / logo: the 12-month trend point of the stored deltas for whole segments; a book's accounts' series otherwise. */
export function retentionFloor(cut: FloorCut, period: FloorPeriod): Prisma.Sql {
  if (!cut.csmId && !cut.teamOf) {
    return Prisma.sql`
      SELECT coalesce(sum("startCents"), 0)::bigint AS start_arr, coalesce(sum("retainedCents"), 0)::bigint AS retained_arr,
             coalesce(sum("endCents"), 0)::bigint AS end_arr, coalesce(sum("cohortAccounts"), 0)::bigint AS cohort,
             coalesce(sum("retainedAccounts"), 0)::bigint AS retained
      FROM "RetentionTrendDelta" WHERE "month" <= ${period.lastMonth}::int
      ${cut.segment ? Prisma.sql`AND "segment" = ${cut.segment}::"Segment"` : Prisma.empty}`;
  }
  return Prisma.sql`
    SELECT ${SUMS}
    FROM (${bookAccounts(cut)}) b
    JOIN "AccountArrSeries" s ON s."accountId" = b."id"
    CROSS JOIN LATERAL dashboard_window(s."firstMonth", s."monthEndCents", ${period.firstMonth}::int, ${period.lastMonth}::int) w
    WHERE w.cohort = 1`;
}

/**
 * The 24-point trend: a running sum of the per-month deltas (one pass) — per segment, or for a CSM's or team's books
 * per book CSM (RetentionTrendDeltaCsm, kept by the database: the summary read is the floor; checked against
 * retentionTrendRaw).
 */
export function retentionTrendFloor(cut: FloorCut, months: readonly number[]): Prisma.Sql {
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? first;
  const books = cut.csmId
    ? Prisma.sql`"csmId" = ${cut.csmId}`
    : cut.teamOf
      ? Prisma.sql`"csmId" IN (SELECT t."id" FROM "User" t WHERE t."managerId" = ${cut.teamOf} AND t."role" = 'CSM')`
      : null;
  if (!books) return retentionTrendRaw(cut, months);
  return trendFromDeltas(Prisma.sql`"RetentionTrendDeltaCsm"`, books, first, last);
}

/** The trend as running sums of a delta table's rows that `where` picks (months before the first count in the first). */
function trendFromDeltas(table: Prisma.Sql, where: Prisma.Sql, first: number, last: number): Prisma.Sql {
  return Prisma.sql`
    SELECT month, start_arr, retained_arr, end_arr, cohort, retained FROM (
      SELECT g.m AS month,
             coalesce(sum(d.s) OVER w, 0)::bigint AS start_arr, coalesce(sum(d.r) OVER w, 0)::bigint AS retained_arr,
             coalesce(sum(d.e) OVER w, 0)::bigint AS end_arr, coalesce(sum(d.c) OVER w, 0)::bigint AS cohort,
             coalesce(sum(d.k) OVER w, 0)::bigint AS retained
      FROM (SELECT greatest("month", ${first}::int) AS m, sum("startCents") AS s, sum("retainedCents") AS r, sum("endCents") AS e,
                   sum("cohortAccounts") AS c, sum("retainedAccounts") AS k
            FROM ${table} WHERE ${where} AND "month" <= ${last}::int
            GROUP BY 1) d
      RIGHT JOIN generate_series(${first}::int, ${last}::int) g(m) ON g.m = d.m
      WINDOW w AS (ORDER BY g.m)) x
    ORDER BY month`;
}

/** The trend from the segment deltas, or from each book account's series per point. */
export function retentionTrendRaw(cut: FloorCut, months: readonly number[]): Prisma.Sql {
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? first;
  if (!cut.csmId && !cut.teamOf) {
    return trendFromDeltas(Prisma.sql`"RetentionTrendDelta"`, cut.segment ? Prisma.sql`"segment" = ${cut.segment}::"Segment"` : Prisma.sql`TRUE`, first, last);
  }
  return Prisma.sql`
    SELECT g.m AS month, ${SUMS}
    FROM generate_series(${first}::int, ${last}::int) g(m)
    LEFT JOIN ((${bookAccounts(cut)}) b JOIN "AccountArrSeries" s ON s."accountId" = b."id") ON TRUE
    LEFT JOIN LATERAL dashboard_window(s."firstMonth", s."monthEndCents", g.m - 11, g.m) w ON w.cohort = 1
    GROUP BY g.m ORDER BY g.m`;
}

/**
 * Renewal visibility: the summary read is the floor — the window's days of RenewalDueDay (the figures per contract-end
 * day and segment, kept by the database; dashboard_measure_summaries migration). Checked against renewalVisibilityRaw.
 */
export function renewalVisibilityFloor(from: Date, until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(sum("due"), 0)::int AS due, coalesce(sum("visible"), 0)::int AS visible, coalesce(sum("withoutCsm"), 0)::int AS without_csm,
           coalesce(sum("withoutOpportunity"), 0)::int AS without_opportunity, coalesce(sum("dueArrCents"), 0)::bigint AS due_arr,
           coalesce(sum("visibleArrCents"), 0)::bigint AS visible_arr
    FROM "RenewalDueDay" WHERE "day" BETWEEN ${from}::date AND ${until}::date`;
}

/** Renewal visibility from the rows: contracts ending in the window, on the (stage, contractEnd) index, with their opportunity. */
export function renewalVisibilityRaw(from: Date, until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS due,
           count(*) FILTER (WHERE r."id" IS NOT NULL AND a."csmId" IS NOT NULL)::int AS visible,
           count(*) FILTER (WHERE a."csmId" IS NULL)::int AS without_csm,
           count(*) FILTER (WHERE r."id" IS NULL)::int AS without_opportunity,
           coalesce(sum(d."amountCents"), 0)::bigint AS due_arr,
           coalesce(sum(d."amountCents") FILTER (WHERE r."id" IS NOT NULL AND a."csmId" IS NOT NULL), 0)::bigint AS visible_arr
    FROM "Deal" d
    JOIN "Account" a ON a."id" = d."accountId"
    LEFT JOIN "RenewalOpportunity" r ON r."originalDealId" = d."id"
    WHERE d."stage" = 'CLOSED_WON' AND d."contractEnd" BETWEEN ${from}::date AND ${until}::date`;
}

/**
 * Time to first value: the summary read is the floor — TtfvMonth's accounts per month of initial close and days (kept by
 * the database), the median found on the running count. Checked against timeToFirstValueRaw.
 */
export function timeToFirstValueFloor(period: FloorPeriod, buckets: ReadonlyArray<{ min: number; max: number | null }>): Prisma.Sql {
  const counts = buckets.map((bucket, index) =>
    bucket.max === null
      ? Prisma.sql`coalesce(sum(n) FILTER (WHERE days >= ${bucket.min}::int), 0)::int AS ${Prisma.raw(`b${index}`)}`
      : Prisma.sql`coalesce(sum(n) FILTER (WHERE days BETWEEN ${bucket.min}::int AND ${bucket.max}::int), 0)::int AS ${Prisma.raw(`b${index}`)}`,
  );
  return Prisma.sql`
    WITH d AS (SELECT "days" AS days, sum("accounts") AS n FROM "TtfvMonth" WHERE "month" BETWEEN ${period.firstMonth}::int AND ${period.lastMonth}::int GROUP BY 1),
         r AS (SELECT days, sum(n) OVER (ORDER BY days) AS below, sum(n) OVER () AS total FROM d WHERE days >= 0),
         m AS (SELECT (total - 1) / 2.0 AS pos, min(days) FILTER (WHERE below > floor((total - 1) / 2.0)) AS lo,
                      min(days) FILTER (WHERE below > ceil((total - 1) / 2.0)) AS hi FROM r GROUP BY total)
    SELECT coalesce(sum(n), 0)::int AS closed, coalesce(sum(n) FILTER (WHERE days >= 0), 0)::int AS reached,
           (SELECT (lo + (pos - floor(pos)) * (hi - lo))::float8 FROM m) AS median, ${Prisma.join(counts)}
    FROM d`;
}

/** Time to first value from the accounts signed in the period (the few without a signing date: their first won deal). */
export function timeToFirstValueRaw(period: FloorPeriod, buckets: ReadonlyArray<{ min: number; max: number | null }>): Prisma.Sql {
  const counts = buckets.map((bucket, index) =>
    bucket.max === null
      ? Prisma.sql`count(*) FILTER (WHERE t.days >= ${bucket.min}::int)::int AS ${Prisma.raw(`b${index}`)}`
      : Prisma.sql`count(*) FILTER (WHERE t.days BETWEEN ${bucket.min}::int AND ${bucket.max}::int)::int AS ${Prisma.raw(`b${index}`)}`,
  );
  return Prisma.sql`
    SELECT count(*)::int AS closed, count(t.days)::int AS reached, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days) AS median,
           ${Prisma.join(counts)}
    FROM (
      SELECT CASE WHEN a."firstValueAt" IS NOT NULL THEN greatest(a."firstValueAt" - a."initialSignedAt", 0) END AS days
      FROM "Account" a WHERE a."initialSignedAt" BETWEEN ${period.start}::date AND ${period.end}::date
      UNION ALL
      SELECT CASE WHEN min(a."firstValueAt") IS NOT NULL THEN greatest(min(a."firstValueAt") - min(f."closeDate"), 0) END
      FROM "Account" a JOIN "Deal" f ON f."accountId" = a."id" AND f."type" = 'NEW' AND f."stage" = 'CLOSED_WON'
      WHERE a."initialSignedAt" IS NULL
      GROUP BY a."id" HAVING min(f."closeDate") BETWEEN ${period.start}::date AND ${period.end}::date
    ) t`;
}

/**
 * Handoff SLA and satisfaction: the summary read is the floor — HandoffHour's hours of the window (per UTC hour started
 * and segment, kept by the database), and the open overdue from the open handoffs' index range. Checked against handoffRaw.
 */
export function handoffFloor(from: Date, until: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(sum("completed"), 0)::int AS completed, coalesce(sum("withinSla"), 0)::int AS within_sla,
           (SELECT count(*)::int FROM "Handoff" h WHERE h."completedAt" IS NULL AND h."skippedAt" IS NULL
              AND h."startedAt" >= ${from} AND h."startedAt" < ${until} AND h."dueAt" < ${now}) AS open_overdue,
           coalesce(sum("rated"), 0)::int AS rated, coalesce(sum("ratingSum"), 0)::int AS rating_sum,
           ${Prisma.join([1, 2, 3, 4, 5].map((value) => Prisma.sql`coalesce(sum(${Prisma.raw(`"r${value}"`)}), 0)::int AS ${Prisma.raw(`r${value}`)}`))}
    FROM "HandoffHour" WHERE "hour" >= ${from} AND "hour" < ${until}`;
}

/** Handoff SLA and satisfaction from the rows: the handoffs started in the window, on the startedAt index. */
export function handoffRaw(from: Date, until: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*) FILTER (WHERE h."completedAt" IS NOT NULL)::int AS completed,
           count(*) FILTER (WHERE h."completedAt" IS NOT NULL AND h."completedWithinSla")::int AS within_sla,
           count(*) FILTER (WHERE h."completedAt" IS NULL AND h."skippedAt" IS NULL AND h."dueAt" < ${now})::int AS open_overdue,
           count(h."rating")::int AS rated, coalesce(sum(h."rating"), 0)::int AS rating_sum,
           ${Prisma.join([1, 2, 3, 4, 5].map((value) => Prisma.sql`count(*) FILTER (WHERE h."rating" = ${value}::int)::int AS ${Prisma.raw(`r${value}`)}`))}
    FROM "Handoff" h WHERE h."startedAt" >= ${from} AND h."startedAt" < ${until}`;
}

/**
 * CSM load: each CSM's current book — from CsmSegmentLoad (per CSM and segment, kept by the database: the summary read
 * is the floor), or with `raw` counted once from the csmId index (the check) — then joined to the active profiles.
 */
export function csmLoadFloor(cut: FloorCut, top: number, buckets: ReadonlyArray<Prisma.Sql>, raw = false): Prisma.Sql {
  const team = (column: Prisma.Sql) =>
    cut.teamOf ? Prisma.sql`AND ${column} IN (SELECT t."id" FROM "User" t WHERE t."managerId" = ${cut.teamOf})` : Prisma.empty;
  const books = raw
    ? Prisma.sql`SELECT a."csmId", count(*)::int AS n, sum(a."arrCents")::bigint AS arr FROM "Account" a
                 WHERE a."csmId" IS NOT NULL ${team(Prisma.sql`a."csmId"`)} GROUP BY a."csmId"`
    : Prisma.sql`SELECT l."csmId", sum(l."accounts")::int AS n, sum(l."arrCents")::bigint AS arr FROM "CsmSegmentLoad" l
                 WHERE TRUE ${team(Prisma.sql`l."csmId"`)} GROUP BY l."csmId"`;
  return Prisma.sql`
    WITH books AS (${books}),
         l AS (SELECT u."id" AS csm_id, u."name", p."tier", coalesce(b.n, 0) AS accounts, p."maxAccounts" AS max_accounts,
                      coalesce(b.arr, 0)::bigint AS arr, p."maxArrCents" AS max_arr,
                      greatest(coalesce(b.n, 0)::numeric / nullif(p."maxAccounts", 0), coalesce(b.arr, 0)::numeric / nullif(p."maxArrCents", 0), 0)::float8 AS load
               FROM "CsmProfile" p JOIN "User" u ON u."id" = p."userId" LEFT JOIN books b ON b."csmId" = u."id"
               WHERE u."active" ${cut.teamOf ? Prisma.sql`AND u."managerId" = ${cut.teamOf}` : Prisma.empty})
    SELECT count(*)::int AS csms, coalesce(sum(l.accounts), 0)::int AS accounts, coalesce(sum(l.arr), 0)::bigint AS arr,
           ${Prisma.join(buckets.map((bucket, index) => Prisma.sql`count(*) FILTER (WHERE ${bucket})::int AS ${Prisma.raw(`b${index}`)}`))},
           (SELECT coalesce(json_agg(json_build_object('csmId', t.csm_id, 'name', t.name, 'tier', t.tier, 'accounts', t.accounts,
                                                       'maxAccounts', t.max_accounts, 'arr', t.arr::text, 'maxArr', t.max_arr::text, 'load', t.load)
                                     ORDER BY t.load DESC, t.name), '[]'::json)
            FROM (SELECT * FROM l ORDER BY l.load DESC, l.name LIMIT ${top}) t) AS top
    FROM l`;
}

/**
 * Expansion pipeline: the summary read is the floor — ExpansionPipelineStage and ExpansionPotentialSegment (per segment,
 * kept by the database). Checked against expansionPipelineRaw.
 */
export function expansionPipelineFloor(stages: readonly string[]): Prisma.Sql {
  const columns = stages.map(
    (stage, index) => Prisma.sql`coalesce(sum("deals") FILTER (WHERE "stage" = ${stage}::"DealStage"), 0)::int AS ${Prisma.raw(`n${index}`)},
      coalesce(sum("amountCents") FILTER (WHERE "stage" = ${stage}::"DealStage"), 0)::bigint AS ${Prisma.raw(`c${index}`)}`,
  );
  return Prisma.sql`
    SELECT * FROM (SELECT ${Prisma.join(columns)} FROM "ExpansionPipelineStage") deals,
      (SELECT coalesce(sum("accounts"), 0)::int AS potential_accounts, coalesce(sum("potentialCents"), 0)::bigint AS potential
       FROM "ExpansionPotentialSegment") potential`;
}

/** Expansion pipeline from the rows: open expansion deals by stage, and the potential of accounts with ARR. */
export function expansionPipelineRaw(stages: readonly string[]): Prisma.Sql {
  const columns = stages.map(
    (stage, index) => Prisma.sql`count(*) FILTER (WHERE d."stage" = ${stage}::"DealStage")::int AS ${Prisma.raw(`n${index}`)},
      coalesce(sum(d."amountCents") FILTER (WHERE d."stage" = ${stage}::"DealStage"), 0)::bigint AS ${Prisma.raw(`c${index}`)}`,
  );
  return Prisma.sql`
    SELECT * FROM
      (SELECT ${Prisma.join(columns)} FROM "Deal" d
       WHERE d."type" = 'EXPANSION' AND d."stage" IN (${Prisma.join(stages.map((stage) => Prisma.sql`${stage}::"DealStage"`))})) deals,
      (SELECT count(*) FILTER (WHERE a."expansionPotentialCents" > 0)::int AS potential_accounts,
              coalesce(sum(a."expansionPotentialCents"), 0)::bigint AS potential
       FROM "Account" a WHERE a."arrCents" > 0) potential`;
}

/**
 * AE expansion credit: the summary read is the floor — ExpansionCreditMonth's rows of the period's months inside the
 * window (per month, window month, AE, segment and previous credited month, kept by the database), an account counted
 * in its month whose previous credited month is before the period. Checked against expansionCreditRaw.
 */
export function expansionCreditFloor(cut: FloorCut, period: FloorPeriod, windowMonths: number): Prisma.Sql {
  // One AE's accounts are a range of the aeId index: the rows are the floor.
  if (cut.aeId) return expansionCreditRaw(cut, period, windowMonths);
  return Prisma.sql`
    SELECT x.ae_id, u."name" AS ae_name, x.accounts, x.movements, x.expansion
    FROM (SELECT "aeId" AS ae_id, coalesce(sum("accounts") FILTER (WHERE "prevMonth" < ${period.firstMonth}::int), 0)::int AS accounts,
                 sum("movements")::int AS movements, sum("amountCents")::bigint AS expansion
          FROM "ExpansionCreditMonth"
          WHERE "month" = ANY (ARRAY(SELECT generate_series(${period.firstMonth}::int, ${period.lastMonth}::int)))
            AND "windowMonth" BETWEEN 1 AND ${windowMonths}::int
          GROUP BY "aeId") x
    JOIN "User" u ON u."id" = x.ae_id
    ORDER BY x.expansion DESC, u."name"`;
}

/**
 * AE expansion credit from the rows: expansions in the period inside each account's window from its initial signing,
 * on accounts whose AE is still the one who closed the first won new-business deal (stored: Account.originalAeId);
 * summed per AE.
 */
export function expansionCreditRaw(cut: FloorCut, period: FloorPeriod, windowMonths: number): Prisma.Sql {
  const months = Prisma.sql`make_interval(months => ${windowMonths}::int)`;
  return Prisma.sql`
    WITH windows AS (
      SELECT a."id", a."aeId" AS ae_id, a."originalAeId" AS original_ae, coalesce(a."initialSignedAt", f.first_close) AS signed_on
      FROM "Account" a
      LEFT JOIN LATERAL (SELECT min(f."closeDate") AS first_close FROM "Deal" f
                         WHERE a."initialSignedAt" IS NULL AND f."accountId" = a."id" AND f."type" = 'NEW' AND f."stage" = 'CLOSED_WON') f ON TRUE
      WHERE a."aeId" IS NOT NULL ${cut.aeId ? Prisma.sql`AND a."aeId" = ${cut.aeId}` : Prisma.empty}
        AND (a."initialSignedAt" IS NULL OR a."initialSignedAt" BETWEEN (${period.start}::date - ${months} - interval '3 days')::date AND ${period.end}::date)
    ), per_account AS MATERIALIZED (
      SELECT w."id", w.ae_id, w.original_ae, count(*)::int AS movements, sum(m."amountCents")::bigint AS cents
      FROM windows w
      JOIN "ArrMovement" m ON m."accountId" = w."id" AND m."type" = 'EXPANSION' AND m."date" >= w.signed_on AND m."date" < (w.signed_on + ${months})::date
                           AND m."date" BETWEEN ${period.start}::date AND ${period.end}::date
      WHERE w.signed_on IS NOT NULL
      GROUP BY w."id", w.ae_id, w.original_ae
    ), per_ae AS (
      SELECT p.ae_id, count(*)::int AS accounts, sum(p.movements)::int AS movements, sum(p.cents)::bigint AS expansion
      FROM per_account p WHERE p.ae_id = coalesce(p.original_ae, p.ae_id)
      GROUP BY p.ae_id
    )
    SELECT x.ae_id, u."name" AS ae_name, x.accounts, x.movements, x.expansion
    FROM per_ae x JOIN "User" u ON u."id" = x.ae_id
    ORDER BY x.expansion DESC, u."name"`;
}

/**
 * ARR bridge's starting and ending ARR for whole months: the summary read is the floor — the signed movements per month
 * of ArrMovementMonth (kept by the database) up to each end. Checked against arrBridgeEndsRaw.
 */
export function arrBridgeEndsFloor(period: FloorPeriod): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(sum(ledger_signed("type", "amountCents")) FILTER (WHERE "month" < ${period.firstMonth}::int), 0)::bigint AS starting,
           coalesce(sum(ledger_signed("type", "amountCents")), 0)::bigint AS ending
    FROM "ArrMovementMonth" WHERE "month" <= ${period.lastMonth}::int`;
}

/** The same from every account's ARR series at the two month ends. */
export function arrBridgeEndsRaw(period: FloorPeriod): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(sum(dashboard_arr_at("firstMonth", "monthEndCents", ${period.firstMonth - 1}::int)), 0)::bigint AS starting,
           coalesce(sum(dashboard_arr_at("firstMonth", "monthEndCents", ${period.lastMonth}::int)), 0)::bigint AS ending
    FROM "AccountArrSeries"`;
}

/**
 * ARR bridge's losses by reason for whole months: the summary read is the floor — ArrLossMonth's months of the period
 * (per month, segment, type, reason, addressable and the account's previous month of the same loss), an account
 * counted in its month whose previous one is before the period. Checked against arrBridgeLossesRaw.
 */
export function arrBridgeLossesFloor(period: FloorPeriod): Prisma.Sql {
  return Prisma.sql`
    SELECT "type"::text AS type, nullif("reason", '') AS reason, CASE "addressable" WHEN 1 THEN TRUE WHEN 0 THEN FALSE END AS addressable,
           sum("amountCents")::bigint AS cents, coalesce(sum("accounts") FILTER (WHERE "prevMonth" < ${period.firstMonth}::int), 0)::int AS accounts
    FROM "ArrLossMonth" WHERE "month" BETWEEN ${period.firstMonth}::int AND ${period.lastMonth}::int
    GROUP BY "type", "reason", "addressable"
    ORDER BY cents DESC, reason NULLS LAST, type, addressable NULLS LAST`;
}

/** The same from the period's churn and contraction movements (the (type, date) index), distinct accounts per group. */
export function arrBridgeLossesRaw(period: FloorPeriod): Prisma.Sql {
  return Prisma.sql`
    SELECT "type"::text AS type, "reason", "addressable", sum("amountCents")::bigint AS cents, count(DISTINCT "accountId")::int AS accounts
    FROM "ArrMovement"
    WHERE "type" IN ('CHURN', 'CONTRACTION') AND "date" BETWEEN ${period.start}::date AND ${period.end}::date
    GROUP BY "type", "reason", "addressable"
    ORDER BY cents DESC, reason NULLS LAST, type, addressable NULLS LAST`;
}
