import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { rejectInput, type RejectInput } from "@/lib/assignment/decision";
import { parseSnapshot } from "@/lib/assignment/snapshot";
import { recordAudit } from "@/lib/server/audit";
import type { ActingUser } from "@/lib/server/authz";
import { assertCanApproveAssignment } from "@/lib/server/assignments/permissions";
import { inTransaction, STATUS_WORDS, type DecisionOptions } from "@/lib/server/assignments/approve-assignment";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import { validationError } from "@/lib/server/assignments/validation";

export interface Rejection {
  assignmentId: string;
  /** The fresh suggestion that puts the handoff back in the queue; null for an assignment without a handoff. */
  requeuedAssignmentId: string | null;
}

/**
 * Rejects a suggestion with a reason. The handoff goes back to the review queue with a fresh suggestion
 * (the engine excludes nobody for having been rejected: the manager can pick another candidate there).
 */
export async function rejectAssignment(actor: ActingUser, input: RejectInput, options: DecisionOptions = {}): Promise<Rejection> {
  assertCanApproveAssignment(actor);
  const parsed = rejectInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { assignmentId, reason } = parsed.data;
  const now = options.now ?? new Date();
  return inTransaction(options, async (tx) => {
    const peek = await tx.csmAssignment.findUnique({ where: { id: assignmentId }, select: { handoffId: true } });
    if (!peek) throw notFound("The assignment");
    // Same order as a handoff submit (handoff, then its assignment), so the two cannot deadlock.
    if (peek.handoffId) await tx.$queryRaw`SELECT id FROM "Handoff" WHERE id = ${peek.handoffId} FOR UPDATE`;
    await tx.$queryRaw`SELECT id FROM "CsmAssignment" WHERE id = ${assignmentId} FOR UPDATE`;
    const assignment = await tx.csmAssignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { status: true, accountId: true, handoffId: true, suggestedCsmId: true, suggestedScore: true, candidates: true },
    });
    if (assignment.status !== "PENDING") {
      throw new AppError("CONFLICT", `This suggestion was already ${STATUS_WORDS[assignment.status]}; reload to see the decision.`);
    }
    await tx.csmAssignment.update({
      where: { id: assignmentId },
      data: { status: "REJECTED", decidedById: actor.id, decidedAt: now, reason },
    });
    const snapshot = parseSnapshot(assignment.candidates);
    const requeued = assignment.handoffId ? await createCsmSuggestion(tx, { handoffId: assignment.handoffId, now }) : null;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assignment.rejected",
      entityType: "CsmAssignment",
      entityId: assignmentId,
      data: {
        accountId: assignment.accountId,
        handoffId: assignment.handoffId,
        decidedBy: { id: actor.id, name: actor.name },
        reason,
        suggested: { csmId: assignment.suggestedCsmId, score: assignment.suggestedScore?.toString() ?? null, computedAt: snapshot?.computedAt ?? null },
        candidates: (snapshot?.candidates ?? []).slice(0, 5).map((candidate) => ({ csmId: candidate.userId, name: candidate.name, score: candidate.score })),
        requeuedAssignmentId: requeued?.assignmentId ?? null,
      },
    });
    return { assignmentId, requeuedAssignmentId: requeued?.assignmentId ?? null };
  });
}
