import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PolicyStep } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/server/audit";
import { completeIfDone } from "@/lib/server/handoffs/complete-if-done";

/**
 * Marks one of the four 72-hour policy steps done, audits it, and stops the clock if it was the last. It leaves
 * the handoff's version alone: that guards the checklist's autosave, which a policy step does not touch.
 */
export async function completePolicyStep(
  tx: Tx,
  input: { handoffId: string; step: PolicyStep; actorId: string; data: Prisma.InputJsonObject; now: Date },
): Promise<void> {
  await tx.handoffPolicyStep.upsert({
    where: { handoffId_step: { handoffId: input.handoffId, step: input.step } },
    create: { handoffId: input.handoffId, step: input.step, completedAt: input.now, completedById: input.actorId, data: input.data },
    update: { completedAt: input.now, completedById: input.actorId, data: input.data },
  });
  await recordAudit(tx, {
    actorId: input.actorId,
    action: `handoff.step.${input.step.toLowerCase()}`,
    entityType: "Handoff",
    entityId: input.handoffId,
    data: input.data,
  });
  await completeIfDone(tx, input.handoffId, input.now, input.actorId);
}
