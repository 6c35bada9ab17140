import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { parseIsoDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolvePeriod, type Period } from "@/lib/dashboard/period";
import { bridgeLossesSql } from "@/lib/server/dashboard/get-arr-bridge";
import { expansionCreditQuery, expansionCreditRawQuery } from "@/lib/server/dashboard/get-expansion-credit";
import type { DashboardScope } from "@/lib/server/dashboard/scope";
import { createAccount, createUser } from "./support/fixtures";
import { deal, movements } from "./support/dashboard-fixtures";

// The summaries of the account_keyed_summaries migration (ExpansionCreditMonth for the AE expansion credit,
// ArrLossMonth for the ARR bridge's losses by reason) against the rows: after each kind of write, every summary read
// — periods of one to 36 months, credit windows of 1 to 120 months, the whole company, each segment and one AE —
// gives exactly what the same measure computes from the accounts, deals and movements, and the stored rows are
// exactly what a rebuild from scratch writes.

// Read long after the data, so no period ends today (those read the rows).
const LATER = new Date("2031-06-15T00:00:00Z");
const period = (from: string, to: string): Period => resolvePeriod("custom", LATER, from, to);
const PERIODS = [
  period("2026-01", "2026-12"),
  period("2026-03", "2026-03"),
  period("2026-02", "2026-05"),
  period("2025-07", "2026-06"),
  period("2024-01", "2026-12"),
  period("2027-01", "2027-12"),
];
const WINDOWS = [1, 6, 18, 120];
const SEGMENTS: DashboardScope[] = [{}, { segment: "ENTERPRISE" }, { segment: "MID_MARKET" }, { segment: "SCALE" }];

const rows = (sql: Prisma.Sql) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql.text, ...sql.values);
const text = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));

async function stored(client: Prisma.TransactionClient | typeof prisma = prisma): Promise<string> {
  const [credit, creditAccounts, losses, lossAccounts] = await Promise.all([
    client.$queryRaw`SELECT * FROM "ExpansionCreditMonth" ORDER BY "month", "windowMonth", "aeId", "segment", "prevMonth"`,
    client.$queryRaw`SELECT * FROM "ExpansionCreditAccount" ORDER BY "accountId", "month", "windowMonth"`,
    client.$queryRaw`SELECT * FROM "ArrLossMonth" ORDER BY "month", "segment", "type", "reason", "addressable", "prevMonth"`,
    client.$queryRaw`SELECT * FROM "ArrLossAccount" ORDER BY "accountId", "month", "type", "reason", "addressable"`,
  ]);
  return text({ credit, creditAccounts, losses, lossAccounts });
}

/** The rows a rebuild from scratch writes (rolled back, so the kept summaries stay as they were). */
async function rebuilt(): Promise<string> {
  let result = "";
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT dashboard_measure_summaries_rebuild()`;
      result = await stored(tx);
      throw new Error("rollback");
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error) || error.message !== "rollback") throw error;
    });
  return result;
}

let aeScopes: DashboardScope[] = [];

/** Every summary read equals the raw one and the stored rows equal a rebuild; returns the 2026 credit (18 months) and losses. */
async function expectSummariesExact() {
  let compared = 0;
  for (const p of PERIODS) {
    for (const scope of [...SEGMENTS, ...aeScopes]) {
      for (const months of WINDOWS) {
        const label = `${JSON.stringify(scope)} ${p.firstMonth}–${p.lastMonth} window ${months}`;
        expect(text(await rows(expansionCreditQuery(scope, p, months))), label).toBe(text(await rows(expansionCreditRawQuery(scope, p, months))));
        compared++;
      }
      if (!scope.aeId) {
        expect(text(await rows(bridgeLossesSql(scope, p))), `${JSON.stringify(scope)} ${p.firstMonth}`).toBe(text(await rows(bridgeLossesSql(scope, p, true))));
      }
    }
  }
  expect(compared).toBe(PERIODS.length * (SEGMENTS.length + aeScopes.length) * WINDOWS.length);
  expect(await stored()).toBe(await rebuilt());
  const [year] = PERIODS;
  return { credit: await rows(expansionCreditQuery({}, year!, 18)), losses: await rows(bridgeLossesSql({}, year!)) };
}

const loss = (accountId: string, date: string, type: "CHURN" | "CONTRACTION", amountCents: bigint, reason: string | null, addressable: boolean | null) =>
  prisma.arrMovement.create({ data: { accountId, date: parseIsoDate(date), type, amountCents, reason, addressable } });

describe("the account-keyed dashboard summaries", () => {
  it("count each account once over any period and window through movements, deals, AE changes, account moves and deletes", async () => {
    const [aeOne, aeTwo] = await Promise.all([createUser("AE"), createUser("AE")]);
    aeScopes = [{ aeId: aeOne.id }, { aeId: aeTwo.id }, { aeId: aeOne.id, segment: "ENTERPRISE" }];
    // Signed on a month's last day: its window months end on the shorter months' last days (Feb 28, Apr 30, …).
    const monthEnd = await createAccount({ segment: "ENTERPRISE", aeId: aeOne.id, initialSignedAt: parseIsoDate("2025-01-31") });
    await deal(monthEnd.id, aeOne.id, { closeDate: "2025-01-31" });
    await movements(monthEnd.id, [
      ["2025-01-31", "NEW", 10_000_00n],
      ["2025-01-15", "EXPANSION", 1_00n], // before the signing: never credited
      ["2025-02-27", "EXPANSION", 2_00n], // window month 1
      ["2025-02-28", "EXPANSION", 3_00n], // window month 2
      ["2026-03-01", "EXPANSION", 4_00n],
      ["2026-05-10", "EXPANSION", 5_00n],
      ["2026-05-20", "EXPANSION", 6_00n],
      ["2026-07-30", "EXPANSION", 7_00n], // window month 18 (the window ends on 2026-07-31)
      ["2026-07-31", "EXPANSION", 8_00n], // window month 19
    ]);
    // Signed mid-month: its window's last month holds movements of two window months.
    const midMonth = await createAccount({ segment: "MID_MARKET", aeId: aeOne.id, initialSignedAt: parseIsoDate("2025-03-15") });
    await deal(midMonth.id, aeOne.id, { closeDate: "2025-03-15" });
    await movements(midMonth.id, [
      ["2025-03-15", "NEW", 20_000_00n],
      ["2026-02-10", "EXPANSION", 1_234_56n],
      ["2026-09-14", "EXPANSION", 2_000_01n],
      ["2026-09-15", "EXPANSION", 3_000_00n],
    ]);
    // No signing date: the window starts at the first won new-business deal.
    const unsigned = await createAccount({ segment: "SCALE", aeId: aeTwo.id });
    const firstDeal = await deal(unsigned.id, aeTwo.id, { closeDate: "2025-10-01" });
    await movements(unsigned.id, [["2025-10-01", "NEW", 5_000_00n], ["2026-01-10", "EXPANSION", 111_11n], ["2026-06-01", "EXPANSION", 222_22n]]);
    let figures = await expectSummariesExact();
    // 2026, 18 months: AE one 4.00 + 5.00 + 6.00 + 7.00 (month end) + 1,234.56 + 2,000.01 (mid month) = 3,256.57 on 2
    // accounts; AE two 111.11 + 222.22 = 333.33 on 1.
    expect(figures.credit.map(({ ae_id, accounts, movements: count, expansion }) => ({ ae_id, accounts, count, expansion }))).toEqual([
      { ae_id: aeOne.id, accounts: 2, count: 6, expansion: 3_256_57n },
      { ae_id: aeTwo.id, accounts: 1, count: 2, expansion: 333_33n },
    ]);

    // Losses: an account contracting in two months of the year with one reason counts once for it.
    await loss(monthEnd.id, "2026-02-01", "CONTRACTION", 100_00n, "Budget", true);
    await loss(monthEnd.id, "2026-04-01", "CONTRACTION", 200_00n, "Budget", true);
    await loss(midMonth.id, "2026-04-15", "CONTRACTION", 50_00n, "Budget", true);
    await loss(midMonth.id, "2025-12-01", "CONTRACTION", 70_00n, "Budget", true); // before 2026: the previous month
    await loss(unsigned.id, "2026-08-01", "CHURN", 5_333_33n, null, null);
    await loss(midMonth.id, "2026-06-01", "CONTRACTION", 10_00n, "Price", false);
    figures = await expectSummariesExact();
    expect(figures.losses).toEqual([
      { type: "CHURN", reason: null, addressable: null, cents: 5_333_33n, accounts: 1 },
      { type: "CONTRACTION", reason: "Budget", addressable: true, cents: 350_00n, accounts: 2 },
      { type: "CONTRACTION", reason: "Price", addressable: false, cents: 10_00n, accounts: 1 },
    ]);

    // A backdated expansion, one moved into another month, an amount corrected, a reason corrected, one deleted.
    await movements(midMonth.id, [["2025-11-20", "EXPANSION", 50_00n]]);
    const moved = await prisma.arrMovement.findFirstOrThrow({ where: { accountId: monthEnd.id, type: "EXPANSION", date: parseIsoDate("2026-05-10") } });
    await prisma.arrMovement.update({ where: { id: moved.id }, data: { date: parseIsoDate("2026-03-20") } });
    await prisma.arrMovement.update({ where: { id: moved.id }, data: { amountCents: 9_00n } });
    const budget = await prisma.arrMovement.findFirstOrThrow({ where: { accountId: monthEnd.id, date: parseIsoDate("2026-04-01") } });
    await prisma.arrMovement.update({ where: { id: budget.id }, data: { reason: "Price", addressable: false } });
    await expectSummariesExact();
    await prisma.arrMovement.update({ where: { id: budget.id }, data: { type: "EXPANSION", reason: null, addressable: null } });
    await prisma.arrMovement.delete({ where: { id: moved.id } });
    await expectSummariesExact();

    // The unsigned account's first deal closes earlier, then is lost (no signing: no credit), then won again.
    await prisma.deal.update({ where: { id: firstDeal.id }, data: { closeDate: parseIsoDate("2024-12-01") } });
    await expectSummariesExact();
    await prisma.deal.update({ where: { id: firstDeal.id }, data: { stage: "CLOSED_LOST" } });
    figures = await expectSummariesExact();
    expect(figures.credit.map((row) => row.ae_id)).toEqual([aeOne.id]);
    await prisma.deal.update({ where: { id: firstDeal.id }, data: { stage: "CLOSED_WON" } });
    await expectSummariesExact();

    // The first deal's owner changes (the original AE is now AE two: the account's AE one earns nothing), then back;
    // the account is handed to AE two; a signing date is set; the account moves segment.
    const midDeal = await prisma.deal.findFirstOrThrow({ where: { accountId: midMonth.id, type: "NEW" } });
    await prisma.deal.update({ where: { id: midDeal.id }, data: { ownerId: aeTwo.id } });
    figures = await expectSummariesExact();
    expect(figures.credit.find((row) => row.ae_id === aeOne.id)).toMatchObject({ accounts: 1 });
    await prisma.deal.update({ where: { id: midDeal.id }, data: { ownerId: aeOne.id } });
    await prisma.account.update({ where: { id: monthEnd.id }, data: { aeId: aeTwo.id } });
    await expectSummariesExact();
    await prisma.account.update({ where: { id: unsigned.id }, data: { initialSignedAt: parseIsoDate("2025-12-15") } });
    await prisma.account.update({ where: { id: midMonth.id }, data: { segment: "SCALE" } });
    await expectSummariesExact();

    // A new deal written through an update of many rows at once, then deletes: a won deal, an account (cascade).
    const late = await createAccount({ segment: "ENTERPRISE", aeId: aeTwo.id });
    await movements(late.id, [["2026-04-01", "EXPANSION", 1_000_00n], ["2026-05-01", "CONTRACTION", 1_00n]]);
    await deal(late.id, aeTwo.id, { closeDate: "2026-03-01" });
    await expectSummariesExact();
    await prisma.deal.deleteMany({ where: { accountId: late.id } });
    await expectSummariesExact();
    await prisma.account.delete({ where: { id: midMonth.id } });
    await expectSummariesExact();
    await prisma.arrMovement.deleteMany({ where: { accountId: { in: [monthEnd.id, unsigned.id] } } });
    figures = await expectSummariesExact();
    // The last account with credit lost its only won deal, so its signing: nothing is credited any more.
    expect(figures.credit).toEqual([]);
    expect(figures.losses).toEqual([{ type: "CONTRACTION", reason: null, addressable: null, cents: 1_00n, accounts: 1 }]);
  });

  it("agree under concurrent writers of one account's movements, deals and AE", async () => {
    const [aeOne, aeTwo] = await Promise.all([createUser("AE"), createUser("AE")]);
    aeScopes = [{ aeId: aeOne.id }, { aeId: aeTwo.id }];
    const account = await createAccount({ segment: "MID_MARKET", aeId: aeOne.id });
    await deal(account.id, aeOne.id, { closeDate: "2026-01-05" });
    await movements(account.id, [["2026-01-05", "NEW", 10_000_00n]]);
    await Promise.all([
      movements(account.id, [["2026-02-01", "EXPANSION", 100_00n], ["2026-03-01", "CONTRACTION", 5_00n]]),
      movements(account.id, [["2026-02-15", "EXPANSION", 200_00n], ["2026-03-10", "CONTRACTION", 7_00n]]),
      loss(account.id, "2026-04-01", "CONTRACTION", 9_00n, "Budget", true),
      prisma.account.update({ where: { id: account.id }, data: { segment: "ENTERPRISE" } }),
      deal(account.id, aeTwo.id, { closeDate: "2025-12-01" }),
    ]);
    await Promise.all([
      prisma.account.update({ where: { id: account.id }, data: { aeId: aeTwo.id } }),
      movements(account.id, [["2026-05-01", "EXPANSION", 300_00n]]),
    ]);
    const figures = await expectSummariesExact();
    // The first won deal is AE two's (2025-12-01), the account AE two's: three expansions credited to them.
    expect(figures.credit).toEqual([{ ae_id: aeTwo.id, ae_name: expect.any(String), accounts: 1, movements: 3, expansion: 600_00n }]);
    expect(figures.losses).toEqual([
      { type: "CONTRACTION", reason: null, addressable: null, cents: 12_00n, accounts: 1 },
      { type: "CONTRACTION", reason: "Budget", addressable: true, cents: 9_00n, accounts: 1 },
    ]);
  });
});
