import "server-only";
import { prisma } from "@/lib/db";
import { businessMsBetween } from "@/lib/business-hours";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { getSettings } from "@/lib/server/settings/get-settings";

export async function getManagerHome(user: ActingUser, now = new Date()) {
  assertRole(user, ["CS_MANAGER"]);
  const [settings, pendingAssignments, pendingCount, openHandoffs, overdueCount] = await Promise.all([
    getSettings(),
    prisma.csmAssignment.findMany({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      take: 10,
      select: {
        id: true,
        createdAt: true,
        suggestedScore: true,
        suggestedCsm: { select: { name: true } },
        account: { select: { name: true, segment: true, arrCents: true } },
        handoff: { select: { dueAt: true, deal: { select: { amountCents: true } } } },
      },
    }),
    prisma.csmAssignment.count({ where: { status: "PENDING" } }),
    prisma.handoff.findMany({
      where: { status: { in: ["IN_PROGRESS", "SUBMITTED"] } },
      orderBy: { dueAt: "asc" },
      take: 10,
      select: {
        id: true,
        status: true,
        dueAt: true,
        account: { select: { name: true } },
        deal: { select: { amountCents: true, owner: { select: { name: true } } } },
      },
    }),
    prisma.handoff.count({ where: { status: { in: ["IN_PROGRESS", "SUBMITTED"] }, dueAt: { lt: now } } }),
  ]);
  return {
    pendingAssignments,
    pendingCount,
    openHandoffs: openHandoffs.map((handoff) => ({
      ...handoff,
      businessMsLeft: businessMsBetween(now, handoff.dueAt, settings.calendar),
    })),
    overdueCount,
  };
}

export type ManagerHome = Awaited<ReturnType<typeof getManagerHome>>;
