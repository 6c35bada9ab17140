import "server-only";
import type { Tx } from "@/lib/db";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";

/**
 * SPEC: "The suggestion is made at closed-won, in the closed-won flow", so a CS manager can approve while the
 * AE completes the checklist. Called once inside closeDealWon's transaction for the handoff it opened; an
 * account that already has a CSM needs none. Never makes a second suggestion: once one exists for the handoff
 * (pending or decided), this does nothing, so later callers (a submit of an older handoff) stay harmless.
 */
export async function suggestCsmAtClose(tx: Tx, handoffId: string, now: Date): Promise<{ assignmentId: string } | null> {
  const handoff = await tx.handoff.findUnique({
    where: { id: handoffId },
    select: { account: { select: { csmId: true } }, _count: { select: { assignments: true } } },
  });
  if (!handoff || handoff.account.csmId || handoff._count.assignments > 0) return null;
  return createCsmSuggestion(tx, { handoffId, now });
}
