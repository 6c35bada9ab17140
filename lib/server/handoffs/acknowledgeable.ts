import "server-only";
import { prisma } from "@/lib/db";
import type { ActingUser } from "@/lib/server/authz";
import { acknowledgesHandoffs } from "@/lib/server/handoffs/permissions";

/**
 * Completed handoffs waiting for this CSM's acknowledgment (of accounts assigned to them), for the forms on
 * their home and in their notifications. Empty for anyone else: only the assigned CSM acknowledges.
 */
export async function handoffsToAcknowledge(actor: ActingUser, handoffIds?: readonly string[]) {
  if (!acknowledgesHandoffs(actor)) return [];
  return prisma.handoff.findMany({
    where: { status: "COMPLETED", account: { csmId: actor.id }, ...(handoffIds ? { id: { in: [...handoffIds] } } : {}) },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
    take: 20,
    select: { id: true, completedAt: true, account: { select: { name: true } }, deal: { select: { name: true, owner: { select: { name: true } } } } },
  });
}
