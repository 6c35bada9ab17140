import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { completeTouchpointSchema } from "@/lib/renewals/forms";
import { canManageAccount } from "@/lib/server/accounts/permissions";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { onPlanningTouchpointDone } from "@/lib/server/handoffs/flows/flow-steps";

/**
 * The CSM marks a touchpoint done with notes: the touchpoint's owner or the account's CSM (CS managers and
 * admins may record it for them). Anyone else is told it does not exist.
 */
export async function completeTouchpoint(actor: ActingUser, input: z.input<typeof completeTouchpointSchema>, now = new Date()): Promise<void> {
  assertRole(actor, ["CSM", "CS_MANAGER", "ADMIN"]);
  const parsed = completeTouchpointSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Touchpoint" WHERE id = ${parsed.touchpointId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("The touchpoint");
    const touchpoint = await tx.touchpoint.findUniqueOrThrow({
      where: { id: parsed.touchpointId },
      select: { id: true, status: true, ownerId: true, accountId: true, type: true, renewalOpportunityId: true, account: { select: { csmId: true } } },
    });
    if (touchpoint.ownerId !== actor.id && !canManageAccount(actor, touchpoint.account)) throw notFound("The touchpoint");
    if (touchpoint.status !== "PLANNED") throw new AppError("CONFLICT", touchpoint.status === "DONE" ? "This touchpoint is already done." : "This touchpoint was cancelled.");
    await tx.touchpoint.update({ where: { id: touchpoint.id }, data: { status: "DONE", completedAt: now, notes: parsed.notes } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "touchpoint.completed",
      entityType: "Touchpoint",
      entityId: touchpoint.id,
      data: { accountId: touchpoint.accountId, type: touchpoint.type, notes: parsed.notes },
    });
    await onPlanningTouchpointDone(tx, touchpoint, actor.id, now);
  });
}
