import "server-only";
import { prisma } from "@/lib/db";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import type { RetentionFigures } from "@/lib/server/metrics/retention";
import { dashboardParams } from "@/lib/dashboard/params";
import { dashboardContext } from "@/lib/server/dashboard/context";
import { getRetention } from "@/lib/server/dashboard/get-retention";
import { renewalWindow } from "@/lib/server/dashboard/get-renewal-visibility";

export interface LeadershipHome {
  /** ARR as of today: every movement dated today or earlier. */
  totalArrCents: bigint;
  activeCustomers: number;
  /** What movements dated after today will add (contracts that start later) and the first day one starts. */
  contracted: { cents: bigint; from: Date | null };
  trailingYear: RetentionFigures;
  periodStart: Date;
  periodEnd: Date;
  targets: { grossRetentionPct: number; netRetentionPct: number };
  renewalsNext90: { count: number; arrCents: bigint };
}

/** The headline of the leadership home: ARR as of today, and the dashboard's default period (the last 12 complete months), so both show the same figures. */
export async function getLeadershipHome(user: ActingUser, now = new Date()): Promise<LeadershipHome> {
  assertRole(user, ["LEADERSHIP", "ADMIN"]);
  const context = await dashboardContext(user, dashboardParams.parse({}), { now });
  const { from, until } = renewalWindow(context.today);
  const [totals, contracted, retention, renewals] = await Promise.all([
    // Kept per segment by the database (CustomerSegment): three rows, not every account.
    prisma.customerSegment.aggregate({ _sum: { arrCents: true, customers: true } }),
    prisma.$queryRaw<{ cents: bigint | null; from: Date | null }[]>`
      SELECT sum(ledger_signed(type, "amountCents"))::bigint AS cents, min(date) FILTER (WHERE type IN ('NEW', 'EXPANSION')) AS "from"
      FROM "ArrMovement" WHERE date > ${context.today}::date AND type <> 'RENEWAL'`,
    getRetention(context),
    prisma.renewalOpportunity.aggregate({
      _count: { _all: true },
      _sum: { amountCents: true },
      where: { renewalDate: { gte: from, lte: until }, stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
    }),
  ]);
  const { targets } = context.settings;
  return {
    totalArrCents: totals._sum.arrCents ?? 0n,
    activeCustomers: totals._sum.customers ?? 0,
    contracted: { cents: BigInt(contracted[0]?.cents ?? 0n), from: contracted[0]?.from ?? null },
    trailingYear: retention.figures,
    periodStart: retention.period.start,
    periodEnd: retention.period.end,
    targets: { grossRetentionPct: targets.grossRetentionPct, netRetentionPct: targets.netRetentionPct },
    renewalsNext90: { count: renewals._count._all, arrCents: renewals._sum.amountCents ?? 0n },
  };
}
