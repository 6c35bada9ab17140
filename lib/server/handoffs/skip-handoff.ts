import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatCentsWhole } from "@/lib/format";
import { skipSchema, handoffIdField } from "@/lib/handoff/forms";
import type { ActingUser } from "@/lib/server/authz";
import { recordAudit } from "@/lib/server/audit";
import { assertOwningAe, findVisibleHandoff } from "@/lib/server/handoffs/access";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { getSettings } from "@/lib/server/settings/get-settings";

export const skipHandoffInput = skipSchema.extend(handoffIdField);

/** A handoff may be skipped only for deals at or under the threshold, only with a reason, and it is audited. */
export async function skipHandoff(actor: ActingUser, input: z.infer<typeof skipHandoffInput>, now = new Date()): Promise<void> {
  const { handoffId, reason } = skipHandoffInput.parse(input);
  await prisma.$transaction(async (tx) => {
    await lockHandoff(tx, handoffId);
    const access = await findVisibleHandoff(actor, handoffId, tx);
    assertOwningAe(actor, access);
    if (access.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "Only a handoff in progress can be skipped.");
    const [deal, settings] = await Promise.all([
      access.dealId ? tx.deal.findUnique({ where: { id: access.dealId }, select: { amountCents: true } }) : null,
      getSettings(tx),
    ]);
    const limit = BigInt(settings.handoff.neverSkipAboveCents);
    if (!deal || deal.amountCents > limit) {
      throw new AppError(
        "VALIDATION",
        `A handoff can never be skipped for deals over ${formatCentsWhole(limit)}${deal ? ` (this deal: ${formatCentsWhole(deal.amountCents)})` : ""}.`,
        { reason: ["This handoff cannot be skipped"] },
      );
    }
    await tx.handoff.update({
      where: { id: handoffId },
      data: { status: "SKIPPED", skippedAt: now, skipReason: reason, skippedById: actor.id, version: { increment: 1 } },
    });
    await recordAudit(tx, { actorId: actor.id, action: "handoff.skipped", entityType: "Handoff", entityId: handoffId, data: { reason } });
  });
}
