import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { companyMidnight } from "@/lib/calendar/company-day";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { countRatio } from "@/lib/dashboard/ratio";
import type { Period } from "@/lib/dashboard/period";
import { accountConditions, hasAccountConditions, narrowsAccounts, type DashboardScope } from "@/lib/server/dashboard/scope";

export interface HandoffMeasures {
  period: Period;
  slaHours: number;
  completed: number;
  withinSla: number;
  slaShare: number | null;
  openOverdue: number;
  rated: number;
  ratingSum: number;
  meanRating: number | null;
  /** Ratings 1…5, how many of each. */
  ratings: number[];
}

/** The instants the period's days span in the company time zone: handoffs are timestamps. */
export function handoffWindow(period: Period, timezone: string): { from: Date; until: Date } {
  const dayAfter = new Date(period.end.getTime() + 86_400_000);
  return { from: companyMidnight(period.start, timezone), until: companyMidnight(dayAfter, timezone) };
}

/** Handoffs started in the window; the account (`a`) is joined when the cut needs it or the caller reads it. */
export function handoffsFrom(scope: DashboardScope, from: Date, until: Date, withAccount = hasAccountConditions(scope)): Prisma.Sql {
  return Prisma.sql`
    FROM "Handoff" h
    ${withAccount ? Prisma.sql`JOIN "Account" a ON a."id" = h."accountId"` : Prisma.empty}
    WHERE h."startedAt" >= ${from} AND h."startedAt" < ${until} ${accountConditions(scope)}`;
}

/** The figures from the handoffs themselves: a CSM's, team's or AE's cut, a window not on whole hours, and the summary's check. */
export function handoffMeasuresRawQuery(scope: DashboardScope, from: Date, until: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*) FILTER (WHERE h."completedAt" IS NOT NULL)::int AS completed,
           count(*) FILTER (WHERE h."completedAt" IS NOT NULL AND h."completedWithinSla")::int AS within_sla,
           count(*) FILTER (WHERE h."completedAt" IS NULL AND h."skippedAt" IS NULL AND h."dueAt" < ${now})::int AS open_overdue,
           count(h."rating")::int AS rated,
           coalesce(sum(h."rating"), 0)::int AS rating_sum,
           ${Prisma.join([1, 2, 3, 4, 5].map((value) => Prisma.sql`count(*) FILTER (WHERE h."rating" = ${value}::int)::int AS ${Prisma.raw(`r${value}`)}`))}
    ${handoffsFrom(scope, from, until)}`;
}

const HOUR_MS = 3_600_000;

/**
 * The whole company or a segment over a window of whole UTC hours (company midnights are, in every zone on whole
 * hours) adds up HandoffHour (dashboard_measure_summaries migration: completed, within SLA and ratings per hour started
 * and segment, kept by the database), a year being ~9k × 3 rows whatever the number of handoffs; the open overdue
 * depend on `now` and are counted from the open handoffs alone (the completedAt, skippedAt, startedAt index).
 */
export function handoffMeasuresQuery(scope: DashboardScope, from: Date, until: Date, now: Date): Prisma.Sql {
  if (narrowsAccounts(scope) || from.getTime() % HOUR_MS !== 0 || until.getTime() % HOUR_MS !== 0) {
    return handoffMeasuresRawQuery(scope, from, until, now);
  }
  const segment = (column: Prisma.Sql) => (scope.segment ? Prisma.sql`AND ${column} = ${scope.segment}::"Segment"` : Prisma.empty);
  return Prisma.sql`
    SELECT coalesce(sum(s."completed"), 0)::int AS completed,
           coalesce(sum(s."withinSla"), 0)::int AS within_sla,
           (SELECT count(*)::int FROM "Handoff" h ${scope.segment ? Prisma.sql`JOIN "Account" a ON a."id" = h."accountId"` : Prisma.empty}
            WHERE h."completedAt" IS NULL AND h."skippedAt" IS NULL AND h."startedAt" >= ${from} AND h."startedAt" < ${until}
              AND h."dueAt" < ${now} ${segment(Prisma.sql`a."segment"`)}) AS open_overdue,
           coalesce(sum(s."rated"), 0)::int AS rated,
           coalesce(sum(s."ratingSum"), 0)::int AS rating_sum,
           ${Prisma.join([1, 2, 3, 4, 5].map((value) => Prisma.sql`coalesce(sum(s.${Prisma.raw(`"r${value}"`)}), 0)::int AS ${Prisma.raw(`r${value}`)}`))}
    FROM "HandoffHour" s
    WHERE s."hour" >= ${from} AND s."hour" < ${until} ${segment(Prisma.sql`s."segment"`)}`;
}

/** Handoff SLA (share completed within the business-hour limit) and satisfaction (mean CSM rating). */
export async function getHandoffMeasures(context: DashboardContext): Promise<HandoffMeasures> {
  const scope = scopeOf(context, "dashboard");
  const { now, settings, period } = context;
  const { from, until } = handoffWindow(period, settings.calendar.timezone);
  const [row] = await prisma.$queryRaw<Record<string, number>[]>(handoffMeasuresQuery(scope, from, until, now));
  const completed = row?.completed ?? 0;
  const withinSla = row?.within_sla ?? 0;
  const rated = row?.rated ?? 0;
  const ratingSum = row?.rating_sum ?? 0;
  return {
    period,
    slaHours: settings.handoff.slaBusinessHours,
    completed,
    withinSla,
    slaShare: countRatio(withinSla, completed),
    openOverdue: row?.open_overdue ?? 0,
    rated,
    ratingSum,
    meanRating: rated === 0 ? null : countRatio(ratingSum, rated),
    ratings: [1, 2, 3, 4, 5].map((value) => row?.[`r${value}`] ?? 0),
  };
}
