import "server-only";
import { prisma } from "@/lib/db";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import type { RetentionFigures } from "@/lib/server/metrics/retention";
import { dashboardParams } from "@/lib/dashboard/params";
import { measureContext } from "@/lib/server/dashboard/context";
import { getRetention } from "@/lib/server/dashboard/get-retention";
import { renewalWindow } from "@/lib/server/dashboard/get-renewal-visibility";

export interface LeadershipHome {
  totalArrCents: bigint;
  activeCustomers: number;
  trailingYear: RetentionFigures;
  periodStart: Date;
  periodEnd: Date;
  targets: { grossRetentionPct: number; netRetentionPct: number };
  renewalsNext90: { count: number; arrCents: bigint };
}

/** The headline of the leadership home: the dashboard's default period (trailing 12 months), so both show the same figures. */
export async function getLeadershipHome(user: ActingUser, now = new Date()): Promise<LeadershipHome> {
  assertRole(user, ["LEADERSHIP", "ADMIN"]);
  const context = await measureContext({ now });
  const { from, until } = renewalWindow(context.today);
  const [totals, retention, renewals] = await Promise.all([
    prisma.account.aggregate({ _sum: { arrCents: true }, _count: { _all: true }, where: { arrCents: { gt: 0 } } }),
    getRetention(user, dashboardParams.parse({}), context),
    prisma.renewalOpportunity.aggregate({
      _count: { _all: true },
      _sum: { amountCents: true },
      where: { renewalDate: { gte: from, lte: until }, stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
    }),
  ]);
  const { targets } = context.settings;
  return {
    totalArrCents: totals._sum.arrCents ?? 0n,
    activeCustomers: totals._count._all,
    trailingYear: retention.figures,
    periodStart: retention.period.start,
    periodEnd: retention.period.end,
    targets: { grossRetentionPct: targets.grossRetentionPct, netRetentionPct: targets.netRetentionPct },
    renewalsNext90: { count: renewals._count._all, arrCents: renewals._sum.amountCents ?? 0n },
  };
}
