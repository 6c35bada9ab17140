import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { parseSnapshot } from "@/lib/assignment/snapshot";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { createCsmSuggestion, suggestCsmIfNeeded } from "@/lib/server/assignments/create-suggestion";
import { approveAssignment, overrideAssignment } from "@/lib/server/assignments/approve-assignment";
import { approveTopSuggestions } from "@/lib/server/assignments/approve-assignments";
import { rejectAssignment } from "@/lib/server/assignments/reject-assignment";
import { bookLoads } from "@/lib/server/assignments/csm-load";
import { listAssignmentQueue, queueParams } from "@/lib/server/assignments/list-assignment-queue";
import { getAssignmentReview } from "@/lib/server/assignments/get-assignment-review";
import type { Segment } from "@/lib/generated/prisma/enums";
import { createAccount, createCsm, createDeal, createProduct, createUser, fillBook, closeToHandoff } from "./support/fixtures";

/** A closed-won new customer (account ARR still 0, as the closed-won flow leaves it) with its handoff. */
async function closedWonHandoff(options: { segment?: Segment; amountCents?: bigint; productIds?: string[] } = {}) {
  const ae = await createUser("AE");
  const account = await createAccount({ segment: options.segment ?? "MID_MARKET" });
  const deal = await createDeal(account.id, ae.id, { amountCents: options.amountCents ?? 6_000_000n });
  if (options.productIds?.length) {
    await prisma.dealProduct.createMany({ data: options.productIds.map((productId) => ({ dealId: deal.id, productId })) });
  }
  const handoffId = await closeToHandoff(ae, deal.id, { at: new Date("2026-11-16T15:00:00Z") });
  return { ae, account, deal, handoffId };
}

async function suggest(handoffId: string): Promise<string> {
  const { assignmentId } = await prisma.$transaction((tx) => createCsmSuggestion(tx, { handoffId }));
  return assignmentId;
}

describe("createCsmSuggestion — suggestions are stored with their breakdown", () => {
  it("stores the top candidate, every term of every breakdown, the loads and the excluded CSMs with reasons", async () => {
    const core = await createProduct({ name: "Core" });
    const api = await createProduct({ name: "API Gateway", technical: true });
    const best = await createCsm({
      name: "Priya Patel",
      segments: ["MID_MARKET"],
      industries: ["Software"],
      timezone: "America/New_York",
      languages: ["English"],
      npsScore: 50,
      retentionRate: 90,
      productIds: [core.id],
      certifiedProductIds: [api.id],
    });
    const other = await createCsm({ name: "Sam Rivera", certifiedProductIds: [api.id] });
    const enterprise = await createCsm({ name: "Olivia Bennett", tier: "ENTERPRISE", certifiedProductIds: [api.id] });
    const uncertified = await createCsm({ name: "Camila Costa" });
    await fillBook(best.id, 10, 5_000_000n);
    const { handoffId, account } = await closedWonHandoff({ amountCents: 7_850_000n, productIds: [core.id, api.id] });

    const assignmentId = await suggest(handoffId);
    const row = await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(row).toMatchObject({ status: "PENDING", accountId: account.id, handoffId, suggestedCsmId: best.id });
    // 100 base + 25 segment + 20 industry + 10 (Core) + 15 timezone + 15 language + 50 × 0.2 + 90 × 0.3
    expect(row.suggestedScore?.toString()).toBe("222");

    const snapshot = parseSnapshot(row.candidates);
    expect(snapshot).not.toBeNull();
    expect(snapshot?.accountArrCents).toBe("7850000");
    expect(snapshot?.candidates.map((candidate) => [candidate.name, candidate.score])).toEqual([
      ["Priya Patel", 222],
      ["Sam Rivera", 100],
    ]);
    const top = snapshot?.candidates[0];
    expect(top?.breakdown.map((term) => [term.label, term.points])).toEqual([
      ["Base", 100],
      ["Capacity", 0],
      ["Segment expertise", 25],
      ["Industry expertise", 20],
      ["Product expertise", 10],
      ["Timezone", 15],
      ["Language", 15],
      ["NPS", 10],
      ["Retention", 27],
    ]);
    expect(top?.breakdown.find((term) => term.key === "segment")?.detail).toBe("covers Mid-Market");
    expect(top?.load).toEqual({ accounts: 10, maxAccounts: 30, arrCents: "50000000", maxArrCents: "200000000" });
    expect(snapshot?.excluded).toEqual([
      { userId: uncertified.id, name: "Camila Costa", reasons: ["no certification for API Gateway"] },
      { userId: enterprise.id, name: "Olivia Bennett", reasons: ["Enterprise tier, account is Mid-Market"] },
    ]);
    expect(snapshot?.noEligibleHint).toBeNull();
    expect(other.id).toBe(snapshot?.candidates[1]?.userId);
  });

  it("refreshes the pending suggestion instead of adding a second one, and keeps an approved one", async () => {
    const csm = await createCsm({ name: "Lukas Schmidt" });
    const manager = await createUser("CS_MANAGER");
    const { handoffId } = await closedWonHandoff();
    const first = await suggest(handoffId);
    const later = await createCsm({ name: "Aaron Able", languages: ["English"] });
    const second = await suggest(handoffId);
    expect(second).toBe(first);
    expect(await prisma.csmAssignment.count({ where: { handoffId } })).toBe(1);
    expect((await prisma.csmAssignment.findUniqueOrThrow({ where: { id: first } })).suggestedCsmId).toBe(later.id);

    await approveAssignment(manager, { assignmentId: first });
    expect(await suggest(handoffId)).toBe(first);
    expect(await prisma.csmAssignment.count({ where: { handoffId } })).toBe(1);
    expect(csm.id).not.toBe(later.id);
  });

  it("stores why nobody is eligible and what would fix it", async () => {
    await createCsm({ name: "Full Fiona", maxAccounts: 2 }).then((csm) => fillBook(csm.id, 2, 1_000_000n));
    const { handoffId } = await closedWonHandoff();
    const row = await prisma.csmAssignment.findUniqueOrThrow({ where: { id: await suggest(handoffId) } });
    expect(row.suggestedCsmId).toBeNull();
    expect(row.suggestedScore).toBeNull();
    const snapshot = parseSnapshot(row.candidates);
    expect(snapshot?.excluded).toEqual([{ userId: expect.any(String), name: "Full Fiona", reasons: ["at capacity 2/2 accounts"] }]);
    expect(snapshot?.noEligibleHint).toBe("No eligible CSM: 1 Mid-Market CSM is at capacity (1 by accounts) — raise a limit or rebalance.");
  });

  it("suggests for an expansion only when the account has no CSM", async () => {
    const csm = await createCsm({ name: "Mia Johnson" });
    const ae = await createUser("AE");
    const covered = await createAccount({ csmId: csm.id });
    const uncovered = await createAccount();
    const handoffs: string[] = [];
    for (const account of [covered, uncovered]) {
      const deal = await createDeal(account.id, ae.id);
      await prisma.deal.update({ where: { id: deal.id }, data: { type: "EXPANSION" } });
      handoffs.push(await closeToHandoff(ae, deal.id));
    }
    expect(await prisma.$transaction((tx) => suggestCsmIfNeeded(tx, { handoffId: handoffs[0]! }))).toBeNull();
    const made = await prisma.$transaction((tx) => suggestCsmIfNeeded(tx, { handoffId: handoffs[1]! }));
    expect(made).not.toBeNull();
    expect(await prisma.csmAssignment.count()).toBe(1);
  });
});

describe("race-safe approval", () => {
  it("lets exactly one of 20 concurrent approvals onto a CSM with one account slot left succeed", async () => {
    const manager = await createUser("CS_MANAGER");
    const priya = await createCsm({ name: "Priya Patel", maxAccounts: 30 });
    await fillBook(priya.id, 29, 1_000_000n);
    const assignmentIds: string[] = [];
    for (let index = 0; index < 20; index++) assignmentIds.push(await suggest((await closedWonHandoff()).handoffId));
    const rows = await prisma.csmAssignment.findMany({ where: { id: { in: assignmentIds } }, select: { suggestedCsmId: true } });
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row.suggestedCsmId === priya.id)).toBe(true);

    const results = await Promise.allSettled(assignmentIds.map((assignmentId) => approveAssignment(manager, { assignmentId })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refusals = results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason);
    expect(refusals).toHaveLength(19);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: "CONFLICT", message: "Priya Patel is at capacity: 30/30 accounts." });
    }
    expect(await prisma.account.count({ where: { csmId: priya.id } })).toBe(30);
    expect(await prisma.csmAssignment.count({ where: { status: "APPROVED" } })).toBe(1);
    expect(await prisma.csmAssignment.count({ where: { status: "PENDING" } })).toBe(19);
    expect(await prisma.auditEvent.count({ where: { action: "assignment.approved" } })).toBe(1);
  });

  it("never lets a CSM's book pass the ARR limit, even when the new accounts' ARR is not booked yet", async () => {
    const manager = await createUser("CS_MANAGER");
    const sam = await createCsm({ name: "Sam Rivera", maxAccounts: 50, maxArrCents: 200_000_000n });
    await fillBook(sam.id, 5, 38_000_000n); // $1,900,000 of a $2,000,000 limit
    const assignmentIds: string[] = [];
    for (let index = 0; index < 6; index++) {
      assignmentIds.push(await suggest((await closedWonHandoff({ amountCents: 4_000_000n })).handoffId));
    }
    const results = await Promise.allSettled(assignmentIds.map((assignmentId) => approveAssignment(manager, { assignmentId })));
    expect(results).toHaveLength(6);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({
          code: "CONFLICT",
          message: "Sam Rivera would exceed the ARR limit: $1,980,000 + $40,000 > $2,000,000.",
        });
      }
    }
    const load = (await bookLoads(prisma, [sam.id])).get(sam.id);
    expect(load).toEqual({ accounts: 7, arrCents: 198_000_000n });
  });

  it("sets the account's CSM from the close date, hands it the unowned touchpoints and audits the decision", async () => {
    const manager = await createUser("CS_MANAGER");
    const csm = await createCsm({ name: "Noah Clark", npsScore: 35 });
    const { handoffId, account, deal: opened } = await closedWonHandoff();
    const deal = await prisma.deal.findUniqueOrThrow({ where: { id: opened.id } });
    await prisma.touchpoint.createMany({
      data: [
        { accountId: account.id, type: "KICKOFF", dueDate: new Date("2026-11-23"), ruleDate: new Date("2026-11-23") },
        { accountId: account.id, type: "CHECK_IN", dueDate: new Date("2026-12-04"), ruleDate: new Date("2026-12-04"), status: "CANCELLED" },
      ],
    });
    const assignmentId = await suggest(handoffId);
    await expect(approveAssignment(manager, { assignmentId, expectedCsmId: manager.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const decision = await approveAssignment(manager, { assignmentId, expectedCsmId: csm.id });
    expect(decision).toMatchObject({ status: "APPROVED", csmId: csm.id, csmName: "Noah Clark", accountName: account.name });
    const updated = await prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(updated.csmId).toBe(csm.id);
    expect(updated.csmAssignedAt?.toISOString().slice(0, 10)).toBe(deal.closeDate.toISOString().slice(0, 10));
    const touchpoints = await prisma.touchpoint.findMany({ where: { accountId: account.id, sourceDealId: null }, orderBy: { type: "asc" } });
    expect(touchpoints.map((touchpoint) => [touchpoint.type, touchpoint.ownerId])).toEqual([
      ["KICKOFF", csm.id],
      ["CHECK_IN", null],
    ]);
    expect(await prisma.touchpoint.count({ where: { accountId: account.id, status: "PLANNED", ownerId: null } })).toBe(0);
    const row = await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(row).toMatchObject({ status: "APPROVED", chosenCsmId: csm.id, decidedById: manager.id, reason: null });
    expect(row.effectiveDate?.toISOString()).toBe(deal.closeDate.toISOString());

    const [audit] = await prisma.auditEvent.findMany({ where: { action: "assignment.approved", entityId: assignmentId } });
    expect(audit?.actorId).toBe(manager.id);
    const data = audit?.data as Record<string, any>;
    expect(data.decidedBy).toEqual({ id: manager.id, name: manager.name });
    expect(data.chosen).toEqual({ csmId: csm.id, name: "Noah Clark" });
    expect(data.scoreAtSuggestion.score).toBe("107.00");
    expect(data.scoreAtDecision.breakdown.map((term: { label: string }) => term.label)).toContain("Segment expertise");
    expect(data.loadAfter).toMatchObject({ accounts: 1, arrCents: "6000000" });

    await expect(approveAssignment(manager, { assignmentId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This suggestion was already approved; reload to see the decision.",
    });
  });
});

describe("overriding and rejecting", () => {
  it("needs a reason to choose another CSM, and that CSM must be eligible", async () => {
    const manager = await createUser("CS_MANAGER");
    const top = await createCsm({ name: "Top Tess", languages: ["English"] });
    const second = await createCsm({ name: "Second Sid" });
    const enterprise = await createCsm({ name: "Enterprise Ed", tier: "ENTERPRISE" });
    const { handoffId, account } = await closedWonHandoff();
    const assignmentId = await suggest(handoffId);

    const missing = await overrideAssignment(manager, { assignmentId, csmId: second.id, reason: "   " }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["Enter the reason for choosing another CSM."] } });
    await expect(overrideAssignment(manager, { assignmentId, csmId: enterprise.id, reason: "Knows them" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Enterprise Ed is not eligible for ${account.name}: Enterprise tier, account is Mid-Market.`,
    });
    expect((await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe("PENDING");

    const decision = await overrideAssignment(manager, { assignmentId, csmId: second.id, reason: "Existing relationship with the champion" });
    expect(decision.status).toBe("OVERRIDDEN");
    const row = await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(row).toMatchObject({ suggestedCsmId: top.id, chosenCsmId: second.id, reason: "Existing relationship with the champion" });
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).csmId).toBe(second.id);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "assignment.overridden" } });
    expect(audit.data).toMatchObject({ reason: "Existing relationship with the champion", chosen: { csmId: second.id }, suggested: { csmId: top.id } });
  });

  it("needs a reason to reject, then puts the handoff back in the queue with a fresh suggestion", async () => {
    const manager = await createUser("CS_MANAGER");
    await createCsm({ name: "Chloe Dubois" });
    const { handoffId } = await closedWonHandoff();
    const assignmentId = await suggest(handoffId);

    const missing = await rejectAssignment(manager, { assignmentId, reason: "" }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["Enter the reason for rejecting the suggestion."] } });

    const rejection = await rejectAssignment(manager, { assignmentId, reason: "Account needs a Portuguese speaker" });
    expect(rejection.requeuedAssignmentId).not.toBeNull();
    expect(rejection.requeuedAssignmentId).not.toBe(assignmentId);
    const old = await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(old).toMatchObject({ status: "REJECTED", reason: "Account needs a Portuguese speaker", decidedById: manager.id });
    const fresh = await prisma.csmAssignment.findUniqueOrThrow({ where: { id: rejection.requeuedAssignmentId! } });
    expect(fresh).toMatchObject({ status: "PENDING", handoffId });
    expect(parseSnapshot(fresh.candidates)?.candidates.map((candidate) => candidate.name)).toEqual(["Chloe Dubois"]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "assignment.rejected", entityId: assignmentId } });
    expect(audit).toMatchObject({ actorId: manager.id, data: { reason: "Account needs a Portuguese speaker", requeuedAssignmentId: fresh.id } });

    const queue = await listAssignmentQueue(manager, queueParams.parse({}));
    expect(queue.data.map((row) => row.id)).toEqual([fresh.id]);
  });
});

describe("only CS managers and admins decide", () => {
  it("refuses an AE, a CSM or leadership calling the decisions directly, and changes nothing", async () => {
    const csm = await createCsm({ name: "Wei Chen" });
    const { handoffId, account } = await closedWonHandoff();
    const assignmentId = await suggest(handoffId);
    for (const role of ["AE", "CSM", "LEADERSHIP"] as const) {
      const actor = role === "CSM" ? csm : await createUser(role);
      await expect(approveAssignment(actor, { assignmentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(overrideAssignment(actor, { assignmentId, csmId: csm.id, reason: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(rejectAssignment(actor, { assignmentId, reason: "no" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(approveTopSuggestions(actor, { items: [{ assignmentId }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listAssignmentQueue(actor, queueParams.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getAssignmentReview(actor, assignmentId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe("PENDING");
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).csmId).toBeNull();
    expect(await prisma.auditEvent.count({ where: { entityType: "CsmAssignment" } })).toBe(0);
  });

  it("lets an admin approve, and bulk approval reports each row", async () => {
    const admin = await createUser("ADMIN");
    const csm = await createCsm({ name: "Owen Parker", maxAccounts: 1 });
    const first = await suggest((await closedWonHandoff()).handoffId);
    const second = await suggest((await closedWonHandoff()).handoffId);
    const results = await approveTopSuggestions(admin, { items: [{ assignmentId: first }, { assignmentId: second }] });
    expect(results).toEqual([
      { assignmentId: first, ok: true, csmName: "Owen Parker", accountName: expect.any(String) },
      { assignmentId: second, ok: false, error: "Owen Parker is at capacity: 1/1 accounts." },
    ]);
    expect(await prisma.account.count({ where: { csmId: csm.id } })).toBe(1);
  });
});

describe("the review queue", () => {
  it("filters by segment, by no eligible CSM and by account name, and sorts and pages in SQL", async () => {
    const manager = await createUser("CS_MANAGER");
    await createCsm({ name: "Mid Mo" });
    const mid = await Promise.all([6_000_000n, 9_000_000n, 3_000_000n].map((amountCents) => closedWonHandoff({ amountCents })));
    const scale = await closedWonHandoff({ segment: "SCALE", amountCents: 1_000_000n });
    for (const entry of [...mid, scale]) await suggest(entry.handoffId);

    const all = await listAssignmentQueue(manager, queueParams.parse({ sort: "arr", dir: "desc", perPage: "5" }));
    expect(all.count).toBe(4);
    expect(all.data.map((row) => row.arrCents)).toEqual([9_000_000n, 6_000_000n, 3_000_000n, 1_000_000n]);
    expect(all.data[0]).toMatchObject({ topCsmName: "Mid Mo", segment: "MID_MARKET", candidateCount: 1 });
    expect(all.data[0]?.businessMsLeft).toEqual(expect.any(Number));

    const scaleOnly = await listAssignmentQueue(manager, queueParams.parse({ segment: "SCALE" }));
    expect(scaleOnly.data.map((row) => row.accountName)).toEqual([scale.account.name]);
    const none = await listAssignmentQueue(manager, queueParams.parse({ eligible: "none" }));
    expect(none.data).toEqual([expect.objectContaining({ accountName: scale.account.name, topCsmName: null, score: null })]);
    const search = await listAssignmentQueue(manager, queueParams.parse({ q: mid[1]!.account.name.slice(-8).toUpperCase() }));
    expect(search.data.map((row) => row.accountName)).toEqual([mid[1]!.account.name]);
    const page2 = await listAssignmentQueue(manager, queueParams.parse({ sort: "arr", dir: "asc", perPage: "5", page: "1" }));
    expect(page2.data.map((row) => row.arrCents)).toEqual([1_000_000n, 3_000_000n, 6_000_000n, 9_000_000n]);
    expect(queueParams.parse({ sort: "nonsense", segment: "nope", eligible: "x" })).toMatchObject({ sort: "timeLeft", segment: undefined, eligible: "all" });
  });
});
