import "server-only";
import { prisma } from "@/lib/db";
import { monthLabel, monthKey, resolvePeriod, trendMonths, type Period } from "@/lib/dashboard/period";
import type { DashboardParams } from "@/lib/dashboard/params";
import { retentionFigures, type RetentionFigures, type RetentionSums } from "@/lib/server/metrics/retention";
import { retentionSql, retentionTrendSql } from "@/lib/server/metrics/retention-series";
import { measureContext, type MeasureContext } from "@/lib/server/dashboard/context";
import { dashboardScope, type DashboardScope } from "@/lib/server/dashboard/scope";
import type { ActingUser } from "@/lib/server/authz";

export interface RetentionMeasure {
  period: Period;
  figures: RetentionFigures;
}

export interface TrendPoint {
  month: string;
  label: string;
  figures: RetentionFigures;
}

export function retentionQuery(scope: DashboardScope, period: Period) {
  return retentionSql(scope, period);
}

/** GRR, NRR and logo retention of the period (default trailing 12 months), in the user's scope. */
export async function getRetention(user: ActingUser, params: DashboardParams, context?: Partial<MeasureContext>): Promise<RetentionMeasure> {
  const scope = dashboardScope(user, params);
  const { today } = await measureContext(context);
  const period = resolvePeriod(params.period, today, params.from, params.to);
  const [row] = await prisma.$queryRaw<RetentionSums[]>(retentionQuery(scope, period));
  return { period, figures: retentionFigures(row) };
}

/** The trend is of complete months: a period that ends today has its last point at the month before. */
export function retentionTrendQuery(scope: DashboardScope, period: Period) {
  return retentionTrendSql(scope, trendMonths(period.toDate ? period.lastMonth - 1 : period.lastMonth));
}

/** 24 monthly points ending with the period's last complete month; each is that month's trailing 12-month retention. */
export async function getRetentionTrend(user: ActingUser, params: DashboardParams, context?: Partial<MeasureContext>): Promise<TrendPoint[]> {
  const scope = dashboardScope(user, params);
  const { today } = await measureContext(context);
  const period = resolvePeriod(params.period, today, params.from, params.to);
  const rows = await prisma.$queryRaw<(RetentionSums & { month: number })[]>(retentionTrendQuery(scope, period));
  return rows.map((row) => ({ month: monthKey(row.month), label: monthLabel(row.month), figures: retentionFigures(row) }));
}
