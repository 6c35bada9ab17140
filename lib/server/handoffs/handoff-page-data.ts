import "server-only";
import { prisma } from "@/lib/db";
import { prefillChecklist } from "@/lib/handoff/prefill";
import type { ActingUser } from "@/lib/server/authz";
import { getHandoffView } from "@/lib/server/handoffs/get-handoff-view";
import { introductionDraft } from "@/lib/server/handoffs/policy/client-introduction";

/** The wizard page: the handoff view plus the introduction draft and the checklist prefilled from the deal. */
export async function getHandoffPageData(actor: ActingUser, handoffId: string) {
  const view = await getHandoffView(actor, handoffId);
  const { handoff } = view;
  const introduction = await introductionDraft(prisma, handoff.id);
  const deal = handoff.deal;
  const checklist = deal
    ? prefillChecklist(handoff.checklist, {
        amountCents: deal.amountCents,
        termMonths: deal.termMonths,
        contractStart: deal.contractStart,
        closeDate: deal.closeDate,
        productIds: deal.products.map((p) => p.product.id),
        winReason: deal.winReason,
        painPoints: deal.painPoints,
        competitor: deal.competitor,
        technicalRequirements: deal.technicalRequirements,
        integrations: deal.integrations,
        risks: deal.risks,
        implementationTimeline: deal.implementationTimeline,
        segment: handoff.account.segment,
        strategic: handoff.account.strategic,
        needsOnsite: handoff.account.needsOnsite,
        contacts: handoff.account.contacts,
      })
    : handoff.checklist;
  const meetingStep = handoff.policySteps.find((step) => step.step === "HANDOFF_MEETING");
  const submitBlockers =
    handoff.account.strategic && !meetingStep?.completedAt
      ? ["Handoff meeting: strategic accounts need the handoff meeting with the CS manager before submit"]
      : [];
  const submitted = handoff.status !== "IN_PROGRESS";
  return { view, introduction, checklist, submitBlockers, submitted };
}
