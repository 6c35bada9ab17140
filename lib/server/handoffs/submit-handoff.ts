import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checklistDraftSchema, completeChecklist, type Checklist } from "@/lib/handoff/checklist";
import type { ActingUser } from "@/lib/server/authz";
import { recordAudit } from "@/lib/server/audit";
import { notifySlack } from "@/lib/server/slack/notify-slack";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import { assertOwningAe, findVisibleHandoff } from "@/lib/server/handoffs/access";
import { completeIfDone } from "@/lib/server/handoffs/complete-if-done";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { getSettings } from "@/lib/server/settings/get-settings";

/**
 * The gate: submit is refused, naming every missing item, until the checklist is complete — and, for a
 * strategic account, until the handoff meeting is logged. Submitting copies the answers onto the deal and
 * the account's stakeholders, and asks for a CSM suggestion when the account has no CSM yet.
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
        policySteps: { where: { step: "HANDOFF_MEETING" }, select: { completedAt: true } },
      },
    });
    const settings = await getSettings(tx);
    const result = completeChecklist(checklistDraftSchema.catch({}).parse(handoff.checklist));
    const missing = result.ok ? [] : result.missing.map((item) => `${item.label}: ${item.problems.join("; ")}`);
    const meetingLogged = Boolean(handoff.policySteps[0]?.completedAt);
    if (handoff.account.strategic && settings.handoff.strategicNeedsMeeting && !meetingLogged) {
      missing.push("Handoff meeting: strategic accounts need the handoff meeting with the CS manager before submit");
    }
    if (!result.ok || missing.length > 0) {
      throw new AppError("VALIDATION", `Complete these before submitting: ${missing.join(" · ")}`, { items: missing });
    }

    await tx.handoff.update({
      where: { id: handoffId },
      data: { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
    });
    await copyAnswers(tx, access.accountId, access.dealId, result.checklist);
    if (!handoff.account.csmId) await createCsmSuggestion(tx, { handoffId, now });
    await recordAudit(tx, { actorId: actor.id, action: "handoff.submitted", entityType: "Handoff", entityId: handoffId });
    await notifySlack(tx, { kind: "handoff.submitted", handoffId });
    await completeIfDone(tx, handoffId, now, actor.id);
  });
}

async function copyAnswers(tx: Tx, accountId: string, dealId: string | null, checklist: Checklist): Promise<void> {
  if (dealId) {
    await tx.deal.update({
      where: { id: dealId },
      data: {
        winReason: checklist.whyTheyBought.winReason,
        painPoints: checklist.whyTheyBought.painPoints,
        competitor: checklist.competitiveContext.competitor,
        risks: checklist.riskFactors.risks.map((risk) => risk.description),
        technicalRequirements: checklist.technicalRequirements.requirements,
        integrations: checklist.technicalRequirements.integrations,
        implementationTimeline: `${checklist.implementationTimeline.start} → ${checklist.implementationTimeline.goLive}`,
      },
    });
  }
  for (const contact of checklist.stakeholders.contacts) {
    const { email, ...rest } = contact;
    await tx.contact.upsert({
      where: { accountId_email: { accountId, email } },
      create: { accountId, email, ...rest },
      update: rest,
    });
  }
}
