import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { businessMsBetween } from "@/lib/business-hours";
import { inIdOrder } from "@/lib/paging";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { HANDOFF_OPEN_STATUSES } from "@/lib/server/handoffs/list-handoffs";
import { getSettings } from "@/lib/server/settings/get-settings";

// Each count is the count of the list its figure links to (the same `where`), not the length of a shortened table.

export async function getManagerHome(user: ActingUser, now = new Date()) {
  assertRole(user, ["CS_MANAGER"]);
  const open = { status: { in: [...HANDOFF_OPEN_STATUSES] } };
  const [settings, pendingAssignments, pendingCount, openHandoffs, openCount, overdueCount] = await Promise.all([
    getSettings(),
    firstPendingAssignments(),
    prisma.csmAssignment.count({ where: { status: "PENDING" } }),
    prisma.handoff.findMany({
      where: open,
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
    prisma.handoff.count({ where: open }),
    prisma.handoff.count({ where: { ...open, dueAt: { lt: now } } }),
  ]);
  const clockRunning = (status: string | undefined) => status === "IN_PROGRESS" || status === "SUBMITTED";
  return {
    pendingAssignments: pendingAssignments.map((assignment) => ({
      ...assignment,
      businessMsLeft: assignment.handoff && clockRunning(assignment.handoff.status) ? businessMsBetween(now, assignment.handoff.dueAt, settings.calendar) : null,
    })),
    pendingCount,
    openHandoffs: openHandoffs.map((handoff) => ({
      ...handoff,
      businessMsLeft: businessMsBetween(now, handoff.dueAt, settings.calendar),
    })),
    openCount,
    overdueCount,
  };
}

export type ManagerHome = Awaited<ReturnType<typeof getManagerHome>>;

const pendingSelect = {
  id: true,
  createdAt: true,
  suggestedScore: true,
  suggestedCsm: { select: { name: true } },
  account: { select: { name: true, segment: true, arrCents: true } },
  handoff: { select: { dueAt: true, status: true, deal: { select: { amountCents: true } } } },
} satisfies Prisma.CsmAssignmentSelect;

/**
 * The queue's first ten in its own order, the handoff due soonest first. Ordered through Prisma's join to the
 * handoff, PostgreSQL hash-joined every handoff to the pending few (110k rows at company scale, 20–25 ms); the
 * handoff's due date looked up per pending assignment is one index probe each (4–7 ms).
 */
async function firstPendingAssignments() {
  const ids = (
    await prisma.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM "CsmAssignment" c WHERE c.status = 'PENDING'
      ORDER BY (SELECT h."dueAt" FROM "Handoff" h WHERE h.id = c."handoffId") ASC NULLS LAST, c."createdAt" ASC, c.id ASC
      LIMIT 10`
  ).map((row) => row.id);
  if (ids.length === 0) return [];
  const rows = await prisma.csmAssignment.findMany({ where: { id: { in: ids } }, select: pendingSelect });
  return inIdOrder(rows, ids);
}
