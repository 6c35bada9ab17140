import "server-only";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { getSettings } from "@/lib/server/settings/get-settings";

export async function getAeHome(user: ActingUser, now = new Date()) {
  assertRole(user, ["AE"]);
  const [settings, handoffs, openDeals, recentWins] = await Promise.all([
    getSettings(),
    prisma.handoff.findMany({
      where: { deal: { ownerId: user.id }, status: { in: ["IN_PROGRESS", "SUBMITTED"] } },
      orderBy: { dueAt: "asc" },
      take: 20,
      select: {
        id: true,
        type: true,
        status: true,
        dueAt: true,
        account: { select: { name: true, strategic: true } },
        deal: { select: { name: true, amountCents: true } },
      },
    }),
    prisma.deal.findMany({
      where: { ownerId: user.id, stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
      orderBy: { closeDate: "asc" },
      take: 20,
      select: { id: true, name: true, stage: true, amountCents: true, closeDate: true, account: { select: { name: true } } },
    }),
    prisma.deal.count({
      where: { ownerId: user.id, stage: "CLOSED_WON", closedWonAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } },
    }),
  ]);
  return {
    handoffs: handoffs.map((handoff) => ({
      ...handoff,
      businessMsLeft: businessMsBetween(now, handoff.dueAt, settings.calendar),
    })),
    openDeals,
    recentWins,
  };
}

export type AeHome = Awaited<ReturnType<typeof getAeHome>>;
