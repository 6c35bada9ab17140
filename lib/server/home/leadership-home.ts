import "server-only";
import { prisma } from "@/lib/db";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { retentionBetween, type RetentionFigures } from "@/lib/server/metrics/retention";
import { getSettings } from "@/lib/server/settings/get-settings";
import { addMonthsUtc, todayUtcDate } from "@/lib/dates";

export interface LeadershipHome {
  totalArrCents: bigint;
  activeCustomers: number;
  trailingYear: RetentionFigures;
  periodStart: Date;
  periodEnd: Date;
  targets: { grossRetentionPct: number; netRetentionPct: number };
  renewalsNext90: { count: number; arrCents: bigint };
}

export async function getLeadershipHome(user: ActingUser, now = new Date()): Promise<LeadershipHome> {
  assertRole(user, ["LEADERSHIP", "ADMIN"]);
  const periodEnd = todayUtcDate(now);
  const periodStart = addMonthsUtc(periodEnd, -12);
  const in90 = new Date(periodEnd.getTime() + 90 * 86_400_000);
  const [totals, trailingYear, settings, renewals] = await Promise.all([
    prisma.account.aggregate({ _sum: { arrCents: true }, _count: { _all: true }, where: { arrCents: { gt: 0 } } }),
    retentionBetween(periodStart, periodEnd),
    getSettings(),
    prisma.renewalOpportunity.aggregate({
      _count: { _all: true },
      _sum: { amountCents: true },
      where: { renewalDate: { gte: periodEnd, lte: in90 }, stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
    }),
  ]);
  return {
    totalArrCents: totals._sum.arrCents ?? 0n,
    activeCustomers: totals._count._all,
    trailingYear,
    periodStart,
    periodEnd,
    targets: { grossRetentionPct: settings.targets.grossRetentionPct, netRetentionPct: settings.targets.netRetentionPct },
    renewalsNext90: { count: renewals._count._all, arrCents: renewals._sum.amountCents ?? 0n },
  };
}
