import "server-only";
import { prisma } from "@/lib/db";
import { EXPANSION_FLOW, flowState, RENEWAL_FLOW } from "@/lib/handoff/flows";
import type { ActingUser } from "@/lib/server/authz";
import { visibleHandoffOnce, type HandoffAccess } from "@/lib/server/handoffs/access";
import { flowContext } from "@/lib/server/handoffs/flows/flow-steps";
import { canRecordFlowStep, leadsExpansionByDefault, recordsOnlyRenewalPlan } from "@/lib/server/handoffs/permissions";

function hasGuidedFlow(handoff: Pick<HandoffAccess, "type" | "dealId">): boolean {
  return handoff.type === "RENEWAL" || (handoff.type === "EXPANSION" && !handoff.dealId);
}

function defaultDealOwner(actor: ActingUser, accountAe: { id: string; name: string } | null): { value: string; label: string } | null {
  if (accountAe) return { value: accountAe.id, label: accountAe.name };
  return leadsExpansionByDefault(actor) ? { value: actor.id, label: actor.name } : null;
}

/** A Renewal or Expansion handoff's guided flow for the handoff page: steps, who, and what each form needs. */
export async function getFlowView(actor: ActingUser, handoffId: string) {
  const access = await visibleHandoffOnce(actor, handoffId);
  // A New Customer handoff, or an Expansion from a deal, has the wizard instead: nothing more to read.
  if (!hasGuidedFlow(access)) return null;
  const handoff = await prisma.handoff.findUniqueOrThrow({
    where: { id: access.id },
    select: {
      id: true,
      type: true,
      dealId: true,
      status: true,
      renewalOpportunityId: true,
      owner: { select: { name: true, role: true } },
      renewalOpportunity: { select: { name: true, renewalDate: true, amountCents: true, originalDeal: { select: { ownerId: true, owner: { select: { name: true } } } } } },
      flowSteps: { select: { step: true, completedAt: true, data: true, completedBy: { select: { name: true } } } },
      account: { select: { id: true, name: true, aeId: true, csm: { select: { id: true, name: true } }, ae: { select: { id: true, name: true } } } },
    },
  });
  const definitions = handoff.type === "RENEWAL" ? RENEWAL_FLOW : EXPANSION_FLOW;
  const state = flowState(definitions, new Set(handoff.flowSteps.map((s) => s.step)), await flowContext(prisma, handoff));
  const [contacts, catalogue, openDeals] = await Promise.all([
    prisma.contact.findMany({ where: { accountId: handoff.account.id }, orderBy: [{ priority: "asc" }, { name: "asc" }], select: { id: true, name: true, title: true, role: true } }),
    prisma.product.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.deal.findMany({ where: { accountId: handoff.account.id, type: "EXPANSION", stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } }, orderBy: { closeDate: "asc" }, select: { id: true, name: true } }),
  ]);
  const open = handoff.status === "IN_PROGRESS" || handoff.status === "SUBMITTED";
  const canAct = open && canRecordFlowStep(actor, { type: handoff.type, csmId: access.csmId, originalAeId: handoff.renewalOpportunity?.originalDeal.ownerId ?? null }, "ANY");
  return {
    handoff,
    steps: state.steps.map((step) => ({ ...step, record: handoff.flowSteps.find((s) => s.step === step.step) ?? null })),
    complete: state.complete,
    contacts,
    catalogue,
    openDeals,
    canAct,
    renewalPlanOnly: recordsOnlyRenewalPlan(actor, handoff.type),
    defaultOwner: defaultDealOwner(actor, handoff.account.ae),
  };
}

export type FlowView = NonNullable<Awaited<ReturnType<typeof getFlowView>>>;
