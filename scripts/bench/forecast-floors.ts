// The floors of `npm run bench:forecast`: for each of the forecast page's reads (leadership, the whole company, no
// cuts), the cheapest correct SQL a DBA would write by hand for the same answer on this schema — for the figures, a
// read of the forecast_page_summaries migration's tables — written here apart from lib/server/forecast so a bad query
// shape there shows as a ratio above 1. The `raw…` statements compute the same answers from the renewals, snapshots,
// closed renewals and movements themselves: the benchmark runs them once, untimed, and checks that the function, its
// floor and they agree ("same").
import type { AccuracyBlock } from "@/lib/forecast/accuracy-window";
import { Prisma } from "@/lib/generated/prisma/client";

/** The flat renewal amount with its contractual uplift, rounded half up to the cent. */
const FLAT = Prisma.sql`((r."amountCents" * (10000 + round(r."upliftPct" * 100)::bigint) + 5000) / 10000)`;
/** The forecast amount in force: the override's, else the call's, else flat. */
const AMOUNT = Prisma.sql`CASE WHEN f."overrideCategory" IS NOT NULL THEN COALESCE(f."overrideAmountCents", f."amountCents") ELSE COALESCE(f."amountCents", ${FLAT}) END`;

/** The quarter from ForecastTeamQuarterSum per (team, bucket), then the managers' names; the next one per bucket. */
export function quarterSumsFloor(start: Date, nextStart: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT g.*, m."name" AS "managerName"
    FROM (
      SELECT q."quarterStart" = ${nextStart}::date AS next, CASE WHEN q."quarterStart" = ${start}::date THEN NULLIF(q."managerId", '') END AS "managerId", q."bucket", sum(q."renewals")::int AS renewals, sum(q."dueCents")::bigint AS due,
        sum(q."bucketCents")::bigint AS bucket_cents, sum(q."expectedCents")::bigint AS expected, sum(q."grossRetainedCents")::bigint AS retained,
        sum(q."forecastBaseCents")::bigint AS forecast_base, sum(q."upliftExpectedCents")::bigint AS uplift
      FROM "ForecastTeamQuarterSum" q
      WHERE q."quarterStart" IN (${start}::date, ${nextStart}::date)
      GROUP BY 1, 2, 3
    ) g
    LEFT JOIN "User" m ON m."id" = g."managerId"`;
}

/**
 * The same from the renewals: per (quarter, CSM, bucket) the renewals, ARR due, the bucket's amount, expected, gross
 * retained, forecast base and the uplift part of growth; then the CSMs' names and managers on the grouped rows.
 */
export function rawQuarterSums(start: Date, nextStart: Date, end: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT g.*, u."name" AS "csmName", u."managerId", m."name" AS "managerName"
    FROM (
      SELECT next, "csmId", bucket, count(*)::int AS renewals, sum(base)::bigint AS due,
        sum(CASE bucket WHEN 'CLOSED_WON' THEN closed WHEN 'CLOSED_LOST' THEN base ELSE amount END)::bigint AS bucket_cents,
        COALESCE(sum(expected), 0)::bigint AS expected, COALESCE(sum(LEAST(expected, base)) FILTER (WHERE expected IS NOT NULL), 0)::bigint AS retained,
        COALESCE(sum(base) FILTER (WHERE expected IS NOT NULL), 0)::bigint AS forecast_base,
        COALESCE(sum(LEAST(expected - base, flat - base)) FILTER (WHERE expected > base), 0)::bigint AS uplift
      FROM (
        SELECT r."renewalDate" >= ${nextStart}::date AS next, a."csmId", r."amountCents" AS base, COALESCE(r."closedAmountCents", 0) AS closed, ${FLAT} AS flat,
          CASE WHEN r."stage" IN ('CLOSED_WON', 'CLOSED_LOST') THEN r."stage"::text ELSE COALESCE(f."overrideCategory", f."category", 'PIPELINE')::text END AS bucket,
          ${AMOUNT} AS amount,
          CASE WHEN r."stage" = 'CLOSED_WON' THEN COALESCE(r."closedAmountCents", 0) WHEN r."stage" = 'CLOSED_LOST' THEN 0
               WHEN COALESCE(f."overrideCategory", f."category") = 'OMITTED' THEN NULL ELSE ${AMOUNT} END AS expected
        FROM "RenewalOpportunity" r
        JOIN "Account" a ON a."id" = r."accountId"
        LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
        WHERE r."renewalDate" >= ${start}::date AND r."renewalDate" < ${end}::date
      ) x
      GROUP BY 1, 2, 3
    ) g
    LEFT JOIN "User" u ON u."id" = g."csmId"
    LEFT JOIN "User" m ON m."id" = u."managerId"`;
}

/** Less than the page's answer (count, forecast amount and ARR due by CSM and category, from the rows): informational. */
export function bareRollUp(start: Date, end: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT a."csmId", COALESCE(f."overrideCategory", f."category", 'PIPELINE') AS category, count(*)::int AS n,
           sum(COALESCE(f."overrideAmountCents", f."amountCents", r."amountCents"))::bigint AS cents, sum(r."amountCents")::bigint AS due
    FROM "RenewalOpportunity" r JOIN "Account" a ON a."id" = r."accountId" LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
    WHERE r."renewalDate" >= ${start}::date AND r."renewalDate" < ${end}::date
    GROUP BY 1, 2`;
}

/** The first page of 50: chosen on the order's columns, then only those 50 get their call, risk, touchpoints and names. */
export function pageFloor(start: Date, end: Date, today: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH p AS (
      SELECT r."id", r."accountId", r."renewalDate", a."name" AS "accountName"
      FROM "RenewalOpportunity" r JOIN "Account" a ON a."id" = r."accountId"
      WHERE r."renewalDate" >= ${start}::date AND r."renewalDate" < ${end}::date
      ORDER BY r."renewalDate", a."name", r."id" LIMIT 50
    )
    SELECT r.*, p."accountName", a."segment", a."healthScore", a."usagePct", a."csmId", u."name" AS "csmName", m."id" AS "managerId", m."name" AS "managerName",
      a."aeId", ae."name" AS "aeName", f.*, sb."name" AS "setByName", ob."name" AS "overrideByName", risk."overall", risk.high,
      (SELECT count(*) FROM "Touchpoint" t WHERE t."accountId" = p."accountId" AND t."status" = 'PLANNED' AND t."dueDate" < ${today}::date) AS overdue,
      EXISTS (SELECT 1 FROM "Handoff" h WHERE h."accountId" = p."accountId"
        AND (h."completedWithinSla" = FALSE OR (h."status" IN ('IN_PROGRESS', 'SUBMITTED') AND h."dueAt" < ${now}))) AS missed
    FROM p
    JOIN "RenewalOpportunity" r ON r."id" = p."id"
    JOIN "Account" a ON a."id" = p."accountId"
    LEFT JOIN "User" u ON u."id" = a."csmId"
    LEFT JOIN "User" m ON m."id" = u."managerId"
    LEFT JOIN "User" ae ON ae."id" = a."aeId"
    LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = p."id"
    LEFT JOIN "User" sb ON sb."id" = f."setById"
    LEFT JOIN "User" ob ON ob."id" = f."overrideById"
    LEFT JOIN LATERAL (
      SELECT x."overall", (SELECT count(*) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(x."factors") = 'array' THEN x."factors" ELSE '[]' END) e WHERE e->>'level' = 'HIGH') AS high
      FROM "RiskAssessment" x WHERE x."accountId" = p."accountId" ORDER BY x."createdAt" DESC, x."id" DESC LIMIT 1
    ) risk ON TRUE
    ORDER BY p."renewalDate", p."accountName", p."id"`;
}

/** The changes since the week's snapshot per kind, and the quarter's renewals in the forecast now (open, not Omitted). */
export function weekChangesFloor(start: Date, week: Date): Prisma.Sql[] {
  return [
    Prisma.sql`
      SELECT w."kind", sum(w."renewals")::int AS renewals, sum(w."deltaCents")::bigint AS delta, sum(w."lastWeekCents")::bigint AS last_week,
        sum(w."thisWeekCents")::bigint AS this_week, sum(w."inForecast")::int AS in_forecast
      FROM "ForecastWeekChange" w WHERE w."weekStart" = ${week}::date AND w."quarterStart" = ${start}::date GROUP BY 1`,
    Prisma.sql`SELECT COALESCE(sum(q."renewals"), 0)::int AS renewals, COALESCE(sum(q."bucketCents"), 0)::bigint AS cents FROM "ForecastTeamQuarterSum" q WHERE q."quarterStart" = ${start}::date AND q."bucket" <= 3`,
  ];
}

/** Each renewal of the quarter as it stands (the company needs no account), from the rows. */
export function rawWeekStates(start: Date, end: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT r."id", r."stage" NOT IN ('CLOSED_WON', 'CLOSED_LOST') AS open, COALESCE(f."overrideCategory", f."category", 'PIPELINE')::text AS category,
      CASE r."stage" WHEN 'CLOSED_WON' THEN COALESCE(r."closedAmountCents", 0) WHEN 'CLOSED_LOST' THEN 0 ELSE ${AMOUNT} END AS "amountCents"
    FROM "RenewalOpportunity" r LEFT JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r."id"
    WHERE r."renewalDate" >= ${start}::date AND r."renewalDate" < ${end}::date`;
}

/** Last week's snapshots of the quarter's renewals, from the rows. */
export function rawLastWeek(start: Date, end: Date, week: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT s."renewalOpportunityId" AS id, s."category"::text AS category, s."amountCents"
    FROM "ForecastSnapshot" s JOIN "RenewalOpportunity" r ON r."id" = s."renewalOpportunityId"
    WHERE s."weekStart" = ${week}::date AND r."renewalDate" >= ${start}::date AND r."renewalDate" < ${end}::date`;
}

/**
 * The quarter's losses per reason and addressable from ForecastReasonSum, each with its largest accounts from
 * ForecastReasonAccount (the first `limit` and their ties).
 */
export function reasonsFloor(start: Date, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT g.reason, g.addressable, g.lost, g.accounts, x."accountId", a."name", x."lostCents" AS "accountCents"
    FROM (SELECT "reason", "addressable", sum("lostCents") AS lost, sum("accounts") AS accounts FROM "ForecastReasonSum" WHERE "quarterStart" = ${start}::date GROUP BY 1, 2) g
    CROSS JOIN LATERAL (
      SELECT t."accountId", t."lostCents" FROM "ForecastReasonAccount" t
      WHERE t."quarterStart" = ${start}::date AND t."reason" = g.reason AND t."addressable" = g.addressable
      ORDER BY t."lostCents" DESC FETCH FIRST ${limit} ROWS WITH TIES
    ) x
    JOIN LATERAL (SELECT "name" FROM "Account" WHERE "id" = x."accountId") a ON TRUE`;
}

const TALLY = Prisma.sql`
  count(c."category90")::int AS n90, COALESCE(sum(c."baseCents") FILTER (WHERE c."category90" IS NOT NULL), 0)::bigint AS base90,
  COALESCE(sum(CASE c."category90" WHEN 'OMITTED' THEN 0 ELSE c."amount90Cents" END), 0)::bigint AS forecast90,
  COALESCE(sum(c."closedCents") FILTER (WHERE c."category90" IS NOT NULL), 0)::bigint AS closed90,
  COALESCE(sum(abs(CASE c."category90" WHEN 'OMITTED' THEN 0 ELSE c."amount90Cents" END - c."closedCents")), 0)::bigint AS error90,
  count(c."category30")::int AS n30, COALESCE(sum(c."baseCents") FILTER (WHERE c."category30" IS NOT NULL), 0)::bigint AS base30,
  COALESCE(sum(CASE c."category30" WHEN 'OMITTED' THEN 0 ELSE c."amount30Cents" END), 0)::bigint AS forecast30,
  COALESCE(sum(c."closedCents") FILTER (WHERE c."category30" IS NOT NULL), 0)::bigint AS closed30,
  COALESCE(sum(abs(CASE c."category30" WHEN 'OMITTED' THEN 0 ELSE c."amount30Cents" END - c."closedCents")), 0)::bigint AS error30,
  count(*) FILTER (WHERE c."category30" = 'COMMIT' AND (NOT c."won" OR c."closedCents" < c."baseCents"))::int AS surprises,
  count(c."likelihood90")::int AS brier_n, COALESCE(sum(power(c."likelihood90" - CASE WHEN c."won" THEN 100 ELSE 0 END, 2)), 0)::bigint AS brier_squares`;

const YEAR = (today: Date) => Prisma.sql`c."renewalDate" > ${today}::date - 365 AND c."renewalDate" <= ${today}::date`;

const STATE_TALLY = `n90, base90, forecast90, closed90, error90, n30, base30, forecast30, closed30, error30, surprises, "brierRenewals", "brierSquares"`;

/**
 * Accuracy per CSM and segment over the trailing year, from ForecastAccuracyYear's block and the renewals' state rows
 * of the days where it and the year differ (`block`: accuracyBlock), and the first late surprises.
 */
export function accuracyFloor(block: AccuracyBlock, limit: number): Prisma.Sql[] {
  const columns = Prisma.raw(STATE_TALLY);
  const negated = Prisma.raw(STATE_TALLY.split(", ").map((c) => `-${c} AS ${c}`).join(", "));
  const edges = block.edges.map((edge) => Prisma.sql`
          UNION ALL
          SELECT "csmId", "segment", ${edge.sign}::int, ${edge.sign === 1 ? columns : negated} FROM "ForecastRenewalState"
          WHERE "closed" AND "renewalDate" >= ${edge.from}::date AND "renewalDate" < ${edge.until}::date`);
  return [
    Prisma.sql`
      SELECT g.*, u."name", u."managerId", m."name" AS "managerName" FROM (
        SELECT "csmId", "segment", sum(n90)::int AS n90, sum(base90)::bigint AS base90, sum(forecast90)::bigint AS forecast90, sum(closed90)::bigint AS closed90,
          sum(error90)::bigint AS error90, sum(n30)::int AS n30, sum(base30)::bigint AS base30, sum(forecast30)::bigint AS forecast30, sum(closed30)::bigint AS closed30,
          sum(error30)::bigint AS error30, sum(surprises)::int AS surprises, sum("brierRenewals")::int AS brier_n, sum("brierSquares")::bigint AS brier_squares
        FROM (
          SELECT "csmId", "segment", renewals, ${columns} FROM "ForecastAccuracyYear" WHERE "lastMonth" = ${block.lastMonth}::date${Prisma.join(edges, "")}
        ) p GROUP BY 1, 2 HAVING sum(renewals) > 0
      ) g LEFT JOIN "User" u ON u."id" = g."csmId" LEFT JOIN "User" m ON m."id" = u."managerId"`,
    Prisma.sql`
      SELECT s."renewalOpportunityId", a."name", s."renewalDate" FROM "ForecastRenewalState" s JOIN "Account" a ON a."id" = s."accountId"
      WHERE s."surprises" = 1 AND s."renewalDate" BETWEEN ${block.from}::date AND ${block.to}::date
      ORDER BY s."renewalDate", a."name", s."renewalOpportunityId" LIMIT ${limit}`,
  ];
}

/** The dashboard's figure for the whole company: one row of sums (no account needed). */
export function companyAccuracyFloor(today: Date): Prisma.Sql {
  return Prisma.sql`SELECT ${TALLY} FROM "ClosedRenewalForecast" c WHERE ${YEAR(today)}`;
}
