import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import type { Period } from "@/lib/dashboard/period";
import { TTFV_BUCKETS } from "@/lib/dashboard/ttfv";
import { accountConditions, narrowsAccounts, type DashboardScope } from "@/lib/server/dashboard/scope";

export interface TimeToFirstValue {
  period: Period;
  /** Accounts whose initial close falls in the period. */
  closed: number;
  reached: number;
  medianDays: number | null;
  buckets: { label: string; accounts: number }[];
}

/**
 * Accounts whose initial close (initial signing, else their first closed-won NEW deal) falls in the period, with
 * the days to first value (a first value recorded before the close counts as 0 days). Columns: a.*, closed_on, days.
 * The two ways of closing are separate branches so the common one is a plain index range on the signing date that
 * reads each account once (joining the accounts back after the union hashed every account of the company).
 */
export function ttfvAccountsSql(scope: DashboardScope, period: Period): Prisma.Sql {
  // greatest() skips NULLs, so an account still waiting needs its own case to stay NULL.
  const days = (closedOn: Prisma.Sql) => Prisma.sql`CASE WHEN a."firstValueAt" IS NOT NULL THEN greatest(a."firstValueAt" - ${closedOn}, 0) END AS days`;
  return Prisma.sql`
    SELECT a.*, a."initialSignedAt" AS closed_on, ${days(Prisma.sql`a."initialSignedAt"`)}
    FROM "Account" a
    WHERE a."initialSignedAt" BETWEEN ${period.start}::date AND ${period.end}::date ${accountConditions(scope)}
    UNION ALL
    SELECT a.*, c.closed_on, ${days(Prisma.sql`c.closed_on`)}
    FROM (
      SELECT f."accountId", min(f."closeDate") AS closed_on FROM "Deal" f
      JOIN "Account" s ON s."id" = f."accountId" AND s."initialSignedAt" IS NULL
      WHERE f."type" = 'NEW' AND f."stage" = 'CLOSED_WON'
      GROUP BY f."accountId"
      HAVING min(f."closeDate") BETWEEN ${period.start}::date AND ${period.end}::date
    ) c
    JOIN "Account" a ON a."id" = c."accountId"
    WHERE TRUE ${accountConditions(scope)}`;
}

/**
 * Whole months of the whole company or a segment read TtfvMonth (dashboard_measure_summaries migration: accounts per
 * month of initial close, segment and days, kept by the database): at most a few hundred rows a month. The median is
 * percentile_cont(0.5) over the counted days — the middle one or the mean of the middle two, found on the running count.
 */
export function timeToFirstValueQuery(scope: DashboardScope, period: Period): Prisma.Sql {
  if (narrowsAccounts(scope) || period.toDate) return timeToFirstValueRawQuery(scope, period);
  const buckets = TTFV_BUCKETS.map((bucket, index) =>
    bucket.max === null
      ? Prisma.sql`coalesce(sum(d.n) FILTER (WHERE d.days >= ${bucket.min}::int), 0)::int AS ${Prisma.raw(`b${index}`)}`
      : Prisma.sql`coalesce(sum(d.n) FILTER (WHERE d.days BETWEEN ${bucket.min}::int AND ${bucket.max}::int), 0)::int AS ${Prisma.raw(`b${index}`)}`,
  );
  return Prisma.sql`
    WITH d AS (SELECT s."days", sum(s."accounts") AS n FROM "TtfvMonth" s
               WHERE s."month" BETWEEN ${period.firstMonth}::int AND ${period.lastMonth}::int
                 ${scope.segment ? Prisma.sql`AND s."segment" = ${scope.segment}::"Segment"` : Prisma.empty}
               GROUP BY s."days"),
         r AS (SELECT d.days, sum(d.n) OVER (ORDER BY d.days) AS below, sum(d.n) OVER () AS total FROM d WHERE d.days >= 0),
         m AS (SELECT (r.total - 1) / 2.0 AS pos, min(r.days) FILTER (WHERE r.below > floor((r.total - 1) / 2.0)) AS lo,
                      min(r.days) FILTER (WHERE r.below > ceil((r.total - 1) / 2.0)) AS hi
               FROM r GROUP BY r.total)
    SELECT coalesce(sum(d.n), 0)::int AS closed,
           coalesce(sum(d.n) FILTER (WHERE d.days >= 0), 0)::int AS reached,
           (SELECT (m.lo + (m.pos - floor(m.pos)) * (m.hi - m.lo))::float8 FROM m) AS median,
           ${Prisma.join(buckets)}
    FROM d`;
}

/** The figures from the accounts themselves: a CSM's, team's or AE's cut, a period to today, and the summary's check. */
export function timeToFirstValueRawQuery(scope: DashboardScope, period: Period): Prisma.Sql {
  const buckets = TTFV_BUCKETS.map((bucket, index) =>
    bucket.max === null
      ? Prisma.sql`count(*) FILTER (WHERE t.days >= ${bucket.min}::int)::int AS ${Prisma.raw(`b${index}`)}`
      : Prisma.sql`count(*) FILTER (WHERE t.days BETWEEN ${bucket.min}::int AND ${bucket.max}::int)::int AS ${Prisma.raw(`b${index}`)}`,
  );
  return Prisma.sql`
    SELECT count(*)::int AS closed,
           count(t.days)::int AS reached,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days) AS median,
           ${Prisma.join(buckets)}
    FROM (${ttfvAccountsSql(scope, period)}) t`;
}

export async function getTimeToFirstValue(context: DashboardContext): Promise<TimeToFirstValue> {
  const scope = scopeOf(context, "dashboard");
  const { period } = context;
  const [row] = await prisma.$queryRaw<Record<string, number | null>[]>(timeToFirstValueQuery(scope, period));
  return {
    period,
    closed: row?.closed ?? 0,
    reached: row?.reached ?? 0,
    medianDays: row?.median ?? null,
    buckets: TTFV_BUCKETS.map((bucket, index) => ({ label: bucket.label, accounts: row?.[`b${index}`] ?? 0 })),
  };
}
