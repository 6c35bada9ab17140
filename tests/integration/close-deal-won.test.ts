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

    const handoff = await prisma.handoff.findUniqueOrThrow({ where: { id: result.handoffId }, include: { policySteps: true } });
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
