import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toIsoDate } from "@/lib/dates";
import { checklistDraftSchema, completeChecklist } from "@/lib/handoff/checklist";
import type { ActingUser } from "@/lib/server/authz";
import { recordAudit } from "@/lib/server/audit";
import { notifySlack } from "@/lib/server/slack/notify-slack";
import { suggestCsmAtClose } from "@/lib/server/assignments/suggest-at-close";
import { applySubmittedChecklist } from "@/lib/server/handoffs/apply-checklist";
import { assertOwningAe, findVisibleHandoff } from "@/lib/server/handoffs/access";
import { completeIfDone } from "@/lib/server/handoffs/complete-if-done";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { getSettings } from "@/lib/server/settings/get-settings";

/**
 * The gate: submit is refused, naming every missing item, until the checklist is complete — and, for a
 * strategic account, until the handoff meeting is logged. Submitting copies the answers onto the deal and
 * the account (stakeholders, products, segment), moves training and go-live to the AE's timeline and
 * re-assesses the risk. The CSM suggestion was made at closed-won; only a handoff opened before that rule
 * (with no suggestion at all) gets one here.
 */
export async function submitHandoff(actor: ActingUser, handoffId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockHandoff(tx, handoffId);
    const access = await findVisibleHandoff(actor, handoffId, tx);
    assertOwningAe(actor, access);
    if (access.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This handoff has already been submitted.");

    const handoff = await tx.handoff.findUniqueOrThrow({
      where: { id: handoffId },
      select: {
        checklist: true,
        account: { select: { strategic: true, csmId: true } },
        deal: { select: { closeDate: true } },
        policySteps: { where: { step: "HANDOFF_MEETING" }, select: { completedAt: true } },
      },
    });
    const settings = await getSettings(tx);
    const draft = checklistDraftSchema.catch({}).parse(handoff.checklist);
    const result = completeChecklist(draft, { closeDate: handoff.deal ? toIsoDate(handoff.deal.closeDate) : undefined });
    const missing = result.ok ? [] : result.missing.map((item) => `${item.label}: ${item.problems.join("; ")}`);
    const meetingLogged = Boolean(handoff.policySteps[0]?.completedAt);
    // Strategic by the account or by the checklist: unticking the box cannot skip the meeting.
    const strategic = handoff.account.strategic || draft.contract?.strategic === true;
    if (strategic && settings.handoff.strategicNeedsMeeting && !meetingLogged) {
      missing.push("Handoff meeting: strategic accounts need the handoff meeting with the CS manager before submit");
    }
    if (!result.ok || missing.length > 0) {
      throw new AppError("VALIDATION", `Complete these before submitting: ${missing.join(" · ")}`, { items: missing });
    }

    await tx.handoff.update({
      where: { id: handoffId },
      data: { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
    });
    await applySubmittedChecklist(tx, { accountId: access.accountId, dealId: access.dealId, checklist: result.checklist, settings, actorId: actor.id, now });
    await suggestCsmAtClose(tx, handoffId, now);
    await recordAudit(tx, { actorId: actor.id, action: "handoff.submitted", entityType: "Handoff", entityId: handoffId });
    await notifySlack(tx, { kind: "handoff.submitted", handoffId });
    await completeIfDone(tx, handoffId, now, actor.id);
  });
}
