import "server-only";
import { prefillChecklist } from "@/lib/handoff/prefill";
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
  const champion = handoff.account.contacts.filter((contact) => contact.role === "CHAMPION").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
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
