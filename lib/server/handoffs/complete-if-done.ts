import "server-only";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/server/audit";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { activeUser } from "@/lib/server/notifications/recipients";

/**
 * The 72-hour clock stops when the checklist is submitted and all four policy steps are done. Called
 * after each of those events, in their transaction; records whether it finished within the SLA.
 */
export async function completeIfDone(tx: Tx, handoffId: string, now: Date, actorId: string | null): Promise<boolean> {
  const handoff = await tx.handoff.findUniqueOrThrow({
    where: { id: handoffId },
    select: { status: true, dueAt: true, policySteps: { select: { completedAt: true } }, account: { select: { name: true, csmId: true } } },
  });
  if (handoff.status !== "SUBMITTED") return false;
  if (handoff.policySteps.length < 4 || handoff.policySteps.some((step) => !step.completedAt)) return false;

  const withinSla = now.getTime() <= handoff.dueAt.getTime();
  await tx.handoff.update({
    where: { id: handoffId },
    data: { status: "COMPLETED", completedAt: now, completedWithinSla: withinSla, version: { increment: 1 } },
  });
  await recordAudit(tx, {
    actorId,
    action: "handoff.completed",
    entityType: "Handoff",
    entityId: handoffId,
    data: { completedAt: now.toISOString(), withinSla },
  });
  // The CSM's turn: acknowledge and rate it, straight from the notification, their home or the page.
  const csm = await activeUser(tx, handoff.account.csmId);
  if (csm) {
    await recordAlert(tx, {
      key: `handoff-acknowledge:${handoffId}`,
      now,
      notifications: [
        {
          userId: csm.id,
          kind: "handoff_acknowledge",
          title: `Handoff ready to acknowledge: ${handoff.account.name}`,
          body: "The AE and the CS manager have completed the handoff. Read the handoff document, then acknowledge it and rate it 1–5.",
          link: `/handoffs/${handoffId}#acknowledge`,
        },
      ],
    });
  }
  return true;
}
