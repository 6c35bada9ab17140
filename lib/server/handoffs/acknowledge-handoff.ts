import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { ActingUser } from "@/lib/server/authz";
import { acknowledgeSchema, handoffIdField } from "@/lib/handoff/forms";
import { recordAudit } from "@/lib/server/audit";
import { findVisibleHandoff } from "@/lib/server/handoffs/access";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { canAcknowledge } from "@/lib/server/handoffs/permissions";

export const acknowledgeHandoffInput = acknowledgeSchema.extend(handoffIdField);

/** The assigned CSM acknowledges a completed handoff and rates it; recorded in the audit log (000 guardrails). */
export async function acknowledgeHandoff(actor: ActingUser, input: z.infer<typeof acknowledgeHandoffInput>, now = new Date()) {
  const parsed = acknowledgeHandoffInput.parse(input);
  await prisma.$transaction(async (tx) => {
    await lockHandoff(tx, parsed.handoffId);
    const access = await findVisibleHandoff(actor, parsed.handoffId, tx);
    if (!canAcknowledge(actor, access)) throw forbidden("Only the account's assigned CSM can acknowledge this handoff.");
    if (access.status === "ACKNOWLEDGED") throw new AppError("CONFLICT", "You have already acknowledged this handoff.");
    if (access.status !== "COMPLETED") throw new AppError("CONFLICT", "The handoff can be acknowledged once the AE and CS manager have completed it.");
    await tx.handoff.update({
      where: { id: access.id },
      data: {
        status: "ACKNOWLEDGED",
        acknowledgedAt: now,
        acknowledgedById: actor.id,
        rating: parsed.rating,
        ratingComment: parsed.comment || null,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "handoff.acknowledged",
      entityType: "Handoff",
      entityId: access.id,
      data: { rating: parsed.rating, comment: parsed.comment },
    });
  });
}
