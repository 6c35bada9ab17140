import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { toIsoDate } from "@/lib/dates";
import { accuracyCsms } from "@/lib/forecast/page-rows";
import type { RollUpNode } from "@/lib/forecast/retention";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";
import { accuracyLevels, companyAccuracy, forecastFigures, forecastParams, type AccuracyLevelRow, type ForecastFigures } from "@/lib/server/forecast/get-forecast";
import { accuracyLevelsSummarySql, summaryCutsSql } from "@/lib/server/forecast/forecast-summaries";
import { overrideForecast, setForecast } from "@/lib/server/forecast/set-forecast";
import { stopBoss } from "@/lib/server/jobs/boss";
import { snapshotForecasts } from "@/lib/server/jobs/handlers/forecast-snapshots";
import { moveRenewalStage } from "@/lib/server/renewals/move-renewal-stage";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

// The forecast page's summaries (forecast_page_summaries migration) against the rows they summarise: after each kind
// of write, every view the summaries answer (the company, a team opened, a segment, a CSM, no CSM, a CSM's own book)
// gives the same figures as the same view computed from the renewals, snapshots, closed forecasts and movements; and
// the stored summary rows are exactly what a rebuild from scratch writes.

afterAll(async () => {
  await stopBoss();
});

const NOW = new Date("2026-11-25T15:00:00Z"); // Wednesday; this week starts Nov 23, last week Nov 16.
const LAST_WEEK = new Date("2026-11-18T15:00:00Z");
const TODAY = new Date("2026-11-25T00:00:00Z");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const EVERY_VIEW_DAYS = [toIsoDate(TODAY), "2026-12-20", "2027-09-15"];
const LEADERSHIP_DAYS = ["2026-12-01", "2026-12-31", "2027-08-04", "2027-08-06"];
const text = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));

/** Every stored summary row, in key order (a row of zeros that a delta left is none). */
async function stored(client: Prisma.TransactionClient | typeof prisma = prisma): Promise<string> {
  const [states, quarters, teams, weeks, months, years, reasons, reasonSums] = await Promise.all([
    client.$queryRaw`SELECT * FROM "ForecastRenewalState" ORDER BY "renewalOpportunityId"`,
    client.$queryRaw`SELECT * FROM "ForecastQuarterSum" WHERE "renewals" <> 0 OR "dueCents" <> 0 OR "bucketCents" <> 0 ORDER BY "csmId", "quarterStart", "segment", "bucket"`,
    // Every team row, zeros too: a team row is dropped when its sums come back to zero.
    client.$queryRaw`SELECT * FROM "ForecastTeamQuarterSum" ORDER BY "quarterStart", "managerId", "segment", "bucket"`,
    client.$queryRaw`SELECT * FROM "ForecastWeekChange" WHERE "renewals" <> 0 OR "deltaCents" <> 0 OR "lastWeekCents" <> 0 OR "thisWeekCents" <> 0 OR "inForecast" <> 0
      ORDER BY "csmId", "weekStart", "quarterStart", "segment", "kind"`,
    client.$queryRaw`SELECT * FROM "ForecastAccuracyMonth" WHERE "renewals" <> 0 OR "n90" <> 0 OR "n30" <> 0 OR "error90" <> 0 ORDER BY "csmId", "month", "segment"`,
    client.$queryRaw`SELECT * FROM "ForecastAccuracyYear" WHERE "renewals" <> 0 OR "n90" <> 0 OR "n30" <> 0 OR "error90" <> 0 ORDER BY "lastMonth", "csmId", "segment"`,
    client.$queryRaw`SELECT * FROM "ForecastReasonAccount" ORDER BY "accountId", "quarterStart", "reason", "addressable"`,
    client.$queryRaw`SELECT * FROM "ForecastReasonSum" ORDER BY "quarterStart", "segment", "reason", "addressable"`,
  ]);
  return text({ states, quarters, teams, weeks, months, years, reasons, reasonSums });
}

/** The rows a rebuild from scratch writes (rolled back, so the kept summaries stay as they were). */
async function rebuilt(): Promise<string> {
  let result = "";
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT forecast_page_summaries_rebuild()`;
      result = await stored(tx);
      throw new Error("rollback");
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error) || error.message !== "rollback") throw error;
    });
  return result;
}

/** The roll-up as both sources give it: the teams' sums, and the CSMs of the team that is shown. */
function shownTree(tree: RollUpNode, team: string | undefined): unknown {
  const lone = tree.children.length === 1;
  return {
    sums: tree.sums,
    teams: tree.children.map((manager) => ({
      id: manager.id,
      name: manager.name,
      sums: manager.sums,
      csms: lone || (manager.id ?? "none") === team ? manager.children : [],
    })),
  };
}

/** The accuracy table's CSMs as the page shows them: the summaries return only those (and count the rest). */
const shownCsms = (figures: ForecastFigures, team: string | undefined, limit?: number) =>
  accuracyCsms(figures.accuracy.byCsm, figures.rollUp, team, figures.accuracy.csmCount, limit);

const comparable = (figures: ForecastFigures, team: string | undefined) =>
  text({ ...figures, rollUp: shownTree(figures.rollUp, team), accuracy: { ...figures.accuracy, byCsm: shownCsms(figures, team) } });

interface World {
  leader: ActingUser;
  csms: ActingUser[];
  managers: ActingUser[];
}

/** Every view the summaries answer, for both this quarter and the next, equals the same view from the rows. */
async function expectSummariesMatchRows(world: World): Promise<void> {
  const views: [ActingUser, Record<string, string>][] = [
    [world.leader, {}],
    [world.leader, { quarter: "2027-Q1" }],
    [world.leader, { quarter: "2026-Q3" }],
    [world.leader, { team: world.managers[0]!.id }],
    [world.leader, { team: "none" }],
    [world.leader, { segment: "ENTERPRISE" }],
    [world.leader, { csm: world.csms[1]!.id }],
    [world.leader, { csm: "none" }],
    [world.managers[0]!, {}],
    [world.csms[0]!, {}],
  ];
  // The accuracy's trailing year is a twelve-month block and the days where it and the year differ: every view on
  // days whose edges hold closed renewals (a renewal closed early, dated after the day; a close of the edge month a
  // year before), and leadership's and the dashboard's figure on more (a month's first and last day, the year's end).
  for (const day of [...EVERY_VIEW_DAYS, ...LEADERSHIP_DAYS]) {
    const today = d(day);
    const shown = EVERY_VIEW_DAYS.includes(day) ? views : views.slice(0, 1);
    for (const [actor, raw] of shown) {
      const params = forecastParams.parse(raw);
      const [summaries, rows] = await Promise.all([forecastFigures(actor, params, today, "summaries"), forecastFigures(actor, params, today, "rows")]);
      expect(comparable(summaries, params.team), `${day} ${actor.role} ${JSON.stringify(raw)}`).toBe(comparable(rows, params.team));
    }
    const [figure, figureFromRows] = await Promise.all([companyAccuracy(world.leader, null, today), companyAccuracy(world.leader, Prisma.sql`TRUE`, today)]);
    expect(text(figure), `${day} dashboard`).toBe(text(figureFromRows));
  }
  expect(await stored()).toBe(await rebuilt());
}

async function world(): Promise<World & { accounts: { id: string }[]; ae: ActingUser }> {
  const managers = [await createUser("CS_MANAGER", { name: "Mara Manager" }), await createUser("CS_MANAGER", { name: "Nils Manager" })];
  const csms = [
    await createUser("CSM", { name: "Ada Csm", managerId: managers[0]!.id }),
    await createUser("CSM", { name: "Ben Csm", managerId: managers[0]!.id }),
    await createUser("CSM", { name: "Cy Csm", managerId: managers[1]!.id }),
    await createUser("CSM", { name: "Dee Csm" }),
  ];
  const ae = await createUser("AE");
  const leader = await createUser("LEADERSHIP");
  const segments = ["ENTERPRISE", "MID_MARKET", "SCALE"] as const;
  const accounts = [];
  for (let i = 0; i < 6; i++) accounts.push(await createAccount({ name: `Summary Co ${i}`, csmId: csms[i % 4]!.id, aeId: ae.id, segment: segments[i % 3] }));
  accounts.push(await createAccount({ name: "Orphan Co", aeId: ae.id, segment: "SCALE" }));
  return { leader, csms, managers, accounts, ae };
}

describe("the forecast page's summaries", () => {
  it("equal the figures from the rows after calls, overrides, term changes, closes, moves and snapshots, and a rebuild writes the same rows", async () => {
    const w = await world();
    await expectSummariesMatchRows(w);
    const [a0, a1, a2, a3, a4, a5, orphan] = w.accounts as [{ id: string }, { id: string }, { id: string }, { id: string }, { id: string }, { id: string }, { id: string }];
    const renewal = (account: { id: string }, date: string, amountCents: bigint) => createRenewal(account.id, w.ae.id, { renewalDate: d(date), amountCents });
    // This quarter (2026-Q4), the next, and closed ones of the trailing year.
    const r = [
      await renewal(a0, "2026-12-10", 10_000_000n),
      await renewal(a0, "2026-12-20", 5_000_000n),
      await renewal(a1, "2026-12-05", 8_000_000n),
      await renewal(a2, "2027-01-15", 4_000_000n),
      await renewal(a3, "2026-12-28", 3_000_000n),
      await renewal(a4, "2027-02-01", 6_000_000n),
      await renewal(a5, "2026-12-15", 2_000_000n),
      await renewal(orphan, "2026-12-01", 1_000_000n),
    ];
    const closing = [await renewal(a0, "2026-09-10", 7_000_000n), await renewal(a1, "2026-11-20", 9_000_000n), await renewal(a2, "2026-08-05", 4_500_000n)];
    await prisma.renewalOpportunity.update({ where: { id: r[0]!.id }, data: { upliftPct: 5 } });
    await expectSummariesMatchRows(w);

    // A year-old snapshot history for the closing ones, and last week's snapshot of everything open.
    await prisma.forecastSnapshot.createMany({
      data: closing.flatMap((c, i) => [
        { renewalOpportunityId: c.id, weekStart: d("2026-05-04"), category: "COMMIT" as const, amountCents: 7_000_000n, outcome: "FLAT" as const, baseAmountCents: 7_000_000n, likelihood: 70 + i, csmId: null },
        { renewalOpportunityId: c.id, weekStart: d("2026-07-06"), category: (i === 1 ? "BEST_CASE" : "COMMIT") as "COMMIT" | "BEST_CASE", amountCents: 6_000_000n, outcome: "FLAT" as const, baseAmountCents: 7_000_000n, likelihood: 40 + i, csmId: null },
      ]),
    });
    await snapshotForecasts(LAST_WEEK);
    await expectSummariesMatchRows(w);

    // The CSMs' calls and a manager's override; one call concurrently with another's term change.
    await setForecast(w.csms[0]!, { renewalId: r[0]!.id, category: "COMMIT", amount: "105000", outcome: "UPLIFT" }, NOW);
    await setForecast(w.csms[0]!, { renewalId: r[1]!.id, category: "AT_RISK", amount: "30000", outcome: "DOWNSELL" }, NOW);
    await Promise.all([
      setForecast(w.csms[1]!, { renewalId: r[2]!.id, category: "OMITTED", amount: "80000", outcome: "FLAT" }, NOW),
      setForecast(w.csms[3]!, { renewalId: r[4]!.id, category: "BEST_CASE", amount: "31000", outcome: "UPLIFT" }, NOW),
      prisma.renewalOpportunity.update({ where: { id: r[6]!.id }, data: { upliftPct: 3.33, amountCents: 2_500_000n } }),
      prisma.renewalOpportunity.update({ where: { id: r[3]!.id }, data: { renewalDate: d("2026-12-30") } }),
    ]);
    await overrideForecast(w.managers[0]!, { renewalId: r[1]!.id, category: "PIPELINE", amount: "40000", outcome: "DOWNSELL", reason: "Sponsor is back" }, NOW);
    await expectSummariesMatchRows(w);

    // Closes, won and lost with reasons (the ledger's churn and contraction), concurrently, on accounts with ARR.
    await prisma.arrMovement.createMany({ data: w.accounts.map((account) => ({ accountId: account.id, date: d("2026-01-05"), type: "NEW" as const, amountCents: 20_000_000n })) });
    await Promise.all([
      moveRenewalStage(w.csms[0]!, { renewalId: closing[0]!.id, stage: "CLOSED_LOST", reason: "Competitor", addressable: true }, NOW),
      moveRenewalStage(w.csms[1]!, { renewalId: closing[1]!.id, stage: "CLOSED_WON", closedAmount: "60,000", reason: "Budget", addressable: false }, NOW),
      moveRenewalStage(w.csms[2]!, { renewalId: closing[2]!.id, stage: "CLOSED_WON", closedAmount: "45,000" }, NOW),
      moveRenewalStage(w.csms[3]!, { renewalId: r[4]!.id, stage: "CLOSED_LOST", reason: "Budget", addressable: false }, NOW),
    ]);
    await prisma.arrMovement.createMany({
      data: [
        { accountId: a5.id, date: d("2026-10-20"), type: "CONTRACTION", amountCents: 500_000n, reason: "Budget", addressable: false },
        { accountId: orphan.id, date: d("2026-11-02"), type: "CHURN", amountCents: 20_000_000n },
      ],
    });
    await expectSummariesMatchRows(w);

    // A snapshot filed late for a closed renewal (it rewrites its 30-day forecast, so its state row is rewritten while
    // the snapshot is not yet added) in a week where a closed renewal of the same CSM and quarter has one already.
    const neighbour = await createRenewal(a0.id, w.ae.id, { renewalDate: d("2026-09-20"), amountCents: 3_000_000n, stage: "CLOSED_WON" });
    const late = (renewalOpportunityId: string, amountCents: bigint) => ({ renewalOpportunityId, weekStart: d("2026-08-10"), category: "COMMIT" as const, amountCents, outcome: "FLAT" as const, baseAmountCents: amountCents, likelihood: 50, csmId: null });
    await prisma.forecastSnapshot.createMany({ data: [late(neighbour.id, 3_000_000n)] });
    await prisma.forecastSnapshot.createMany({ data: [late(closing[0]!.id, 5_000_000n)] });
    await expectSummariesMatchRows(w);

    // Accounts move to another CSM (and no CSM) and segment; a CSM's manager changes; a forecast and a snapshot go.
    await Promise.all([
      prisma.account.update({ where: { id: a0.id }, data: { csmId: w.csms[2]!.id, segment: "SCALE" } }),
      prisma.account.update({ where: { id: a1.id }, data: { csmId: null } }),
    ]);
    await prisma.user.update({ where: { id: w.csms[3]!.id }, data: { managerId: w.managers[1]!.id } });
    // A CSM's own call while the CSM's team change is not yet committed: the call waits for the change (the summaries'
    // lock) and adds to the new team; without the lock it would add to the old one. Then a CSM leaves every team.
    await setForecast(w.csms[2]!, { renewalId: r[0]!.id, category: "BEST_CASE", amount: "101000", outcome: "UPLIFT" }, NOW);
    let call: Promise<unknown> = Promise.resolve();
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: w.csms[1]!.id }, data: { managerId: w.managers[1]!.id } });
      call = setForecast(w.csms[1]!, { renewalId: r[6]!.id, category: "PIPELINE", amount: "26000", outcome: "UPLIFT" }, NOW);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await call;
    await expectSummariesMatchRows(w);
    await prisma.user.update({ where: { id: w.csms[1]!.id }, data: { managerId: null } });
    await prisma.renewalForecast.delete({ where: { renewalOpportunityId: r[1]!.id } });
    await prisma.forecastSnapshot.deleteMany({ where: { renewalOpportunityId: r[5]!.id } });
    await prisma.arrMovement.updateMany({ where: { accountId: a5.id, type: "CONTRACTION" }, data: { amountCents: 700_000n, addressable: true } });
    await expectSummariesMatchRows(w);
    // What was compared is not empty: every section of the company's view has figures.
    const company = await forecastFigures(w.leader, forecastParams.parse({}), TODAY, "summaries");
    expect(company.sums.renewals).toBe(8);
    expect(company.waterfall.buckets.filter((bucket) => bucket.renewals > 0).map((bucket) => bucket.kind)).toEqual(["downgraded", "upgraded", "amount", "closed"]);
    expect(company.reasons.map((reason) => [reason.reason, reason.addressable, reason.accounts.items.length])).toEqual([["Budget", false, 2], ["No reason recorded", null, 1], ["Budget", true, 1]]);
    expect(company.accuracy.company.at90.renewals).toBe(3);
    expect(company.accuracy.company.lateSurprises).toBe(2);
    // The summaries' CSMs of the accuracy table: the first one by closed renewals and any tied with it, and the rest
    // counted; the page then shows the same CSM and "more" as from every CSM's row.
    const rows = await forecastFigures(w.leader, forecastParams.parse({}), TODAY, "rows");
    const levels = await prisma.$queryRaw<AccuracyLevelRow[]>(accuracyLevelsSummarySql(summaryCutsSql(w.leader, {}), TODAY, { limit: 1 }));
    const firstOnly = { ...company, accuracy: accuracyLevels(levels, company.accuracy.surprises) };
    expect(rows.accuracy.byCsm.length).toBeGreaterThan(1);
    expect(firstOnly.accuracy.byCsm.length).toBeLessThan(rows.accuracy.byCsm.length);
    expect(firstOnly.accuracy.csmCount).toBe(rows.accuracy.byCsm.length);
    expect(text(shownCsms(firstOnly, undefined, 1))).toBe(text(shownCsms(rows, undefined, 1)));
    expect(shownCsms(firstOnly, undefined, 1).more).toBe(rows.accuracy.byCsm.length - 1);

    // This week's snapshot; then a renewal, and an account with everything on it, deleted.
    await snapshotForecasts(NOW);
    await prisma.renewalOpportunity.delete({ where: { id: r[2]!.id } });
    await expectSummariesMatchRows(w);
    await prisma.account.delete({ where: { id: a5.id } });
    await expectSummariesMatchRows(w);
    // A CSM with a book (who never acted, so nothing keeps the user) deleted: the accounts go to no CSM.
    const leaving = await createUser("CSM", { name: "Eve Csm", managerId: w.managers[0]!.id });
    await prisma.account.update({ where: { id: a2.id }, data: { csmId: leaving.id } });
    await expectSummariesMatchRows(w);
    await prisma.user.delete({ where: { id: leaving.id } });
    await expectSummariesMatchRows(w);
    expect(await prisma.account.findUniqueOrThrow({ where: { id: a2.id }, select: { csmId: true } })).toEqual({ csmId: null });
    expect(await prisma.forecastRenewalState.count()).toBe(await prisma.renewalOpportunity.count());
  });
});
