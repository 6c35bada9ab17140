import "server-only";
import { prisma } from "@/lib/db";
import { companyToday } from "@/lib/calendar/company-day";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { handoffsToAcknowledge } from "@/lib/server/handoffs/acknowledgeable";
import { getSettings } from "@/lib/server/settings/get-settings";
import { myTouchpoints } from "@/lib/server/touchpoints/get-book";

// The counts are those of the lists they link to: "Overdue touchpoints" is My book's overdue list (same
// touchpoints, same company day), "My book" the accounts list.

export async function getCsmHome(user: ActingUser, now = new Date()) {
  assertRole(user, ["CSM"]);
  const [{ calendar }, mine] = await Promise.all([getSettings(), myTouchpoints(user.id)]);
  const today = companyToday(now, calendar.timezone);
  const [accounts, totals, touchpoints, overdueTouchpoints, profile, toAcknowledge, incoming] = await Promise.all([
    prisma.account.findMany({
      where: { csmId: user.id },
      // As the accounts list opens: the ones that need attention first.
      orderBy: [{ healthScore: "asc" }, { arrCents: "desc" }, { id: "asc" }],
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
    // Overdue ones first, then the next ones due: what to do next.
    prisma.touchpoint.findMany({
      where: { ...mine, status: "PLANNED" },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: 10,
      select: { id: true, type: true, dueDate: true, account: { select: { id: true, name: true } } },
    }),
    prisma.touchpoint.count({ where: { ...mine, status: "PLANNED", dueDate: { lt: today } } }),
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
    today,
    touchpoints,
    overdueTouchpoints,
    profile,
    toAcknowledge,
    incoming,
  };
}

export type CsmHome = Awaited<ReturnType<typeof getCsmHome>>;
