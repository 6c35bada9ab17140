import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { systemActor } from "@/lib/server/actor";
import { createAccount, createDeal, createUser } from "./support/fixtures";

describe("closeDealWon — the one closed-won flow", () => {
  it("opens one New Customer handoff due 72 business hours later, with the four policy steps", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    // Friday 2026-11-13 15:00 New York → due Wednesday 15:00.
    const result = await closeDealWon(ae, deal.id, { at: new Date("2026-11-13T20:00:00Z") });
    expect(result.created).toBe(true);

    const handoff = await prisma.handoff.findUniqueOrThrow({ where: { id: result.handoffId ?? "" }, include: { policySteps: true } });
    expect(handoff).toMatchObject({ type: "NEW_CUSTOMER", status: "IN_PROGRESS", accountId: account.id });
    expect(handoff.dueAt.toISOString()).toBe("2026-11-18T20:00:00.000Z");
    expect(handoff.policySteps.map((step) => step.step).sort()).toEqual([
      "ACCOUNT_SETUP",
      "CLIENT_INTRODUCTION",
      "DOCUMENTATION_TRANSFER",
      "HANDOFF_MEETING",
    ]);
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe("CLOSED_WON");
    expect(await prisma.auditEvent.count({ where: { action: "deal.closed_won", entityId: deal.id } })).toBe(1);
  });

  it("has one effect when called twice", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    const first = await closeDealWon(ae, deal.id);
    const second = await closeDealWon(systemActor("crm"), deal.id);
    expect(second).toEqual({ handoffId: first.handoffId, created: false });
    expect(await prisma.handoff.count({ where: { dealId: deal.id } })).toBe(1);
  });

  it("has one effect when called ten times at once", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => closeDealWon(ae, deal.id)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.handoffId)).size).toBe(1);
    expect(await prisma.handoff.count({ where: { dealId: deal.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "deal.closed_won" } })).toBe(1);
  });

  it("refuses an AE who does not own the deal, and a CSM", async () => {
    const owner = await createUser("AE");
    const otherAe = await createUser("AE");
    const csm = await createUser("CSM");
    const account = await createAccount();
    const deal = await createDeal(account.id, owner.id);
    await expect(closeDealWon(otherAe, deal.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(closeDealWon(csm, deal.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.handoff.count()).toBe(0);
  });

  it("refuses a closed-lost deal", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id, { stage: "CLOSED_LOST" });
    await expect(closeDealWon(ae, deal.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("closeDealWon — the renewal pipeline in the same transaction", () => {
  it("creates the renewal opportunity, the touchpoints and the initial risk", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id, { amountCents: 12_345_67n });
    const product = await prisma.product.create({ data: { name: "Renewals Hub", technical: false } });
    await prisma.dealProduct.create({ data: { dealId: deal.id, productId: product.id } });
    await prisma.deal.update({ where: { id: deal.id }, data: { contractStart: new Date("2026-12-01T00:00:00Z"), termMonths: 12 } });

    // Monday 2026-11-16 10:00 New York.
    await closeDealWon(ae, deal.id, { at: new Date("2026-11-16T15:00:00Z") });

    const renewal = await prisma.renewalOpportunity.findUniqueOrThrow({ where: { originalDealId: deal.id }, include: { products: true } });
    expect(renewal).toMatchObject({ amountCents: 12_345_67n, stage: "RENEWAL_PENDING", contractTermMonths: 12, accountId: account.id });
    expect(renewal.renewalDate.toISOString().slice(0, 10)).toBe("2027-12-01");
    expect(renewal.originalCloseDate.toISOString().slice(0, 10)).toBe("2026-11-16");
    expect(renewal.products.map((p) => p.productId)).toEqual([product.id]);

    const touchpoints = await prisma.touchpoint.findMany({ where: { sourceDealId: deal.id }, orderBy: { dueDate: "asc" } });
    const byType = Object.fromEntries(touchpoints.map((t) => [t.type, t]));
    expect(touchpoints).toHaveLength(9);
    expect(byType.KICKOFF?.dueDate.toISOString().slice(0, 10)).toBe("2026-11-19");
    expect(byType.QBR?.aeInvited).toBe(true);
    // Renewal-side: 2027-12-01 − 90 days = 2027-09-02 (Thursday).
    expect(byType.RENEWAL_PLANNING?.dueDate.toISOString().slice(0, 10)).toBe("2027-09-02");
    expect(byType.RENEWAL_PLANNING?.renewalOpportunityId).toBe(renewal.id);

    const risk = await prisma.riskAssessment.findFirstOrThrow({ where: { dealId: deal.id } });
    expect(risk.trigger).toBe("closed_won");
    expect((risk.factors as { factor: string }[]).map((f) => f.factor)).toEqual([
      "implementation_complexity",
      "stakeholder_turnover",
      "competitive_threat",
      "contract_structure",
      "usage_prediction",
    ]);
  });

  it("makes one renewal opportunity and one set of touchpoints when called twice and concurrently", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    await Promise.all(Array.from({ length: 8 }, () => closeDealWon(ae, deal.id)));
    await closeDealWon(ae, deal.id);
    expect(await prisma.renewalOpportunity.count({ where: { originalDealId: deal.id } })).toBe(1);
    expect(await prisma.touchpoint.count({ where: { sourceDealId: deal.id } })).toBe(9);
    expect(await prisma.riskAssessment.count({ where: { dealId: deal.id } })).toBe(1);
  });

  it("is enforced by the database, not only by code", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    await closeDealWon(ae, deal.id);
    await expect(
      prisma.renewalOpportunity.create({
        data: { accountId: account.id, originalDealId: deal.id, name: "Duplicate", amountCents: 1n, renewalDate: new Date(), originalCloseDate: new Date(), contractTermMonths: 12 },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("schedules short-contract renewal dates as soon as possible and flags them", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    await prisma.deal.update({ where: { id: deal.id }, data: { termMonths: 2 } });
    await closeDealWon(ae, deal.id, { at: new Date("2026-11-16T15:00:00Z") });
    const planning = await prisma.touchpoint.findFirstOrThrow({ where: { sourceDealId: deal.id, type: "RENEWAL_PLANNING" } });
    expect(planning.asapFlag).toBe(true);
    expect(planning.dueDate.getTime()).toBeGreaterThan(new Date("2026-11-16T00:00:00Z").getTime());
  });
});
