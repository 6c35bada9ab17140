import "server-only";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { HANDOFF_OPEN_STATUSES } from "@/lib/server/handoffs/list-handoffs";
import { wonSince } from "@/lib/server/deals/list-deals";
import { getSettings } from "@/lib/server/settings/get-settings";

// Each count is the count of the list its figure links to (the same `where`), not the length of a shortened table.
export const AE_RECENT_WIN_DAYS = 30;

export async function getAeHome(user: ActingUser, now = new Date()) {
  assertRole(user, ["AE"]);
  const openHandoffs = { deal: { ownerId: user.id }, status: { in: [...HANDOFF_OPEN_STATUSES] } };
  const [settings, handoffs, openHandoffCount, overdueHandoffCount, openDeals, recentWins] = await Promise.all([
    getSettings(),
    prisma.handoff.findMany({
      where: openHandoffs,
      orderBy: { dueAt: "asc" },
      take: 20,
      select: {
        id: true,
        type: true,
        status: true,
        dueAt: true,
        account: { select: { name: true, strategic: true } },
        deal: { select: { id: true, name: true, amountCents: true } },
      },
    }),
    prisma.handoff.count({ where: openHandoffs }),
    prisma.handoff.count({ where: { ...openHandoffs, dueAt: { lt: now } } }),
    prisma.deal.findMany({
      where: { ownerId: user.id, stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
      orderBy: { closeDate: "asc" },
      take: 20,
      select: { id: true, name: true, stage: true, amountCents: true, closeDate: true, account: { select: { id: true, name: true } } },
    }),
    prisma.deal.count({
      where: { ownerId: user.id, stage: "CLOSED_WON", closedWonAt: { gte: wonSince(now, AE_RECENT_WIN_DAYS) } },
    }),
  ]);
  return {
    handoffs: handoffs.map((handoff) => ({
      ...handoff,
      businessMsLeft: businessMsBetween(now, handoff.dueAt, settings.calendar),
    })),
    openHandoffCount,
    overdueHandoffCount,
    openDeals,
    recentWins,
  };
}

export type AeHome = Awaited<ReturnType<typeof getAeHome>>;
