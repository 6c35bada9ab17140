import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { companyMidnight } from "@/lib/calendar/company-day";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { countRatio } from "@/lib/dashboard/ratio";
import type { Period } from "@/lib/dashboard/period";
import { accountConditions, hasAccountConditions, type DashboardScope } from "@/lib/server/dashboard/scope";

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

export function handoffMeasuresQuery(scope: DashboardScope, from: Date, until: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*) FILTER (WHERE h."completedAt" IS NOT NULL)::int AS completed,
           count(*) FILTER (WHERE h."completedAt" IS NOT NULL AND h."completedWithinSla")::int AS within_sla,
           count(*) FILTER (WHERE h."completedAt" IS NULL AND h."skippedAt" IS NULL AND h."dueAt" < ${now})::int AS open_overdue,
           count(h."rating")::int AS rated,
           coalesce(sum(h."rating"), 0)::int AS rating_sum,
           ${Prisma.join([1, 2, 3, 4, 5].map((value) => Prisma.sql`count(*) FILTER (WHERE h."rating" = ${value}::int)::int AS ${Prisma.raw(`r${value}`)}`))}
    ${handoffsFrom(scope, from, until)}`;
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
