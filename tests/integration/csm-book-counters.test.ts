import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { approveAssignment } from "@/lib/server/assignments/approve-assignment";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import { bookLoads } from "@/lib/server/assignments/csm-load";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { closeToHandoff, createAccount, createCsm, createDeal, createUser, fillBook } from "./support/fixtures";

// CsmBook (csm_book_counters migration) holds per CSM the count and book ARR of the accounts whose csmId is the CSM,
// moved by triggers. Here it is compared, after each kind of write, with the aggregate it replaced: every booked
// account at its ARR, or, before its first movement, at its won new-business and expansion deals.

interface Book {
  csmId: string;
  accounts: number;
  arrCents: string;
}

async function aggregate(): Promise<Book[]> {
  return prisma.$queryRaw<Book[]>`
    SELECT a."csmId", COUNT(*)::int AS accounts, SUM(
      CASE WHEN a."arrCents" = 0 AND NOT EXISTS (SELECT 1 FROM "ArrMovement" bm WHERE bm."accountId" = a.id)
        THEN COALESCE((SELECT SUM(bd."amountCents") FROM "Deal" bd
                       WHERE bd."accountId" = a.id AND bd.stage = 'CLOSED_WON' AND bd.type IN ('NEW', 'EXPANSION')), 0)
        ELSE a."arrCents" END)::text AS "arrCents"
    FROM "Account" a WHERE a."csmId" IS NOT NULL GROUP BY a."csmId" ORDER BY a."csmId"`;
}

async function counters(): Promise<Book[]> {
  return prisma.$queryRaw<Book[]>`
    SELECT "csmId", accounts, "arrCents"::text AS "arrCents" FROM "CsmBook" WHERE accounts <> 0 OR "arrCents" <> 0 ORDER BY "csmId"`;
}

async function expectCountersEqualAggregate(expectedCsms: number): Promise<Book[]> {
  const expected = await aggregate();
  expect(expected).toHaveLength(expectedCsms);
  expect(await counters()).toEqual(expected);
  return expected;
}

describe("the CSM book counters", () => {
  it("stay equal to the aggregate through assignment, reassignment, churn, a deal's change and deactivation", async () => {
    const manager = await createUser("CS_MANAGER");
    const admin = await createUser("ADMIN");
    const ada = await createCsm({ name: "Ada Counter" });
    const ben = await createCsm({ name: "Ben Counter" });
    await fillBook(ada.id, 3, 1_000_000n);
    await fillBook(ben.id, 2, 2_500_000n);
    const booked = await expectCountersEqualAggregate(2);
    expect(booked.find((row) => row.csmId === ada.id)).toEqual({ csmId: ada.id, accounts: 3, arrCents: "3000000" });

    // Assignment of a new customer whose ARR is not booked yet: it counts at its won deal's ARR.
    const ae = await createUser("AE");
    const account = await createAccount({ segment: "MID_MARKET" });
    const deal = await createDeal(account.id, ae.id, { amountCents: 4_000_000n });
    const handoffId = await closeToHandoff(ae, deal.id, { at: new Date("2026-11-16T15:00:00Z") });
    const { assignmentId } = await prisma.$transaction((tx) => createCsmSuggestion(tx, { handoffId }));
    const pending = await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { suggestedCsmId: true } });
    expect(pending.suggestedCsmId).not.toBeNull();
    await approveAssignment(manager, { assignmentId });
    const first = pending.suggestedCsmId!;
    const other = first === ada.id ? ben.id : ada.id;
    const afterAssign = await expectCountersEqualAggregate(2);
    const before = booked.find((row) => row.csmId === first)!;
    expect(afterAssign.find((row) => row.csmId === first)).toEqual({ csmId: first, accounts: before.accounts + 1, arrCents: String(BigInt(before.arrCents) + 4_000_000n) });
    expect((await bookLoads(prisma, [first], account.id)).get(first)).toEqual({ accounts: before.accounts, arrCents: BigInt(before.arrCents) });

    // A movement books it at its ARR; a reassignment moves it whole.
    await prisma.arrMovement.create({ data: { accountId: account.id, date: new Date("2026-11-16"), type: "EXPANSION", amountCents: 500_000n } });
    await expectCountersEqualAggregate(2);
    await prisma.account.update({ where: { id: account.id }, data: { csmId: other } });
    const afterMove = await expectCountersEqualAggregate(2);
    expect(afterMove.find((row) => row.csmId === other)?.accounts).toBe((booked.find((row) => row.csmId === other)?.accounts ?? 0) + 1);

    // Churn to zero: still in the book, at no ARR (it has movements now).
    const ledger = await prisma.arrMovement.findMany({ where: { accountId: account.id }, select: { type: true, amountCents: true } });
    expect(ledger.length).toBeGreaterThan(0);
    const arr = ledger.reduce((sum, movement) => sum + (movement.type === "CONTRACTION" || movement.type === "CHURN" ? -movement.amountCents : movement.type === "RENEWAL" ? 0n : movement.amountCents), 0n);
    await prisma.arrMovement.create({ data: { accountId: account.id, date: new Date("2026-11-25"), type: "CHURN", amountCents: arr } });
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id }, select: { arrCents: true } })).arrCents).toBe(0n);
    await expectCountersEqualAggregate(2);

    // A zero-ARR account without movements follows its won deals' changes.
    const fresh = await createAccount({ segment: "MID_MARKET", csmId: ada.id });
    const wonLater = await createDeal(fresh.id, ae.id, { amountCents: 900_000n, stage: "NEGOTIATION" });
    await expectCountersEqualAggregate(2);
    await prisma.deal.update({ where: { id: wonLater.id }, data: { stage: "CLOSED_WON" } });
    expect((await counters()).find((row) => row.csmId === ada.id)?.arrCents).toBe((await aggregate()).find((row) => row.csmId === ada.id)?.arrCents);
    await prisma.deal.update({ where: { id: wonLater.id }, data: { amountCents: 1_100_000n } });
    await expectCountersEqualAggregate(2);
    await prisma.deal.delete({ where: { id: wonLater.id } });
    await expectCountersEqualAggregate(2);

    // Deactivation keeps the book (the suggestion leaves the CSM out); removing the CSM empties it.
    await setUserActive(admin, { userId: ben.id, active: false });
    await expectCountersEqualAggregate(2);
    await prisma.account.updateMany({ where: { csmId: ben.id }, data: { csmId: null } });
    await expectCountersEqualAggregate(1);
    await prisma.user.delete({ where: { id: ada.id } });
    await expectCountersEqualAggregate(0);
    expect(await counters()).toEqual([]);
  });
});
