import "server-only";
import { prisma } from "@/lib/db";
import { todayUtcDate } from "@/lib/dates";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { handoffsToAcknowledge } from "@/lib/server/handoffs/acknowledgeable";

export async function getCsmHome(user: ActingUser, now = new Date()) {
  assertRole(user, ["CSM"]);
  const today = todayUtcDate(now);
  const [accounts, totals, touchpoints, overdueTouchpoints, profile, toAcknowledge, incoming] = await Promise.all([
    prisma.account.findMany({
      where: { csmId: user.id },
      orderBy: [{ arrCents: "desc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        segment: true,
        arrCents: true,
        healthScore: true,
        usagePct: true,
        strategic: true,
        renewals: {
          where: { stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
          orderBy: { renewalDate: "asc" },
          take: 1,
          select: { renewalDate: true },
        },
      },
    }),
    prisma.account.aggregate({ where: { csmId: user.id }, _sum: { arrCents: true }, _count: { _all: true } }),
    prisma.touchpoint.findMany({
      where: { ownerId: user.id, status: "PLANNED", dueDate: { gte: today } },
      orderBy: { dueDate: "asc" },
      take: 10,
      select: { id: true, type: true, dueDate: true, account: { select: { name: true } } },
    }),
    prisma.touchpoint.count({ where: { ownerId: user.id, status: "PLANNED", dueDate: { lt: today } } }),
    prisma.csmProfile.findUnique({ where: { userId: user.id }, select: { maxAccounts: true, maxArrCents: true, tier: true } }),
    handoffsToAcknowledge(user),
    prisma.handoff.findMany({
      where: { account: { csmId: user.id }, status: { in: ["IN_PROGRESS", "SUBMITTED"] } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: 10,
      select: { id: true, type: true, status: true, dueAt: true, account: { select: { name: true } } },
    }),
  ]);
  return {
    accounts: accounts.map(({ renewals, usagePct, ...account }) => ({
      ...account,
      usagePct: Number(usagePct),
      nextRenewal: renewals[0]?.renewalDate ?? null,
    })),
    accountCount: totals._count._all,
    bookArrCents: totals._sum.arrCents ?? 0n,
    touchpoints,
    overdueTouchpoints,
    profile,
    toAcknowledge,
    incoming,
  };
}

export type CsmHome = Awaited<ReturnType<typeof getCsmHome>>;
