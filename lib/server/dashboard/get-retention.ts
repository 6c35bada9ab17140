import "server-only";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { prisma } from "@/lib/db";
import { monthLabel, monthKey, trendMonths, type Period } from "@/lib/dashboard/period";
import { retentionFigures, type RetentionFigures, type RetentionSums } from "@/lib/server/metrics/retention";
import { retentionSql, retentionTrendSql } from "@/lib/server/metrics/retention-series";
import type { DashboardScope } from "@/lib/server/dashboard/scope";

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
export async function getRetention(context: DashboardContext): Promise<RetentionMeasure> {
  const scope = scopeOf(context, "dashboard");
  const { period } = context;
  const [row] = await prisma.$queryRaw<RetentionSums[]>(retentionQuery(scope, period));
  return { period, figures: retentionFigures(row) };
}

/** The trend is of complete months: a period that ends today has its last point at the month before. */
export function retentionTrendQuery(scope: DashboardScope, period: Period) {
  return retentionTrendSql(scope, trendMonths(period.toDate ? period.lastMonth - 1 : period.lastMonth));
}

/** 24 monthly points ending with the period's last complete month; each is that month's trailing 12-month retention. */
export async function getRetentionTrend(context: DashboardContext): Promise<TrendPoint[]> {
  const scope = scopeOf(context, "dashboard");
  const { period } = context;
  const rows = await prisma.$queryRaw<(RetentionSums & { month: number })[]>(retentionTrendQuery(scope, period));
  return rows.map((row) => ({ month: monthKey(row.month), label: monthLabel(row.month), figures: retentionFigures(row) }));
}
