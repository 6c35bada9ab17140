import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { identifyExpansion } from "@/lib/server/accounts/identify-expansion";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { getFlowView } from "@/lib/server/handoffs/flows/flow-view";
import {
  recordExpansionDeal,
  recordExpansionLead,
  recordExpansionScope,
  recordForecastCall,
  recordPlanningHeld,
  recordRenewalPlan,
  recordStakeholdersConfirmed,
} from "@/lib/server/handoffs/flows/flow-steps";
import { setForecast } from "@/lib/server/forecast/set-forecast";
import { escalateHandoff } from "@/lib/server/jobs/handlers/escalate-handoffs";
import { openRenewalHandoffs } from "@/lib/server/jobs/handlers/renewal-handoffs";
import { completeTouchpoint } from "@/lib/server/touchpoints/complete-touchpoint";
import { createAccount, createDeal, createProduct, createRenewal, createUser, closeToHandoff } from "./support/fixtures";

const NOW = new Date("2026-11-23T15:00:00Z");

describe("the Renewal handoff's path to done", () => {
  it("has an owner and a due time, steps for the CSM with the AE, completes when they are done and escalates to its owner", async () => {
    const ae = await createUser("AE");
    const csm = await createUser("CSM");
    const account = await createAccount({ csmId: csm.id });
    await prisma.contact.create({ data: { accountId: account.id, name: "Ana Ruiz", role: "CHAMPION", email: "ana@x.test" } });
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: new Date("2027-02-01T00:00:00Z") });
    const planning = await prisma.touchpoint.create({ data: { accountId: account.id, renewalOpportunityId: renewal.id, type: "RENEWAL_PLANNING", dueDate: new Date("2026-11-30T00:00:00Z"), ruleDate: new Date("2026-11-30T00:00:00Z"), ownerId: csm.id } });
    await openRenewalHandoffs(NOW);
    const handoff = await prisma.handoff.findUniqueOrThrow({ where: { renewalOpportunityId: renewal.id } });
    expect(handoff).toMatchObject({ type: "RENEWAL", status: "IN_PROGRESS", ownerId: csm.id });
    expect(handoff.dueAt.getTime()).toBeGreaterThan(NOW.getTime());

    // The AE who sold it sees the flow and may write the plan, not the CSM's steps.
    const view = await getFlowView(ae, handoff.id);
    expect(view?.steps.map((s) => [s.step, s.state])).toEqual([
      ["RENEWAL_PLAN", "open"],
      ["STAKEHOLDERS_CONFIRMED", "open"],
      ["FORECAST_CALL", "not_required"],
      ["RENEWAL_PLANNING_DONE", "open"],
    ]);
    await recordRenewalPlan(ae, { handoffId: handoff.id, strategy: "Multi-year renewal with a 5% uplift", targetAmount: "63000", risks: "", nextStep: "Pricing call on Dec 3" }, NOW);
    const contact = await prisma.contact.findFirstOrThrow({ where: { accountId: account.id } });
    await expect(recordStakeholdersConfirmed(ae, { handoffId: handoff.id, stillInRole: [contact.id], notes: "" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordStakeholdersConfirmed(csm, { handoffId: handoff.id, stillInRole: [], notes: "" }, NOW)).rejects.toThrow(/Confirm at least one stakeholder/);
    await recordStakeholdersConfirmed(csm, { handoffId: handoff.id, stillInRole: [contact.id], notes: "" }, NOW);
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe("IN_PROGRESS");

    // Overdue while open: the escalation goes to its owner, the CSM.
    const late = new Date(handoff.dueAt.getTime() + 60_000);
    await escalateHandoff(handoff.id, late);
    expect(await prisma.notification.count({ where: { userId: csm.id, kind: "handoff_overdue" } })).toBe(1);

    // Holding the planning touchpoint from the CSM's book completes the last step and the handoff.
    await completeTouchpoint(csm, { touchpointId: planning.id, notes: "Walked through usage and pricing" }, late);
    const done = await prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id }, include: { flowSteps: true } });
    expect(done).toMatchObject({ status: "COMPLETED", completedWithinSla: false });
    expect(done.flowSteps.map((s) => s.step).sort()).toEqual(["RENEWAL_PLAN", "RENEWAL_PLANNING_DONE", "STAKEHOLDERS_CONFIRMED"]);
    await expect(recordPlanningHeld(csm, { handoffId: handoff.id, notes: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("of an account without a CSM is owned by a CS manager until one is assigned; an ownerless open handoff is refused", async () => {
    const ae = await createUser("AE");
    const manager = await createUser("CS_MANAGER");
    const account = await createAccount();
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: new Date("2027-02-01T00:00:00Z") });
    await openRenewalHandoffs(NOW);
    expect((await prisma.handoff.findUniqueOrThrow({ where: { renewalOpportunityId: renewal.id } })).ownerId).toBe(manager.id);
    const bare = await createAccount();
    await expect(
      prisma.handoff.create({ data: { type: "RENEWAL", accountId: bare.id, startedAt: NOW, dueAt: NOW } }),
    ).rejects.toThrow(/Handoff_open_has_owner/);
  });
  it("asks for the forecast call once the CSM has called the renewal's forecast, and completes only after it", async () => {
    const ae = await createUser("AE");
    const csm = await createUser("CSM");
    const account = await createAccount({ csmId: csm.id });
    const contact = await prisma.contact.create({ data: { accountId: account.id, name: "Ben Ode", role: "CHAMPION", email: "ben@x.test" } });
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: new Date("2027-02-01T00:00:00Z") });
    await openRenewalHandoffs(NOW);
    const handoff = await prisma.handoff.findUniqueOrThrow({ where: { renewalOpportunityId: renewal.id } });

    await setForecast(csm, { renewalId: renewal.id, category: "COMMIT", amount: "60000", outcome: "FLAT" }, NOW);
    const view = await getFlowView(csm, handoff.id);
    expect(view?.steps.map((s) => [s.step, s.state])).toEqual([
      ["RENEWAL_PLAN", "open"],
      ["STAKEHOLDERS_CONFIRMED", "open"],
      ["FORECAST_CALL", "open"],
      ["RENEWAL_PLANNING_DONE", "not_required"],
    ]);
    await recordRenewalPlan(ae, { handoffId: handoff.id, strategy: "Flat renewal", targetAmount: "60000", risks: "", nextStep: "Send the order form" }, NOW);
    await recordStakeholdersConfirmed(csm, { handoffId: handoff.id, stillInRole: [contact.id], notes: "" }, NOW);
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe("IN_PROGRESS");
    await recordForecastCall(csm, { handoffId: handoff.id, notes: "Commit at flat, order form next week" }, NOW);
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe("COMPLETED");
  });
});

describe("the Expansion handoff's path to done", () => {
  it("scopes the upsell, names who leads, creates the expansion deal — whose closed-won then runs the usual handoff", async () => {
    const ae = await createUser("AE");
    const csm = await createUser("CSM");
    const account = await createAccount({ csmId: csm.id, aeId: ae.id });
    const product = await createProduct({ name: "Insights Analytics" });
    const { handoffId } = await identifyExpansion(csm, { accountId: account.id, potential: "", notes: "Finance team wants dashboards" }, NOW);
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).ownerId).toBe(csm.id);
    // The account's AE sees it and can act.
    expect((await getFlowView(ae, handoffId))?.canAct).toBe(true);

    await expect(recordExpansionScope(ae, { handoffId, productIds: [], potential: "", notes: "" })).rejects.toThrow();
    await recordExpansionScope(ae, { handoffId, productIds: [product.id], potential: "24000.50", notes: "" }, NOW);
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).expansionPotentialCents).toBe(2_400_050n);
    await recordExpansionLead(csm, { handoffId, leadId: ae.id }, NOW);
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).ownerId).toBe(ae.id);
    const { dealId } = await recordExpansionDeal(ae, { handoffId, mode: "create", name: "Analytics upsell", amount: "24000.50", closeDate: "2026-12-15", ownerId: ae.id }, NOW);

    const coordination = await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(coordination).toMatchObject({ status: "COMPLETED", completedWithinSla: true, dealId: null });
    const deal = await prisma.deal.findUniqueOrThrow({ where: { id: dealId }, include: { products: true } });
    expect(deal).toMatchObject({ type: "EXPANSION", stage: "PROPOSAL", amountCents: 2_400_050n, ownerId: ae.id });
    expect(deal.products.map((p) => p.productId)).toEqual([product.id]);

    const closed = await closeDealWon(ae, dealId, { at: NOW });
    expect(closed.created).toBe(true);
    const usual = await prisma.handoff.findUniqueOrThrow({ where: { id: closed.handoffId ?? "" }, include: { policySteps: true } });
    expect(usual).toMatchObject({ type: "EXPANSION", dealId, status: "IN_PROGRESS", ownerId: ae.id });
    expect(usual.policySteps).toHaveLength(4);
  });

  it("links an open expansion deal instead, and refuses someone else's account deal", async () => {
    const ae = await createUser("AE");
    const account = await createAccount({ aeId: ae.id });
    const other = await createAccount();
    const { handoffId } = await identifyExpansion(ae, { accountId: account.id, potential: "10000", notes: "" }, NOW);
    const foreign = await createDeal(other.id, ae.id);
    await prisma.deal.update({ where: { id: foreign.id }, data: { type: "EXPANSION" } });
    await expect(recordExpansionDeal(ae, { handoffId, mode: "link", dealId: foreign.id })).rejects.toThrow(/open expansion deal of this account/);
    const mine = await createDeal(account.id, ae.id);
    await prisma.deal.update({ where: { id: mine.id }, data: { type: "EXPANSION" } });
    await recordExpansionDeal(ae, { handoffId, mode: "link", dealId: mine.id }, NOW);
    const step = await prisma.handoffFlowStep.findUniqueOrThrow({ where: { handoffId_step: { handoffId, step: "EXPANSION_DEAL" } } });
    expect(step.data).toMatchObject({ dealId: mine.id, mode: "link" });
  });
});
