import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { lastDayOf, type Period } from "@/lib/dashboard/period";
import { accountConditions, narrowsAccounts, type DashboardScope } from "@/lib/server/dashboard/scope";

export type RetentionWindow = Pick<Period, "firstMonth" | "lastMonth" | "end" | "toDate">;

/**
 * The FROM items that give each account's window (aliased `w`) over the series `s`: the stored month ends, or — for a
 * period that ends today — the month end less what the movements dated after today in the running month change.
 */
export function windowFrom(window: RetentionWindow): Prisma.Sql {
  if (!window.toDate) {
    return Prisma.sql`CROSS JOIN LATERAL dashboard_window(s."firstMonth", s."monthEndCents", ${window.firstMonth}::int, ${window.lastMonth}::int) w`;
  }
  return Prisma.sql`
    LEFT JOIN (SELECT lm."accountId", sum(ledger_signed(lm."type", lm."amountCents"))::bigint AS later
               FROM "ArrMovement" lm WHERE lm."date" > ${window.end}::date AND lm."date" <= ${lastDayOf(window.lastMonth)}::date
               GROUP BY lm."accountId") later ON later."accountId" = s."accountId"
    CROSS JOIN LATERAL dashboard_window_to(s."firstMonth", s."monthEndCents", ${window.firstMonth}::int, ${window.lastMonth}::int, later.later) w`;
}

// Retention for whole months, read from the summaries the database keeps from the movements (see the
// dashboard_summaries migration): AccountArrSeries holds each account's ARR at every month end, and
// RetentionTrendDelta the month-over-month changes of the trailing 12-month sums per segment. Both give exactly
// what retentionBetween() computes from the raw movements for the same dates (tested).

/**
 * Cohort retention of the months firstMonth…lastMonth (to today when the last is still running). A 12-month period
 * of whole months and whole segments is the trend's own point (a few hundred stored rows); anything else is one pass
 * over the accounts' series.
 */
export function retentionSql(scope: DashboardScope, window: RetentionWindow): Prisma.Sql {
  const { firstMonth, lastMonth } = window;
  const join = narrowsAccounts(scope);
  if (!join && !window.toDate && lastMonth - firstMonth + 1 === 12) {
    return Prisma.sql`
      SELECT coalesce(sum(d."startCents"), 0)::bigint AS start_arr,
             coalesce(sum(d."retainedCents"), 0)::bigint AS retained_arr,
             coalesce(sum(d."endCents"), 0)::bigint AS end_arr,
             coalesce(sum(d."cohortAccounts"), 0)::bigint AS cohort,
             coalesce(sum(d."retainedAccounts"), 0)::bigint AS retained
      FROM "RetentionTrendDelta" d
      WHERE d."month" <= ${lastMonth}::int ${scope.segment ? Prisma.sql`AND d."segment" = ${scope.segment}::"Segment"` : Prisma.empty}`;
  }
  return Prisma.sql`
    SELECT coalesce(sum(w.start_cents), 0)::bigint AS start_arr,
           coalesce(sum(w.retained_cents), 0)::bigint AS retained_arr,
           coalesce(sum(w.end_cents), 0)::bigint AS end_arr,
           coalesce(sum(w.cohort), 0)::bigint AS cohort,
           coalesce(sum(w.retained), 0)::bigint AS retained
    FROM "AccountArrSeries" s
    ${join ? Prisma.sql`JOIN "Account" a ON a."id" = s."accountId"` : Prisma.empty}
    ${windowFrom(window)}
    WHERE w.cohort = 1 ${join ? accountConditions(scope) : segmentCondition(scope)}`;
}

/**
 * The trailing 12-month window ending at each of `months` (consecutive). Whole segments add up the stored
 * month-over-month changes (a few hundred rows); a CSM, team or AE cut evaluates its accounts' series instead.
 */
export function retentionTrendSql(scope: DashboardScope, months: readonly number[]): Prisma.Sql {
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? first;
  if (narrowsAccounts(scope) && !scope.aeId) {
    // A CSM's or a team's books: the same running sum over RetentionTrendDeltaCsm (the deltas per book CSM and
    // segment, dashboard_measure_summaries migration), a few hundred rows per CSM whatever the books' movements.
    const books = scope.csmId
      ? Prisma.sql`x."csmId" = ${scope.csmId}`
      : Prisma.sql`x."csmId" IN (SELECT t."id" FROM "User" t WHERE t."managerId" = ${scope.teamOf!} AND t."role" = 'CSM')`;
    return runningTrend(first, last, Prisma.sql`
      FROM "RetentionTrendDeltaCsm" x
      WHERE ${books} AND x."month" <= ${last}::int ${scope.segment ? Prisma.sql`AND x."segment" = ${scope.segment}::"Segment"` : Prisma.empty}`);
  }
  return retentionTrendRawSql(scope, months);
}

/** The trend from the accounts' series: an AE's cut, and the check of both summaries. */
export function retentionTrendRawSql(scope: DashboardScope, months: readonly number[]): Prisma.Sql {
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? first;
  if (narrowsAccounts(scope)) {
    return Prisma.sql`
      SELECT g.m AS month,
             coalesce(sum(w.start_cents), 0)::bigint AS start_arr,
             coalesce(sum(w.retained_cents), 0)::bigint AS retained_arr,
             coalesce(sum(w.end_cents), 0)::bigint AS end_arr,
             coalesce(sum(w.cohort), 0)::bigint AS cohort,
             coalesce(sum(w.retained), 0)::bigint AS retained
      FROM generate_series(${first}::int, ${last}::int) g(m)
      LEFT JOIN ("AccountArrSeries" s JOIN "Account" a ON a."id" = s."accountId" ${accountConditions(scope)}) ON TRUE
      LEFT JOIN LATERAL dashboard_window(s."firstMonth", s."monthEndCents", g.m - 11, g.m) w ON w.cohort = 1
      GROUP BY g.m
      ORDER BY g.m`;
  }
  return runningTrend(first, last, Prisma.sql`
    FROM "RetentionTrendDelta" x
    WHERE x."month" <= ${last}::int ${scope.segment ? Prisma.sql`AND x."segment" = ${scope.segment}::"Segment"` : Prisma.empty}`);
}

/**
 * The trend points first…last from stored deltas (`from`: FROM … WHERE … over deltas aliased x). One pass: the deltas
 * before the first point are folded into it, then a running sum per month (joining every point to all earlier deltas
 * summed the same rows 24 times).
 */
function runningTrend(first: number, last: number, from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT g.m AS month,
           coalesce(sum(d.start_cents) OVER w, 0)::bigint AS start_arr,
           coalesce(sum(d.retained_cents) OVER w, 0)::bigint AS retained_arr,
           coalesce(sum(d.end_cents) OVER w, 0)::bigint AS end_arr,
           coalesce(sum(d.cohort) OVER w, 0)::bigint AS cohort,
           coalesce(sum(d.retained) OVER w, 0)::bigint AS retained
    FROM generate_series(${first}::int, ${last}::int) g(m)
    LEFT JOIN (
      SELECT greatest(x."month", ${first}::int) AS m, sum(x."startCents") AS start_cents, sum(x."retainedCents") AS retained_cents,
             sum(x."endCents") AS end_cents, sum(x."cohortAccounts") AS cohort, sum(x."retainedAccounts") AS retained
      ${from}
      GROUP BY 1
    ) d ON d.m = g.m
    WINDOW w AS (ORDER BY g.m)
    ORDER BY g.m`;
}

function segmentCondition(scope: DashboardScope): Prisma.Sql {
  return scope.segment ? Prisma.sql`AND s."segment" = ${scope.segment}::"Segment"` : Prisma.empty;
}
