import "server-only";
import { toIsoDate } from "@/lib/dates";
import { earliestChampion } from "@/lib/handoff/champion";
import { checklistStatus } from "@/lib/handoff/checklist";
import { nextSteps } from "@/lib/handoff/next-steps";
import { prefillChecklist } from "@/lib/handoff/prefill";
import type { PolicyStep } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/server/authz";
import { getHandoffView } from "@/lib/server/handoffs/get-handoff-view";
import { buildIntroductionDraft, introductionTemplate } from "@/lib/server/handoffs/policy/client-introduction";

/**
 * The wizard page: the handoff view plus the introduction draft and the checklist prefilled from the deal. The
 * introduction is filled from the view already loaded (one more query, for the template), not read again.
 */
export async function getHandoffPageData(actor: ActingUser, handoffId: string) {
  const [view, template] = await Promise.all([getHandoffView(actor, handoffId), introductionTemplate()]);
  const { handoff } = view;
  const champion = earliestChampion(handoff.account.contacts);
  const introduction = buildIntroductionDraft(
    {
      accountName: handoff.account.name,
      csm: handoff.account.csm ? { name: handoff.account.csm.name, email: handoff.account.csm.email } : null,
      champion: champion ? { name: champion.name, email: champion.email } : null,
      kickoffAt: handoff.account.meetings[0]?.startsAt ?? null,
      ae: handoff.deal?.owner ?? null,
    },
    template,
    view.timezone,
  );
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
  const done = (step: PolicyStep) => Boolean(handoff.policySteps.find((row) => row.step === step)?.completedAt);
  const strategic = handoff.account.strategic || checklist.contract?.strategic === true;
  const submitBlockers =
    strategic && !done("HANDOFF_MEETING")
      ? [{ text: "Handoff meeting: strategic accounts need the handoff meeting with the CS manager before submit", step: "HANDOFF_MEETING" }]
      : [];
  const submitted = handoff.status !== "IN_PROGRESS";
  const closeDate = deal ? toIsoDate(deal.closeDate) : undefined;
  const missing = checklistStatus(checklist, { closeDate }).filter((item) => item.required && !item.complete);
  const assignment = handoff.assignments[0];
  const next = nextSteps({
    status: handoff.status,
    aeName: deal?.owner.name ?? "The AE",
    csmName: handoff.account.csm?.name ?? null,
    suggestedCsmName: assignment?.status === "PENDING" ? (assignment.suggestedCsm?.name ?? null) : null,
    suggestionPending: assignment?.status === "PENDING",
    checklistItemsLeft: missing.length,
    firstMissingItem: missing[0]?.key ?? null,
    steps: {
      HANDOFF_MEETING: done("HANDOFF_MEETING"),
      CLIENT_INTRODUCTION: done("CLIENT_INTRODUCTION"),
      DOCUMENTATION_TRANSFER: done("DOCUMENTATION_TRANSFER"),
      ACCOUNT_SETUP: done("ACCOUNT_SETUP"),
    },
  });
  return { view, introduction, checklist, submitBlockers, submitted, closeDate, nextSteps: next, pendingAssignmentId: assignment?.status === "PENDING" ? assignment.id : null };
}
