import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Segment } from "@/lib/generated/prisma/enums";
import { approveAssignment } from "@/lib/server/assignments/approve-assignment";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import type { DashboardScope } from "@/lib/server/dashboard/scope";
import { bridgeEndsSql, bridgeTermsSql } from "@/lib/server/dashboard/get-arr-bridge";
import { resolvePeriod, trendMonths } from "@/lib/dashboard/period";
import { retentionTrendRawSql, retentionTrendSql } from "@/lib/server/metrics/retention-series";
import { timeToFirstValueQuery, timeToFirstValueRawQuery } from "@/lib/server/dashboard/get-time-to-first-value";
import { csmLoadQuery } from "@/lib/server/dashboard/get-csm-load";
import { expansionPipelineQuery, expansionPipelineRawQuery } from "@/lib/server/dashboard/get-expansion-pipeline";
import { handoffMeasuresQuery, handoffMeasuresRawQuery } from "@/lib/server/dashboard/get-handoff-measures";
import { renewalVisibilityQuery, renewalVisibilityRawQuery } from "@/lib/server/dashboard/get-renewal-visibility";
import { closeToHandoff, createAccount, createCsm, createDeal, createUser } from "./support/fixtures";
import { deal, handoff, movements, renewalFor } from "./support/dashboard-fixtures";

// The summaries of the dashboard_measure_summaries migration (renewal visibility per day, handoffs per hour, CSM load
// per CSM and segment, the expansion pipeline per segment) against the rows they summarise: after each kind of write,
// every whole-company and segment read of the summary gives what the same measure computes from the rows, and the
// stored summary rows are exactly what a rebuild from scratch writes.

const NOW = new Date("2026-11-20T15:00:00Z");
const FROM = new Date("2026-01-01T00:00:00Z");
const UNTIL = new Date("2028-01-01T00:00:00Z");
// Whole months, the ARR bridge's summary case: the calendar year 2026, read after it.
const YEAR = resolvePeriod("custom", new Date("2027-01-15T00:00:00Z"), "2026-01", "2026-12");
const SCOPES: DashboardScope[] = [{}, { segment: "ENTERPRISE" }, { segment: "MID_MARKET" }, { segment: "SCALE" }];

const rows = (sql: Prisma.Sql) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql.text, ...sql.values);
const text = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));

/** Every stored summary row, zero rows of the delta-kept tables left out (a rebuild writes none). */
async function stored(client: Prisma.TransactionClient | typeof prisma = prisma): Promise<string> {
  const [renewals, handoffs, loads, stages, potential, customers, months, ttfv, trend] = await Promise.all([
    client.$queryRaw`SELECT * FROM "RenewalDueDay" ORDER BY "day", "segment"`,
    client.$queryRaw`SELECT * FROM "HandoffHour" ORDER BY "hour", "segment"`,
    client.$queryRaw`SELECT * FROM "CsmSegmentLoad" WHERE "accounts" <> 0 OR "arrCents" <> 0 ORDER BY "csmId", "segment"`,
    client.$queryRaw`SELECT * FROM "ExpansionPipelineStage" ORDER BY "segment", "stage"`,
    client.$queryRaw`SELECT * FROM "ExpansionPotentialSegment" WHERE "accounts" <> 0 OR "potentialCents" <> 0 ORDER BY "segment"`,
    client.$queryRaw`SELECT * FROM "CustomerSegment" WHERE "customers" <> 0 OR "arrCents" <> 0 ORDER BY "segment"`,
    client.$queryRaw`SELECT * FROM "ArrMovementMonth" ORDER BY "month", "segment", "type"`,
    client.$queryRaw`SELECT * FROM "TtfvMonth" ORDER BY "month", "segment", "days"`,
    client.$queryRaw`SELECT * FROM "RetentionTrendDeltaCsm" ORDER BY "csmId", "month", "segment"`,
  ]);
  return text({ renewals, handoffs, loads, stages, potential, customers, months, ttfv, trend });
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

interface Figures {
  renewals: Record<string, unknown>;
  handoffs: Record<string, unknown>;
  load: Record<string, unknown>;
  pipeline: Record<string, unknown>;
  bridge: { ends: Record<string, unknown>; terms: Record<string, unknown>[] };
  ttfv: Record<string, unknown>;
}

async function summaryFigures(scope: DashboardScope): Promise<Figures> {
  const [[renewals], [handoffs], [load], [pipeline]] = await Promise.all([
    rows(renewalVisibilityQuery(scope, FROM, UNTIL)),
    rows(handoffMeasuresQuery(scope, FROM, UNTIL, NOW)),
    rows(csmLoadQuery(scope)),
    rows(expansionPipelineQuery(scope)),
  ]);
  const [[ends], terms, [ttfv]] = await Promise.all([rows(bridgeEndsSql(scope, YEAR)), rows(bridgeTermsSql(scope, YEAR)), rows(timeToFirstValueQuery(scope, YEAR))]);
  return { renewals: renewals!, handoffs: handoffs!, load: load!, pipeline: pipeline!, bridge: { ends: ends!, terms }, ttfv: ttfv! };
}

async function rawFigures(scope: DashboardScope): Promise<Figures> {
  const [[renewals], [handoffs], [load], [pipeline]] = await Promise.all([
    rows(renewalVisibilityRawQuery(scope, FROM, UNTIL)),
    rows(handoffMeasuresRawQuery(scope, FROM, UNTIL, NOW)),
    rows(csmLoadQuery(scope, true)),
    rows(expansionPipelineRawQuery(scope)),
  ]);
  const [[ends], terms, [ttfv]] = await Promise.all([
    rows(bridgeEndsSql(scope, YEAR, true)),
    rows(bridgeTermsSql(scope, YEAR, true)),
    rows(timeToFirstValueRawQuery(scope, YEAR)),
  ]);
  return { renewals: renewals!, handoffs: handoffs!, load: load!, pipeline: pipeline!, bridge: { ends: ends!, terms }, ttfv: ttfv! };
}

// The CSM and team cuts whose retention trend reads RetentionTrendDeltaCsm (set by each test).
let trendScopes: DashboardScope[] = [];
const TREND = trendMonths(YEAR.lastMonth);

/** Each scope's summary read equals the raw one, the stored rows equal a rebuild; returns the whole company's figures. */
async function expectSummariesExact(): Promise<Figures> {
  for (const scope of SCOPES) {
    expect(text(await summaryFigures(scope)), JSON.stringify(scope)).toBe(text(await rawFigures(scope)));
  }
  for (const scope of trendScopes) {
    for (const cut of [scope, { ...scope, segment: "MID_MARKET" as const }]) {
      expect(text(await rows(retentionTrendSql(cut, TREND))), JSON.stringify(cut)).toBe(text(await rows(retentionTrendRawSql(cut, TREND))));
    }
  }
  expect(await stored()).toBe(await rebuilt());
  return summaryFigures({});
}

const moveAccount = (id: string, data: { segment?: Segment; csmId?: string | null }) => prisma.account.update({ where: { id }, data });

describe("the dashboard measure summaries", () => {
  it("equal the measures computed from the rows through deals, renewals, handoffs, assignments and account changes", async () => {
    const manager = await createUser("CS_MANAGER");
    const ae = await createUser("AE");
    const ada = await createCsm({ name: "Ada Summary" });
    const ben = await createCsm({ name: "Ben Summary" });
    await prisma.user.updateMany({ where: { id: { in: [ada.id, ben.id] } }, data: { managerId: manager.id } });
    trendScopes = [{ csmId: ada.id }, { csmId: ben.id }, { teamOf: manager.id }];
    const enterprise = await createAccount({ segment: "ENTERPRISE", csmId: ada.id, aeId: ae.id, expansionPotentialCents: 2_000_000n });
    const mid = await createAccount({ segment: "MID_MARKET", csmId: ben.id, aeId: ae.id });
    const empty = await expectSummariesExact();
    expect(empty.renewals).toMatchObject({ due: 0 });

    // Contracts won and ending in the window; one with its renewal opportunity.
    const won = await deal(enterprise.id, ae.id, { closeDate: "2026-03-10", termMonths: 12, amountCents: 12_000_00n });
    await deal(mid.id, ae.id, { closeDate: "2026-02-01", termMonths: 12, amountCents: 5_000_00n });
    await renewalFor(won.id);
    await movements(enterprise.id, [["2026-03-10", "NEW", 12_000_00n]]);
    await movements(mid.id, [["2026-02-01", "NEW", 5_000_00n]]);
    let figures = await expectSummariesExact();
    expect(figures.renewals).toMatchObject({ due: 2, visible: 1, without_opportunity: 1, due_arr: 17_000_00n, visible_arr: 12_000_00n });
    expect(figures.load).toMatchObject({ accounts: 2, arr: 17_000_00n });
    expect(figures.pipeline).toMatchObject({ potential_accounts: 1, potential: 2_000_000n });

    // Open expansion deals, one moving stage, one lost; a contract's end moved out of one day into another.
    const expansion = await deal(enterprise.id, ae.id, { type: "EXPANSION", stage: "DISCOVERY", closeDate: "2026-12-15", amountCents: 3_000_00n });
    const lost = await deal(mid.id, ae.id, { type: "EXPANSION", stage: "PROPOSAL", closeDate: "2026-12-20", amountCents: 1_000_00n });
    await prisma.deal.update({ where: { id: expansion.id }, data: { stage: "NEGOTIATION", amountCents: 3_500_00n } });
    await prisma.deal.update({ where: { id: lost.id }, data: { stage: "CLOSED_LOST" } });
    await prisma.deal.update({ where: { id: won.id }, data: { termMonths: 13 } });
    figures = await expectSummariesExact();
    expect(figures.pipeline).toMatchObject({ n3: 1, c3: 3_500_00n, n2: 0 });

    // A deal closed won through the app's flow (its handoff and renewal opportunity), the CSM approved.
    const newcomer = await createAccount({ segment: "MID_MARKET", aeId: ae.id });
    const closing = await createDeal(newcomer.id, ae.id, { amountCents: 4_000_000n });
    const handoffId = await closeToHandoff(ae, closing.id, { at: new Date("2026-11-16T15:00:00Z") });
    const { assignmentId } = await prisma.$transaction((tx) => createCsmSuggestion(tx, { handoffId }));
    await approveAssignment(manager, { assignmentId }, { now: new Date("2026-11-17T10:00:00Z") });
    figures = await expectSummariesExact();
    expect(figures.renewals).toMatchObject({ due: 3 });

    // Handoffs completed, rated, left open and overdue; one completed later, one rated later, one skipped.
    await handoff(enterprise.id, { startedAt: "2026-05-04T09:30:00Z", completed: true, withinSla: true, rating: 5 });
    await handoff(mid.id, { startedAt: "2026-05-04T09:45:00Z", completed: true, withinSla: false });
    await handoff(mid.id, { startedAt: "2026-06-01T12:00:00Z" });
    const open = await prisma.handoff.findFirstOrThrow({ where: { accountId: mid.id, completedAt: null } });
    figures = await expectSummariesExact();
    expect(figures.handoffs).toMatchObject({ completed: 2, within_sla: 1, rated: 1, rating_sum: 5 });
    expect(Number(figures.handoffs.open_overdue)).toBeGreaterThanOrEqual(1);
    await prisma.handoff.update({ where: { id: open.id }, data: { completedAt: new Date("2026-06-02T12:00:00Z"), completedWithinSla: true, status: "COMPLETED" } });
    await prisma.handoff.update({ where: { id: open.id }, data: { rating: 3, status: "ACKNOWLEDGED" } });
    await prisma.handoff.update({ where: { id: handoffId }, data: { skippedAt: new Date("2026-11-18T10:00:00Z"), status: "SKIPPED", skipReason: "test" } });
    // A checklist save changes nothing the figures read.
    await prisma.handoff.update({ where: { id: open.id }, data: { version: { increment: 1 } } });
    figures = await expectSummariesExact();
    expect(figures.handoffs).toMatchObject({ completed: 3, within_sla: 2, rated: 2, rating_sum: 8, r3: 1, r5: 1 });

    // A renewal lost (the opportunity closed) keeps the contract due; an opportunity deleted makes it invisible.
    const opportunity = await prisma.renewalOpportunity.findUniqueOrThrow({ where: { originalDealId: won.id } });
    await prisma.renewalOpportunity.update({ where: { id: opportunity.id }, data: { stage: "CLOSED_LOST", closedAt: NOW, lossReason: "Budget" } });
    await expectSummariesExact();
    await prisma.renewalOpportunity.delete({ where: { id: opportunity.id } });
    figures = await expectSummariesExact();
    expect(figures.renewals).toMatchObject({ visible: 1 });

    // The account's CSM removed and another set, a segment change, ARR movements (one backdated), a reassignment.
    await moveAccount(mid.id, { csmId: null });
    figures = await expectSummariesExact();
    expect(Number(figures.renewals.without_csm)).toBe(1);
    await moveAccount(mid.id, { csmId: ada.id });
    await moveAccount(enterprise.id, { segment: "SCALE" });
    await movements(enterprise.id, [["2025-12-01", "EXPANSION", 1_000_00n], ["2026-11-01", "CONTRACTION", 500_00n]]);
    await prisma.account.update({ where: { id: enterprise.id }, data: { expansionPotentialCents: 0n } });
    await moveAccount(enterprise.id, { csmId: ben.id });
    figures = await expectSummariesExact();
    expect(figures.pipeline).toMatchObject({ potential_accounts: 0, potential: 0n });
    // Starting ARR of 2026: the backdated expansion; ending: everything up to the year's end.
    expect(figures.bridge.ends).toEqual({ starting: 1_000_00n, ending: 1_000_00n + 12_000_00n + 5_000_00n + 4_000_000n - 500_00n });
    // The backdated expansion puts the account in the team's cohort for the year's last point.
    const teamTrend = await rows(retentionTrendSql({ teamOf: manager.id }, TREND));
    expect(teamTrend).toHaveLength(24);
    expect(teamTrend[23]).toMatchObject({ cohort: 1n, start_arr: 1_000_00n });
    // A movement's date corrected into another month, then removed.
    const backdated = await prisma.arrMovement.findFirstOrThrow({ where: { accountId: enterprise.id, type: "EXPANSION" } });
    await prisma.arrMovement.update({ where: { id: backdated.id }, data: { date: new Date("2026-01-10") } });
    figures = await expectSummariesExact();
    expect(figures.bridge.ends).toMatchObject({ starting: 0n });
    await prisma.arrMovement.delete({ where: { id: backdated.id } });
    await expectSummariesExact();

    // Time to first value: signed accounts reaching it (an even count: the median is the mean of the middle two), one
    // without a signing date closed by its first won new-business deal, which then moves earlier.
    const signed = await createAccount({ segment: "ENTERPRISE", initialSignedAt: new Date("2026-04-01"), firstValueAt: new Date("2026-04-11") });
    await createAccount({ segment: "MID_MARKET", initialSignedAt: new Date("2026-05-01"), firstValueAt: new Date("2026-05-31") });
    await createAccount({ segment: "MID_MARKET", initialSignedAt: new Date("2026-06-01") });
    const unsigned = await createAccount({ segment: "SCALE", firstValueAt: new Date("2026-08-20") });
    const first = await deal(unsigned.id, ae.id, { closeDate: "2026-08-01" });
    figures = await expectSummariesExact();
    expect(Number(figures.ttfv.reached)).toBeGreaterThanOrEqual(3);
    await prisma.deal.update({ where: { id: first.id }, data: { closeDate: new Date("2025-12-20") } });
    await prisma.account.update({ where: { id: signed.id }, data: { firstValueAt: new Date("2026-04-02") } });
    await prisma.account.update({ where: { id: signed.id }, data: { initialSignedAt: new Date("2025-11-01") } });
    await prisma.account.update({ where: { id: unsigned.id }, data: { segment: "ENTERPRISE" } });
    await expectSummariesExact();
    await prisma.deal.delete({ where: { id: first.id } });
    await expectSummariesExact();

    // Deletes: a won deal, then an account with its deals and handoffs (cascade).
    await prisma.deal.deleteMany({ where: { accountId: mid.id, type: "NEW" } });
    await expectSummariesExact();
    await prisma.account.delete({ where: { id: enterprise.id } });
    figures = await expectSummariesExact();
    expect(figures.pipeline).toMatchObject({ n3: 0, c3: 0n });
    expect(figures.handoffs).toMatchObject({ rated: 1, rating_sum: 3 });
  });

  it("agree after bulk statements that insert, update and delete many accounts at once", async () => {
    const ae = await createUser("AE");
    const [ada, bo] = await Promise.all([createCsm({ name: "Ada Bulk" }), createCsm({ name: "Bo Bulk" })]);
    trendScopes = [{ csmId: ada.id }, { csmId: bo.id }];
    // One account without a signing date closes by its won new-business deal, so moving its date counts that deal's month.
    const unsigned = await createAccount({ segment: "SCALE", csmId: bo.id, aeId: ae.id });
    await prisma.account.update({ where: { id: unsigned.id }, data: { initialSignedAt: null } });
    await deal(unsigned.id, ae.id, { closeDate: "2026-04-10", termMonths: 12 });
    // As an import writes them: one statement for 60 accounts over two CSMs, three segments and 2026's months.
    await prisma.$executeRaw`
      INSERT INTO "Account" (id, "externalId", name, segment, industry, region, timezone, "primaryLanguage", "csmId", "arrCents",
                             "expansionPotentialCents", "initialSignedAt", "firstValueAt", "updatedAt")
      SELECT 'bulk_' || i, 'BULK-' || i, 'Bulk ' || i, (ARRAY['ENTERPRISE', 'MID_MARKET', 'SCALE'])[1 + i % 3]::"Segment", 'Software', 'NA',
             'UTC', 'English', CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN ${ada.id} ELSE ${bo.id} END, (i % 5) * 100000,
             (i % 2) * 50000, make_date(2026, 1 + i % 12, 1 + i % 28), make_date(2026, 1 + i % 12, 1 + i % 28) + (i % 40), now()
      FROM generate_series(1, 60) i`;
    await expectSummariesExact();
    // Every one moved at once: CSM, segment, ARR, potential, signing and first value; the unsigned account gets a date.
    await prisma.$executeRaw`
      UPDATE "Account" SET "csmId" = CASE WHEN "csmId" = ${ada.id} THEN ${bo.id} WHEN "csmId" IS NULL THEN ${ada.id} END,
             segment = (CASE segment WHEN 'SCALE' THEN 'ENTERPRISE' WHEN 'ENTERPRISE' THEN 'MID_MARKET' ELSE 'SCALE' END)::"Segment",
             "arrCents" = "arrCents" + 7, "expansionPotentialCents" = 0,
             "initialSignedAt" = coalesce("initialSignedAt" + 45, DATE '2026-09-15'), "firstValueAt" = NULL
      WHERE id LIKE 'bulk_%' OR id = ${unsigned.id}`;
    // A statement that changes nothing the summaries read leaves them alone.
    await prisma.$executeRaw`UPDATE "Account" SET "healthScore" = 55 WHERE id LIKE 'bulk_%'`;
    await expectSummariesExact();
    await prisma.$executeRaw`DELETE FROM "Account" WHERE id LIKE 'bulk_%' AND right(id, 1) IN ('1', '2', '3', '4', '5')`;
    const figures = await expectSummariesExact();
    expect((await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Account" WHERE id LIKE 'bulk_%'`)[0]?.n).toBe(30);
    expect(figures.load).not.toEqual({});
  });

  it("agree under concurrent writes to a deal and its account", async () => {
    const ae = await createUser("AE");
    const csm = await createCsm({ name: "Cy Concurrent" });
    trendScopes = [{ csmId: csm.id }];
    const account = await createAccount({ segment: "MID_MARKET", csmId: csm.id, aeId: ae.id });
    const contract = await deal(account.id, ae.id, { closeDate: "2026-06-01", termMonths: 12 });
    await deal(account.id, ae.id, { type: "EXPANSION", stage: "PROPOSAL", closeDate: "2026-12-01" });
    // The segment moves while, at the same time, a renewal opportunity and another open expansion deal are written.
    await Promise.all([
      moveAccount(account.id, { segment: "ENTERPRISE", csmId: null }),
      renewalFor(contract.id),
      deal(account.id, ae.id, { type: "EXPANSION", stage: "DISCOVERY", closeDate: "2026-12-10" }),
    ]);
    const figures = await expectSummariesExact();
    expect(figures.pipeline).toMatchObject({ n1: 1, n2: 1 });
    expect((await summaryFigures({ segment: "ENTERPRISE" })).renewals).toMatchObject({ due: 1, without_csm: 1 });
  });
});
