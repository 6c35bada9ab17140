import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checklistDraftSchema, type ChecklistDraft } from "@/lib/handoff/checklist";
import type { ActingUser } from "@/lib/server/authz";
import { assertOwningAe, findVisibleHandoff } from "@/lib/server/handoffs/access";
import { editsHandoffs } from "@/lib/server/handoffs/permissions";
import { rescoreIfMaterial } from "@/lib/server/assignments/rescore-suggestion";

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
 * and the newer version returned, so nothing is silently overwritten. The version counts checklist edits
 * (and status changes) only: the policy steps, logged beside the checklist, never make a save stale.
 * The fast path is one UPDATE; a change of products, segment, strategic or on-site need re-scores the
 * CSM suggestion.
 */
export async function saveChecklist(actor: ActingUser, input: z.infer<typeof saveChecklistInput>): Promise<SaveChecklistResult> {
  const { handoffId, version, checklist } = saveChecklistInput.parse(input);
  if (editsHandoffs(actor)) {
    // One statement: the guarded update, returning the checklist it replaced (the CTE reads the row as it
    // was before this statement), so a material change can be noticed without a second round trip.
    const rows = await prisma.$queryRaw<{ old: unknown }[]>`
      WITH before AS (SELECT checklist FROM "Handoff" WHERE id = ${handoffId})
      UPDATE "Handoff" h SET checklist = ${JSON.stringify(checklist)}::jsonb, version = h.version + 1, "updatedAt" = NOW()
      FROM "Deal" d
      WHERE h.id = ${handoffId} AND h.version = ${version} AND h.status = 'IN_PROGRESS' AND d.id = h."dealId" AND d."ownerId" = ${actor.id}
      RETURNING (SELECT checklist FROM before) AS old`;
    if (rows.length === 1) {
      await rescoreIfMaterial(handoffId, checklistDraftSchema.catch({}).parse(rows[0]!.old), checklist, actor.id);
      return { status: "saved", version: version + 1 };
    }
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
