import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checklistDraftSchema, type ChecklistDraft } from "@/lib/handoff/checklist";
import type { ActingUser } from "@/lib/server/authz";
import { assertOwningAe, findVisibleHandoff } from "@/lib/server/handoffs/access";

export const saveChecklistInput = z.object({
  handoffId: z.string().min(1),
  version: z.number().int().min(1),
  checklist: checklistDraftSchema,
});

export type SaveChecklistResult =
  | { status: "saved"; version: number }
  | { status: "stale"; version: number; checklist: ChecklistDraft; savedAt: Date };

/**
 * Autosave of the wizard. A save names the version it edited; if another tab saved since, it is refused
 * and the newer version returned, so nothing is silently overwritten. The fast path is one UPDATE.
 */
export async function saveChecklist(actor: ActingUser, input: z.infer<typeof saveChecklistInput>): Promise<SaveChecklistResult> {
  const { handoffId, version, checklist } = saveChecklistInput.parse(input);
  if (actor.role === "AE") {
    const updated = await prisma.handoff.updateMany({
      where: { id: handoffId, version, status: "IN_PROGRESS", deal: { ownerId: actor.id } },
      data: { checklist, version: { increment: 1 } },
    });
    if (updated.count === 1) return { status: "saved", version: version + 1 };
  }

  // Slow path: explain why the save did not apply.
  const handoff = await findVisibleHandoff(actor, handoffId);
  assertOwningAe(actor, handoff);
  if (handoff.status !== "IN_PROGRESS") {
    throw new AppError("CONFLICT", "This handoff has been submitted; its checklist can no longer be changed.");
  }
  const current = await prisma.handoff.findUniqueOrThrow({
    where: { id: handoffId },
    select: { version: true, checklist: true, updatedAt: true },
  });
  return {
    status: "stale",
    version: current.version,
    checklist: checklistDraftSchema.catch({}).parse(current.checklist),
    savedAt: current.updatedAt,
  };
}
