import "server-only";
import type { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { dollarsToCents } from "@/lib/imports/fields";
import { parseIsoDate } from "@/lib/dates";
import type { FlowStep, HandoffType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  EXPANSION_FLOW,
  expansionDealSchema,
  expansionLeadSchema,
  expansionScopeData,
  expansionScopeSchema,
  flowState,
  forecastCallSchema,
  planningHeldSchema,
  RENEWAL_FLOW,
  renewalPlanSchema,
  stakeholdersConfirmedSchema,
} from "@/lib/handoff/flows";
import type { ActingUser } from "@/lib/server/authz";
import { recordAudit } from "@/lib/server/audit";
import { findVisibleHandoff, type HandoffAccess } from "@/lib/server/handoffs/access";
import { forecastCallRequired } from "@/lib/server/handoffs/flows/forecast-call";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { canRecordFlowStep } from "@/lib/server/handoffs/permissions";

// The steps of the Renewal and Expansion flows, each recorded once (re-recording replaces it), audited, and
// the handoff completed — its clock stopped, SLA recorded — when no required step is left.

type FlowHandoff = HandoffAccess & { type: HandoffType; renewalOpportunityId: string | null; originalAeId: string | null };

async function loadFlowHandoff(tx: Tx, actor: ActingUser, handoffId: string, type: "RENEWAL" | "EXPANSION"): Promise<FlowHandoff> {
  await lockHandoff(tx, handoffId);
  return readFlowHandoff(tx, actor, handoffId, type);
}

/** The open flow handoff the actor sees (not found otherwise), refused when it is of another type or closed. */
export async function readFlowHandoff(tx: Tx, actor: ActingUser, handoffId: string, type: "RENEWAL" | "EXPANSION"): Promise<FlowHandoff> {
  const access = await findVisibleHandoff(actor, handoffId, tx);
  const row = await tx.handoff.findUniqueOrThrow({
    where: { id: access.id },
    select: { type: true, dealId: true, renewalOpportunityId: true, renewalOpportunity: { select: { originalDeal: { select: { ownerId: true } } } } },
  });
  if (row.type !== type || (type === "EXPANSION" && row.dealId)) throw new AppError("CONFLICT", "This step does not belong to this handoff.");
  if (access.status !== "IN_PROGRESS" && access.status !== "SUBMITTED") throw new AppError("CONFLICT", "This handoff is already closed.");
  return { ...access, type: row.type, renewalOpportunityId: row.renewalOpportunityId, originalAeId: row.renewalOpportunity?.originalDeal.ownerId ?? null };
}

function assertRenewalActor(actor: ActingUser, handoff: FlowHandoff, step: FlowStep): void {
  if (!canRecordFlowStep(actor, handoff, step)) throw forbidden("Only the account's CSM (the AE for the plan) or a CS manager can record this step.");
}

export function assertExpansionActor(actor: ActingUser, handoff: FlowHandoff): void {
  if (!canRecordFlowStep(actor, handoff, "ANY")) throw forbidden("Only the account's AE, its CSM or a CS manager can record this step.");
}

async function saveStep(tx: Tx, handoff: FlowHandoff, step: FlowStep, actorId: string, data: Prisma.InputJsonObject, now: Date): Promise<void> {
  await tx.handoffFlowStep.upsert({
    where: { handoffId_step: { handoffId: handoff.id, step } },
    create: { handoffId: handoff.id, step, completedAt: now, completedById: actorId, data },
    update: { completedAt: now, completedById: actorId, data },
  });
  await recordAudit(tx, { actorId, action: `handoff.flow.${step.toLowerCase()}`, entityType: "Handoff", entityId: handoff.id, data });
  await completeFlowIfDone(tx, handoff.id, now, actorId);
}

/** What the flow needs to know beyond its recorded steps (the forecast hook, the planning touchpoint). */
export async function flowContext(tx: Tx, handoff: { type: HandoffType; renewalOpportunityId: string | null }) {
  if (handoff.type !== "RENEWAL" || !handoff.renewalOpportunityId) return { forecastCallRequired: false, planningTouchpointMissing: false };
  const planning = await tx.touchpoint.count({ where: { renewalOpportunityId: handoff.renewalOpportunityId, type: "RENEWAL_PLANNING", status: { not: "CANCELLED" } } });
  return { forecastCallRequired: await forecastCallRequired(tx, handoff.renewalOpportunityId), planningTouchpointMissing: planning === 0 };
}

export async function completeFlowIfDone(tx: Tx, handoffId: string, now: Date, actorId: string | null): Promise<boolean> {
  const handoff = await tx.handoff.findUniqueOrThrow({
    where: { id: handoffId },
    select: { type: true, status: true, dueAt: true, dealId: true, renewalOpportunityId: true, flowSteps: { select: { step: true } } },
  });
  if (handoff.status !== "IN_PROGRESS" && handoff.status !== "SUBMITTED") return false;
  const definitions = handoff.type === "RENEWAL" ? RENEWAL_FLOW : handoff.type === "EXPANSION" && !handoff.dealId ? EXPANSION_FLOW : null;
  if (!definitions) return false;
  const state = flowState(definitions, new Set(handoff.flowSteps.map((s) => s.step)), await flowContext(tx, handoff));
  if (!state.complete) return false;
  const withinSla = now.getTime() <= handoff.dueAt.getTime();
  await tx.handoff.update({ where: { id: handoffId }, data: { status: "COMPLETED", completedAt: now, completedWithinSla: withinSla, version: { increment: 1 } } });
  await recordAudit(tx, { actorId, action: "handoff.completed", entityType: "Handoff", entityId: handoffId, data: { completedAt: now.toISOString(), withinSla, flow: handoff.type } });
  return true;
}

export async function recordRenewalPlan(actor: ActingUser, input: z.input<typeof renewalPlanSchema>, now = new Date()) {
  const parsed = renewalPlanSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const handoff = await loadFlowHandoff(tx, actor, parsed.handoffId, "RENEWAL");
    assertRenewalActor(actor, handoff, "RENEWAL_PLAN");
    const target = parsed.targetAmount ? String(dollarsToCents(parsed.targetAmount)) : null;
    await saveStep(tx, handoff, "RENEWAL_PLAN", actor.id, { strategy: parsed.strategy, targetAmountCents: target, risks: parsed.risks, nextStep: parsed.nextStep }, now);
  });
}

export async function recordStakeholdersConfirmed(actor: ActingUser, input: z.input<typeof stakeholdersConfirmedSchema>, now = new Date()) {
  const parsed = stakeholdersConfirmedSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const handoff = await loadFlowHandoff(tx, actor, parsed.handoffId, "RENEWAL");
    assertRenewalActor(actor, handoff, "STAKEHOLDERS_CONFIRMED");
    const contacts = await tx.contact.findMany({ where: { accountId: handoff.accountId }, select: { id: true, name: true } });
    const confirmed = contacts.filter((c) => parsed.stillInRole.includes(c.id));
    if (confirmed.length === 0) throw new AppError("VALIDATION", "Confirm at least one stakeholder of this account who is still in role.", { stillInRole: ["Confirm at least one stakeholder"] });
    const left = contacts.filter((c) => !parsed.stillInRole.includes(c.id)).map((c) => c.name);
    await saveStep(tx, handoff, "STAKEHOLDERS_CONFIRMED", actor.id, { stillInRole: confirmed.map((c) => c.name), notInRole: left, notes: parsed.notes }, now);
  });
}

export async function recordForecastCall(actor: ActingUser, input: z.input<typeof forecastCallSchema>, now = new Date()) {
  const parsed = forecastCallSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const handoff = await loadFlowHandoff(tx, actor, parsed.handoffId, "RENEWAL");
    assertRenewalActor(actor, handoff, "FORECAST_CALL");
    await saveStep(tx, handoff, "FORECAST_CALL", actor.id, { notes: parsed.notes }, now);
  });
}

/** Holds the renewal's planning touchpoint: marks it done with the notes, which also completes the step. */
export async function recordPlanningHeld(actor: ActingUser, input: z.input<typeof planningHeldSchema>, now = new Date()) {
  const parsed = planningHeldSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const handoff = await loadFlowHandoff(tx, actor, parsed.handoffId, "RENEWAL");
    assertRenewalActor(actor, handoff, "RENEWAL_PLANNING_DONE");
    const touchpoint = handoff.renewalOpportunityId
      ? await tx.touchpoint.findFirst({ where: { renewalOpportunityId: handoff.renewalOpportunityId, type: "RENEWAL_PLANNING", status: { not: "CANCELLED" } }, select: { id: true, status: true } })
      : null;
    if (!touchpoint) throw new AppError("CONFLICT", "This renewal has no renewal-planning touchpoint to hold.");
    if (touchpoint.status === "PLANNED") {
      await tx.touchpoint.update({ where: { id: touchpoint.id }, data: { status: "DONE", completedAt: now, notes: parsed.notes } });
      await recordAudit(tx, { actorId: actor.id, action: "touchpoint.completed", entityType: "Touchpoint", entityId: touchpoint.id, data: { accountId: handoff.accountId, type: "RENEWAL_PLANNING", notes: parsed.notes } });
    }
    await saveStep(tx, handoff, "RENEWAL_PLANNING_DONE", actor.id, { touchpointId: touchpoint.id, notes: parsed.notes }, now);
  });
}

/** When the renewal-planning touchpoint is completed anywhere (the CSM's book), the Renewal flow step follows. */
export async function onPlanningTouchpointDone(tx: Tx, touchpoint: { id: string; type: string; renewalOpportunityId: string | null }, actorId: string, now: Date): Promise<void> {
  if (touchpoint.type !== "RENEWAL_PLANNING" || !touchpoint.renewalOpportunityId) return;
  const handoff = await tx.handoff.findUnique({ where: { renewalOpportunityId: touchpoint.renewalOpportunityId }, select: { id: true, status: true } });
  if (!handoff || (handoff.status !== "IN_PROGRESS" && handoff.status !== "SUBMITTED")) return;
  await tx.handoffFlowStep.upsert({
    where: { handoffId_step: { handoffId: handoff.id, step: "RENEWAL_PLANNING_DONE" } },
    create: { handoffId: handoff.id, step: "RENEWAL_PLANNING_DONE", completedAt: now, completedById: actorId, data: { touchpointId: touchpoint.id } },
    update: {},
  });
  await completeFlowIfDone(tx, handoff.id, now, actorId);
}

export async function recordExpansionScope(actor: ActingUser, input: z.input<typeof expansionScopeSchema>, now = new Date()) {
  const parsed = expansionScopeSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const handoff = await loadFlowHandoff(tx, actor, parsed.handoffId, "EXPANSION");
    assertExpansionActor(actor, handoff);
    const products = await tx.product.findMany({ where: { id: { in: parsed.productIds }, active: true }, select: { id: true, name: true } });
    if (products.length !== new Set(parsed.productIds).size) throw new AppError("VALIDATION", "Some products no longer exist.", { productIds: ["Reload and choose again"] });
    const potentialCents = dollarsToCents(parsed.potential);
    await tx.account.update({ where: { id: handoff.accountId }, data: { expansionPotentialCents: potentialCents } });
    await saveStep(tx, handoff, "EXPANSION_SCOPE", actor.id, { productIds: products.map((p) => p.id), products: products.map((p) => p.name), potentialCents: String(potentialCents), notes: parsed.notes }, now);
  });
}

export async function recordExpansionLead(actor: ActingUser, input: z.input<typeof expansionLeadSchema>, now = new Date()) {
  const parsed = expansionLeadSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const handoff = await loadFlowHandoff(tx, actor, parsed.handoffId, "EXPANSION");
    assertExpansionActor(actor, handoff);
    const lead = await tx.user.findFirst({ where: { id: parsed.leadId, active: true, role: { in: ["AE", "CSM"] } }, select: { id: true, name: true, role: true } });
    if (!lead) throw new AppError("VALIDATION", "Choose an active AE or CSM to lead.", { leadId: ["Choose an active AE or CSM"] });
    // The lead owns the handoff from now on: escalations go to them.
    await tx.handoff.update({ where: { id: handoff.id }, data: { ownerId: lead.id } });
    await saveStep(tx, handoff, "EXPANSION_LEAD", actor.id, { leadId: lead.id, lead: lead.name, role: lead.role }, now);
  });
}

/**
 * The expansion deal: a new EXPANSION deal on the account (owned by an AE, with the scoped products) or an
 * open one linked. Its closed-won then runs the usual flow (its own Expansion handoff with the checklist).
 */
export async function recordExpansionDeal(actor: ActingUser, input: z.input<typeof expansionDealSchema>, now = new Date()): Promise<{ dealId: string }> {
  const parsed = expansionDealSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    const handoff = await loadFlowHandoff(tx, actor, parsed.handoffId, "EXPANSION");
    assertExpansionActor(actor, handoff);
    let dealId: string;
    if (parsed.mode === "link") {
      const deal = await tx.deal.findFirst({ where: { id: parsed.dealId, accountId: handoff.accountId, type: "EXPANSION", stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } }, select: { id: true } });
      if (!deal) throw new AppError("VALIDATION", "Choose an open expansion deal of this account.", { dealId: ["Choose an open expansion deal of this account"] });
      dealId = deal.id;
    } else {
      const owner = await tx.user.findFirst({ where: { id: parsed.ownerId, role: "AE", active: true }, select: { id: true } });
      if (!owner) throw new AppError("VALIDATION", "Choose an active AE to own the deal.", { ownerId: ["Choose an active AE"] });
      const scope = await tx.handoffFlowStep.findUnique({ where: { handoffId_step: { handoffId: handoff.id, step: "EXPANSION_SCOPE" } }, select: { data: true } });
      const productIds = expansionScopeData.parse(scope?.data).productIds.filter(Boolean);
      const account = await tx.account.findUniqueOrThrow({ where: { id: handoff.accountId }, select: { externalId: true } });
      const created = await tx.deal.create({
        data: {
          externalId: `${account.externalId}-EXP-${now.getTime().toString(36)}`,
          accountId: handoff.accountId,
          name: parsed.name,
          type: "EXPANSION",
          stage: "PROPOSAL",
          amountCents: dollarsToCents(parsed.amount),
          termMonths: 12,
          closeDate: parseIsoDate(parsed.closeDate),
          ownerId: owner.id,
          products: { create: productIds.map((productId) => ({ productId })) },
        },
        select: { id: true },
      });
      dealId = created.id;
      await recordAudit(tx, { actorId: actor.id, action: "deal.created", entityType: "Deal", entityId: dealId, data: { via: "expansion_handoff", handoffId: handoff.id } });
    }
    await saveStep(tx, handoff, "EXPANSION_DEAL", actor.id, { dealId, mode: parsed.mode }, now);
    return { dealId };
  });
}
