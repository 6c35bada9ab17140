import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { parseIsoDate } from "@/lib/dates";
import { formatCents, formatPercent } from "@/lib/format";
import { dashboardParams, drillParams } from "@/lib/dashboard/params";
import { monthOf, trendMonths, firstDayOf, lastDayOf } from "@/lib/dashboard/period";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { retentionBetween } from "@/lib/server/metrics/retention";
import { dashboardContext } from "@/lib/server/dashboard/context";
import { getRetention, getRetentionTrend } from "@/lib/server/dashboard/get-retention";
import { getRenewalVisibility } from "@/lib/server/dashboard/get-renewal-visibility";
import { getTimeToFirstValue } from "@/lib/server/dashboard/get-time-to-first-value";
import { getHandoffMeasures } from "@/lib/server/dashboard/get-handoff-measures";
import { getExpansionCredit } from "@/lib/server/dashboard/get-expansion-credit";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { listAllDrillRows, listDrillRows } from "@/lib/server/dashboard/list-drill-rows";
import { exportCsv } from "@/lib/server/dashboard/export-csv";
import type { ActingUser } from "@/lib/server/authz";
import { createAccount, createUser } from "./support/fixtures";
import { deal, handoff, movements, renewalFor } from "./support/dashboard-fixtures";

// Every expected figure below is worked out by hand from the rows the test writes.
// "Today" is Friday 2026-11-20 (15:00 UTC); the period is the calendar year 2026 unless a test says otherwise.

const NOW = new Date("2026-11-20T15:00:00Z");
const context = { now: NOW, settings: DEFAULT_SETTINGS };
// Retention of the whole calendar year 2026 is read once the year is over (a period never ends after today).
const afterYear = { now: new Date("2027-01-15T15:00:00Z"), settings: DEFAULT_SETTINGS };
const YEAR_2026 = dashboardParams.parse({ period: "custom", from: "2026-01", to: "2026-12" });
const year2026 = (extra: Record<string, string> = {}) => dashboardParams.parse({ period: "custom", from: "2026-01", to: "2026-12", ...extra });
const drill = (extra: Record<string, string> = {}) => drillParams.parse({ period: "custom", from: "2026-01", to: "2026-12", perPage: "200", ...extra });
const sum = (values: (string | number | boolean | null | undefined)[]) => values.reduce<bigint>((total, value) => total + BigInt(String(value ?? 0)), 0n);

/** Two CS teams, three CSMs, two AEs and the accounts of the retention example. */
async function retentionCompany() {
  const leader = await createUser("LEADERSHIP");
  const [managerOne, managerTwo] = await Promise.all([createUser("CS_MANAGER"), createUser("CS_MANAGER")]);
  const [csmA, csmB, csmC] = await Promise.all([
    createUser("CSM", { managerId: managerOne.id }),
    createUser("CSM", { managerId: managerOne.id }),
    createUser("CSM", { managerId: managerTwo.id }),
  ]);
  const [aeOne, aeTwo] = await Promise.all([createUser("AE"), createUser("AE")]);
  const account = (name: string, csm: ActingUser | null, segment: "ENTERPRISE" | "MID_MARKET" = "MID_MARKET", ae = aeOne) =>
    createAccount({ name, csmId: csm?.id, aeId: ae.id, segment });
  const steady = await account("Steady", csmA, "ENTERPRISE");
  const shrinking = await account("Shrinking", csmA);
  const churned = await account("Churned", csmB, "ENTERPRISE");
  const growing = await account("Growing", csmC);
  const newcomer = await account("Newcomer", csmA);
  const returner = await account("Returned", csmB);
  const churnAndBack = await account("Churned and back", csmC);
  const noCsm = await account("No CSM", null, "MID_MARKET", aeTwo);

  await movements(steady.id, [["2025-03-01", "NEW", 10_000_00n], ["2026-03-01", "RENEWAL", 10_000_00n]]);
  // Down 20,000 and up 5,000 in the period: 15,000 contraction, netted.
  await movements(shrinking.id, [["2025-05-10", "NEW", 50_000_00n], ["2026-02-01", "CONTRACTION", 20_000_00n], ["2026-06-01", "EXPANSION", 5_000_00n]]);
  await movements(churned.id, [["2024-07-01", "NEW", 8_000_50n], ["2026-07-01", "CHURN", 8_000_50n]]);
  await movements(growing.id, [["2025-12-31", "NEW", 12_345_67n], ["2026-09-15", "EXPANSION", 4_000_33n]]);
  // New during the period: not in the cohort.
  await movements(newcomer.id, [["2026-04-01", "NEW", 99_000_00n]]);
  // Churned before the period and back in it: ARR 0 at the start, so not in the cohort.
  await movements(returner.id, [["2024-01-01", "NEW", 7_000_00n], ["2025-06-01", "CHURN", 7_000_00n], ["2026-05-01", "NEW", 3_000_00n]]);
  // Churns and comes back inside the period: in the cohort, and compared end with start: 6,000.25 → 4,500.00.
  await movements(churnAndBack.id, [["2025-02-01", "NEW", 6_000_25n], ["2026-03-31", "CHURN", 6_000_25n], ["2026-08-01", "NEW", 4_500_00n]]);
  await movements(noCsm.id, [["2025-01-15", "NEW", 2_000_10n], ["2026-10-01", "EXPANSION", 500_00n]]);
  // After the period: ignored.
  await movements(steady.id, [["2027-01-04", "EXPANSION", 1_000_00n]]);
  return { leader, managerOne, managerTwo, csmA, csmB, csmC, aeOne, aeTwo };
}

describe("GRR, NRR and logo retention (SPEC.md Measures), exact to the cent", () => {
  it("nets each cohort account, leaves out new customers, and matches the raw movements", async () => {
    const { leader } = await retentionCompany();
    const { figures, period } = await getRetention(await dashboardContext(leader, YEAR_2026, afterYear));
    expect(period.toDate).toBe(false);
    // Cohort: Steady, Shrinking, Churned, Growing, Churned and back, No CSM (6 accounts).
    // start    = 10,000.00 + 50,000.00 + 8,000.50 + 12,345.67 + 6,000.25 + 2,000.10 = 88,346.52
    // retained = 10,000.00 + 35,000.00 + 0        + 12,345.67 + 4,500.00 + 2,000.10 = 63,845.77
    // end      = 10,000.00 + 35,000.00 + 0        + 16,346.00 + 4,500.00 + 2,500.10 = 68,346.10
    expect(period.start).toEqual(parseIsoDate("2026-01-01"));
    expect(period.end).toEqual(parseIsoDate("2026-12-31"));
    expect(figures).toMatchObject({
      startArrCents: 88_346_52n,
      retainedArrCents: 63_845_77n,
      endArrCents: 68_346_10n,
      cohortAccounts: 6,
      retainedAccounts: 5,
    });
    expect(formatCents(figures.endArrCents)).toBe("$68,346.10");
    expect(figures.grossRetention).toBe(0.722674); // 63,845.77 / 88,346.52
    expect(formatPercent(figures.grossRetention)).toBe("72.3%");
    expect(figures.netRetention).toBe(0.773613); // 68,346.10 / 88,346.52
    expect(formatPercent(figures.netRetention)).toBe("77.4%");
    expect(figures.logoRetention).toBe(0.833333); // 5 / 6
    expect(formatPercent(figures.logoRetention)).toBe("83.3%");
    // The summaries the dashboard reads agree with the movements themselves.
    expect(await retentionBetween(period.start, period.end)).toEqual(figures);

    // Mar – Aug 2026 (6 months, read from the per-account series). Cohort before Mar 1: Steady 10,000.00,
    // Shrinking 30,000.00 (after February's contraction), Churned 8,000.50, Growing 12,345.67, Churned and back
    // 6,000.25, No CSM 2,000.10 = 68,346.52. At Aug 31: 10,000 + 35,000 + 0 + 12,345.67 + 4,500 + 2,000.10 = 63,845.77;
    // min of each: 10,000 + 30,000 + 0 + 12,345.67 + 4,500 + 2,000.10 = 58,845.77.
    const spring = await getRetention(await dashboardContext(leader, year2026({ from: "2026-03", to: "2026-08" }), afterYear));
    expect(spring.figures).toMatchObject({ startArrCents: 68_346_52n, retainedArrCents: 58_845_77n, endArrCents: 63_845_77n, cohortAccounts: 6, retainedAccounts: 5 });
    expect(await retentionBetween(spring.period.start, spring.period.end)).toEqual(spring.figures);
  });

  it("draws a 24-month trend whose every point is that month's trailing 12 months, in total and per cut", async () => {
    const { leader, managerOne, aeTwo } = await retentionCompany();
    const trend = await getRetentionTrend(await dashboardContext(leader, YEAR_2026, afterYear));
    const months = trendMonths(monthOf(parseIsoDate("2026-12-01")));
    expect(months).toHaveLength(24);
    expect(trend.map((point) => point.month)).toEqual(months.map((month) => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`));
    expect(trend[0]?.month).toBe("2025-01");
    for (const [index, month] of months.entries()) {
      expect(trend[index]?.figures).toEqual(await retentionBetween(firstDayOf(month - 11), lastDayOf(month)));
    }
    // Window Jul 2025 – Jun 2026: Steady, Shrinking, Churned, Churned and back, No CSM (Growing signed later, in Dec 2025).
    // start = 10,000.00 + 50,000.00 + 8,000.50 + 6,000.25 + 2,000.10 = 76,000.85
    expect(trend.find((point) => point.month === "2026-06")?.figures.startArrCents).toBe(76_000_85n);
    // A team cut and an AE cut take the per-account path; the segment cut the stored totals.
    const team = await getRetentionTrend(await dashboardContext(managerOne, YEAR_2026, afterYear));
    const teamScope = { teamOf: managerOne.id };
    const enterprise = await getRetentionTrend(await dashboardContext(leader, year2026({ segment: "ENTERPRISE" }), afterYear));
    const byAe = await getRetentionTrend(await dashboardContext(leader, year2026({ ae: aeTwo.id }), afterYear));
    for (const series of [team, enterprise, byAe]) expect(series).toHaveLength(months.length);
    for (const [index, month] of months.entries()) {
      const [start, end] = [firstDayOf(month - 11), lastDayOf(month)];
      expect(team[index]?.figures).toEqual(await retentionBetween(start, end, prisma, teamScope));
      expect(enterprise[index]?.figures).toEqual(await retentionBetween(start, end, prisma, { segment: "ENTERPRISE" }));
      expect(byAe[index]?.figures).toEqual(await retentionBetween(start, end, prisma, { aeId: aeTwo.id }));
    }
  });

  it("cuts by segment, CSM and AE", async () => {
    const { leader, csmC, aeTwo } = await retentionCompany();
    const cut = async (extra: Record<string, string>) => (await getRetention(await dashboardContext(leader, year2026(extra), afterYear))).figures;
    // Enterprise: Steady and Churned. start 18,000.50, retained 10,000.00, end 10,000.00.
    expect(await cut({ segment: "ENTERPRISE" })).toMatchObject({ startArrCents: 18_000_50n, retainedArrCents: 10_000_00n, endArrCents: 10_000_00n, cohortAccounts: 2, retainedAccounts: 1 });
    // CSM C: Growing and Churned and back. start 18,345.92, retained 16,845.67, end 20,846.00.
    expect(await cut({ csm: csmC.id })).toMatchObject({ startArrCents: 18_345_92n, retainedArrCents: 16_845_67n, endArrCents: 20_846_00n, cohortAccounts: 2 });
    // AE two: No CSM only. 2,000.10 → 2,500.10: NRR 125.0%, GRR 100.0%.
    const aeCut = await cut({ ae: aeTwo.id });
    expect(aeCut).toMatchObject({ startArrCents: 2_000_10n, retainedArrCents: 2_000_10n, endArrCents: 2_500_10n });
    expect(formatPercent(aeCut.netRetention)).toBe("125.0%");
  });

  it("lists drill-down rows that add up exactly to the headline", async () => {
    const { leader } = await retentionCompany();
    const { figures } = await getRetention(await dashboardContext(leader, YEAR_2026, afterYear));
    const accounts = await listDrillRows(await dashboardContext(leader, drill(), afterYear), "retention-accounts", drill());
    expect(accounts.count).toBe(figures.cohortAccounts);
    expect(accounts.data.map((row) => row.account).sort()).toEqual(["Churned", "Churned and back", "Growing", "No CSM", "Shrinking", "Steady"]);
    expect(sum(accounts.data.map((row) => row.start))).toBe(figures.startArrCents);
    expect(sum(accounts.data.map((row) => row.retained))).toBe(figures.retainedArrCents);
    expect(sum(accounts.data.map((row) => row.end))).toBe(figures.endArrCents);
    expect(accounts.totals).toMatchObject({ start: "8834652", retained: "6384577", end: "6834610", still_customer: 5 });
    expect(accounts.data.find((row) => row.account === "Churned and back")).toMatchObject({ start: "600025", end: "450000", outcome: "Contracted" });
    // The movements behind it: their effect is end − start = 68,346.10 − 88,346.52 = −20,000.42.
    const moved = await listDrillRows(await dashboardContext(leader, drill(), afterYear), "retention-movements", drill());
    expect(sum(moved.data.map((row) => row.effect))).toBe(figures.endArrCents - figures.startArrCents);
    expect(moved.totals.effect).toBe("-2000042");
    expect(moved.data.some((row) => row.account === "Newcomer")).toBe(false);
    // Paging and sorting happen in SQL; the totals stay those of all rows.
    const page = await listDrillRows(await dashboardContext(leader, drill({ perPage: "5", sort: "end", dir: "desc" }), afterYear), "retention-accounts", drill({ perPage: "5", sort: "end", dir: "desc" }));
    expect(page.data.map((row) => row.account)).toEqual(["Shrinking", "Growing", "Steady", "Churned and back", "No CSM"]);
    expect(page).toMatchObject({ count: 6, totalPages: 2, totals: accounts.totals });
    // CSV gets every row, money in dollars with its cents, and adds up to the same totals.
    expect((await listAllDrillRows(await dashboardContext(leader, drill({ perPage: "5" }), afterYear), "retention-accounts", drill({ perPage: "5" }))).rows).toHaveLength(6);
    const csv = await exportCsv(leader, "retention-accounts", drill({ perPage: "5" }), afterYear);
    const lines = csv.body.trim().split("\n");
    expect(lines[0]).toBe("id,Account,Segment,CSM,AE,Start ARR (USD),Retained (min of start and end) (USD),End ARR (USD),Change (USD),Outcome,Still a customer");
    expect(lines).toHaveLength(7);
    const endColumn = lines.slice(1).map((line) => line.split(",")[7] ?? "0");
    expect(sum(endColumn.map((value) => value.replace(".", "")))).toBe(68_346_10n);
    expect(lines.find((line) => line.includes("Churned and back"))).toContain(",6000.25,4500.00,4500.00,-1500.25,Contracted,yes");
    const trendCsv = await exportCsv(leader, "retention-trend", drill(), afterYear);
    expect(trendCsv.body.trim().split("\n").at(-1)).toBe("2026-12,6,5,88346.52,63845.77,68346.10,0.722674,0.773613,0.833333");
  });

  it("keeps the summaries right when movements change or an account moves segment", async () => {
    const { leader } = await retentionCompany();
    const churned = await prisma.account.findFirstOrThrow({ where: { name: "Churned" } });
    await prisma.arrMovement.deleteMany({ where: { accountId: churned.id, type: "CHURN" } });
    await prisma.arrMovement.updateMany({ where: { type: "EXPANSION", amountCents: 500_00n }, data: { amountCents: 700_01n } });
    await prisma.account.update({ where: { id: churned.id }, data: { segment: "SCALE" } });
    const { figures, period } = await getRetention(await dashboardContext(leader, YEAR_2026, afterYear));
    // Churned no longer churns (+8,000.50 to retained and end) and No CSM expands by 700.01 instead of 500.00.
    expect(figures).toMatchObject({ startArrCents: 88_346_52n, retainedArrCents: 71_846_27n, endArrCents: 76_546_61n, retainedAccounts: 6 });
    expect(await retentionBetween(period.start, period.end)).toEqual(figures);
    const scale = await getRetentionTrend(await dashboardContext(leader, year2026({ segment: "SCALE" }), afterYear));
    expect(scale.at(-1)?.figures).toMatchObject({ startArrCents: 8_000_50n, endArrCents: 8_000_50n });
    await prisma.arrMovement.deleteMany({});
    expect((await getRetention(await dashboardContext(leader, YEAR_2026, afterYear))).figures.cohortAccounts).toBe(0);
  });
});

describe("a period that has not ended yet ends today", () => {
  it("reads the calendar year 2026 on 2026-11-20 as Jan 1 – Nov 20, with the trend ending at the last complete month", async () => {
    const { leader } = await retentionCompany();
    const { figures, period } = await getRetention(await dashboardContext(leader, YEAR_2026, context));
    expect(period).toMatchObject({ start: parseIsoDate("2026-01-01"), end: parseIsoDate("2026-11-20"), toDate: true });
    // No movement of the example falls between Nov 21 and Dec 31, 2026: the same cohort figures as the whole year.
    expect(figures).toMatchObject({ startArrCents: 88_346_52n, retainedArrCents: 63_845_77n, endArrCents: 68_346_10n, cohortAccounts: 6 });
    expect(await retentionBetween(period.start, period.end)).toEqual(figures);
    const trend = await getRetentionTrend(await dashboardContext(leader, YEAR_2026, context));
    expect(trend).toHaveLength(24);
    expect(trend.at(-1)?.month).toBe("2026-10");
  });
});

describe("renewal visibility at 90 days (today 2026-11-20, due up to 2027-02-18)", () => {
  it("counts a renewal without a CSM, or without an opportunity, as not visible", async () => {
    const leader = await createUser("LEADERSHIP");
    const manager = await createUser("CS_MANAGER");
    const csm = await createUser("CSM", { managerId: manager.id });
    const ae = await createUser("AE");
    const withCsm = await createAccount({ csmId: csm.id, aeId: ae.id });
    const withoutCsm = await createAccount({ aeId: ae.id });
    const due1 = await deal(withCsm.id, ae.id, { closeDate: "2026-01-10", contractStart: "2026-01-15", amountCents: 12_000_00n }); // ends 2027-01-15
    await renewalFor(due1.id);
    const due2 = await deal(withoutCsm.id, ae.id, { closeDate: "2026-02-10", amountCents: 5_000_50n }); // ends 2027-02-10, no CSM
    await renewalFor(due2.id);
    await deal(withCsm.id, ae.id, { closeDate: "2025-12-01", amountCents: 3_000_00n }); // ends 2026-12-01, no opportunity
    const edge = await deal(withCsm.id, ae.id, { closeDate: "2026-02-18", amountCents: 1_000_01n }); // ends 2027-02-18 = day 90
    await renewalFor(edge.id);
    const later = await deal(withCsm.id, ae.id, { closeDate: "2026-03-01" }); // ends 2027-03-01: not yet due
    await renewalFor(later.id);
    await deal(withCsm.id, ae.id, { closeDate: "2025-11-19" }); // ended yesterday
    await deal(withCsm.id, ae.id, { closeDate: "2026-01-05", stage: "CLOSED_LOST" }); // never a contract

    const visibility = await getRenewalVisibility(await dashboardContext(leader, YEAR_2026, context));
    expect(visibility).toMatchObject({ due: 4, visible: 2, withoutCsm: 1, withoutOpportunity: 1, visibility: 0.5 });
    expect(visibility.dueArrCents).toBe(12_000_00n + 5_000_50n + 3_000_00n + 1_000_01n);
    expect(visibility.visibleArrCents).toBe(13_000_01n);
    const rows = await listDrillRows(await dashboardContext(leader, drill(), context), "renewals-due", drill());
    expect(rows.count).toBe(4);
    expect(rows.totals).toMatchObject({ visible: 2, amount: "2100051" });
    expect(rows.data.find((row) => row.opportunity === "Missing")).toMatchObject({ visible: false, renewal_date: "2026-12-01T00:00:00.000Z" });
    // The manager's team holds only the account with a CSM: 2 of 3 visible.
    expect(await getRenewalVisibility(await dashboardContext(manager, YEAR_2026, context))).toMatchObject({ due: 3, visible: 2 });
  });
});

describe("time to first value, handoff SLA and satisfaction", () => {
  it("takes the median days from close to first value of accounts closed in the period", async () => {
    const leader = await createUser("LEADERSHIP");
    const ae = await createUser("AE");
    const signed = (initialSignedAt: string, firstValueAt?: string) =>
      createAccount({ aeId: ae.id, initialSignedAt: parseIsoDate(initialSignedAt), firstValueAt: firstValueAt ? parseIsoDate(firstValueAt) : undefined });
    await signed("2026-01-10", "2026-01-20"); // 10 days
    await signed("2026-02-01", "2026-03-03"); // 30 days
    await signed("2026-03-01", "2026-05-15"); // 75 days
    await signed("2026-06-01"); // still waiting
    await signed("2025-12-20", "2026-01-05"); // closed before the period
    // No initial signing recorded: the first closed-won NEW deal is the close. 7 days.
    const fallback = await createAccount({ aeId: ae.id, firstValueAt: parseIsoDate("2026-04-08") });
    await deal(fallback.id, ae.id, { closeDate: "2026-04-01" });

    const ttfv = await getTimeToFirstValue(await dashboardContext(leader, YEAR_2026, context));
    // Reached: 7, 10, 30, 75 → median (10 + 30) / 2 = 20.
    expect(ttfv).toMatchObject({ closed: 5, reached: 4, medianDays: 20 });
    expect(ttfv.buckets.map((bucket) => bucket.accounts)).toEqual([1, 1, 1, 0, 1, 0]);
    const rows = await listDrillRows(await dashboardContext(leader, drill(), context), "ttfv-accounts", drill());
    expect(rows.totals).toMatchObject({ rows: 5, reached: 4 });
  });

  it("shares completed handoffs within the SLA and averages ratings, by the company's calendar days", async () => {
    const leader = await createUser("LEADERSHIP");
    const account = await createAccount();
    await handoff(account.id, { startedAt: "2026-03-02T14:00:00Z", completed: true, rating: 5 });
    await handoff(account.id, { startedAt: "2026-04-01T14:00:00Z", completed: true, withinSla: false, rating: 4 });
    await handoff(account.id, { startedAt: "2026-05-05T14:00:00Z", completed: true, rating: 4 });
    await handoff(account.id, { startedAt: "2026-06-01T14:00:00Z" }); // open and overdue: not in the share
    await handoff(account.id, { startedAt: "2026-07-01T14:00:00Z", completed: true }); // not rated
    // 23:30 on Dec 31, 2025 in New York is already 2026 in UTC: outside the period.
    await handoff(account.id, { startedAt: "2026-01-01T04:30:00Z", completed: true, rating: 1 });
    // 23:00 on Dec 31, 2026 in New York: inside.
    await handoff(account.id, { startedAt: "2027-01-01T04:00:00Z", completed: true, rating: 3 });

    const measures = await getHandoffMeasures(await dashboardContext(leader, YEAR_2026, afterYear));
    // Completed: 5, within 72 business hours: 4 → 80%. Rated: 5 + 4 + 4 + 3 = 16 over 4 → 4.0.
    expect(measures).toMatchObject({ completed: 5, withinSla: 4, slaShare: 0.8, openOverdue: 1, rated: 4, ratingSum: 16, meanRating: 4 });
    expect(measures.ratings).toEqual([0, 0, 1, 2, 1]);
    const rows = await listDrillRows(await dashboardContext(leader, drill(), afterYear), "handoffs", drill());
    expect(rows.totals).toMatchObject({ rows: 6, completed: 5, within_sla: 4, rated: 4, rating: "16" });
  });
});

describe("AE expansion credit (18 months, 10 %)", () => {
  it("credits expansions inside the window to the original AE still on the account, rounded half up", async () => {
    const leader = await createUser("LEADERSHIP");
    const [aeOne, aeTwo] = await Promise.all([createUser("AE"), createUser("AE")]);
    const kept = await createAccount({ aeId: aeOne.id, initialSignedAt: parseIsoDate("2025-03-15") });
    await deal(kept.id, aeOne.id, { closeDate: "2025-03-15" });
    await movements(kept.id, [
      ["2025-03-15", "NEW", 20_000_00n],
      ["2025-12-31", "EXPANSION", 500_00n], // before the period
      ["2026-02-10", "EXPANSION", 1_234_56n],
      ["2026-03-01", "CONTRACTION", 100_00n],
      ["2026-09-14", "EXPANSION", 2_000_01n], // last day inside the window
      ["2026-09-15", "EXPANSION", 3_000_00n], // 18 months after signing: outside
    ]);
    // Closed by AE one, handed to AE two since: neither earns credit.
    const handed = await createAccount({ aeId: aeTwo.id, initialSignedAt: parseIsoDate("2025-06-01") });
    await deal(handed.id, aeOne.id, { closeDate: "2025-06-01" });
    await movements(handed.id, [["2025-06-01", "NEW", 9_000_00n], ["2026-04-01", "EXPANSION", 7_777_77n]]);
    // No initial signing recorded: the window starts at the first closed-won NEW deal (2025-10-01).
    const unsigned = await createAccount({ aeId: aeOne.id });
    await deal(unsigned.id, aeOne.id, { closeDate: "2025-10-01" });
    await movements(unsigned.id, [["2025-10-01", "NEW", 5_000_00n], ["2026-01-10", "EXPANSION", 111_11n], ["2027-04-01", "EXPANSION", 999_00n]]);
    const own = await createAccount({ aeId: aeTwo.id, initialSignedAt: parseIsoDate("2026-01-20") });
    await deal(own.id, aeTwo.id, { closeDate: "2026-01-20" });
    await movements(own.id, [["2026-01-20", "NEW", 40_000_00n], ["2026-05-05", "EXPANSION", 10_000_05n]]);

    const credit = await getExpansionCredit(await dashboardContext(leader, YEAR_2026, context));
    // AE one: 1,234.56 + 111.11 + 2,000.01 = 3,345.68 → 334.568 → 334.57. AE two: 10,000.05 → 1,000.005 → 1,000.01.
    expect(credit.rows.map(({ aeId, expansionCents, creditCents, movements: count, accounts }) => ({ aeId, expansionCents, creditCents, count, accounts }))).toEqual([
      { aeId: aeTwo.id, expansionCents: 10_000_05n, creditCents: 1_000_01n, count: 1, accounts: 1 },
      { aeId: aeOne.id, expansionCents: 3_345_68n, creditCents: 334_57n, count: 3, accounts: 2 },
    ]);
    expect(credit).toMatchObject({ expansionCents: 13_345_73n, creditCents: 1_334_58n });
    // Read once the year is over (whole months: ExpansionCreditMonth rather than the movements), the same figures.
    const closed = await getExpansionCredit(await dashboardContext(leader, YEAR_2026, afterYear));
    expect(closed.period.toDate).toBe(false);
    expect(closed.rows.map(({ aeId, expansionCents, creditCents, movements: count, accounts }) => ({ aeId, expansionCents, creditCents, count, accounts }))).toEqual([
      { aeId: aeTwo.id, expansionCents: 10_000_05n, creditCents: 1_000_01n, count: 1, accounts: 1 },
      { aeId: aeOne.id, expansionCents: 3_345_68n, creditCents: 334_57n, count: 3, accounts: 2 },
    ]);
    const rows = await listDrillRows(await dashboardContext(leader, drill({ focus: aeOne.id }), context), "credit-movements", drill({ focus: aeOne.id }));
    expect(rows.data.map((row) => row.amount)).toEqual(["11111", "123456", "200001"]); // by date
    expect(rows.totals.amount).toBe("334568");

    // An AE sees only their own credit, whatever the URL asks for.
    const mine = await getExpansionCredit(await dashboardContext(aeOne, year2026({ ae: aeTwo.id }), context));
    expect(mine.rows.map((row) => row.aeId)).toEqual([aeOne.id]);
    const myRows = await listDrillRows(await dashboardContext(aeOne, drill({ ae: aeTwo.id, focus: aeTwo.id }), context), "credit-movements", drill({ ae: aeTwo.id, focus: aeTwo.id }));
    expect(myRows.totals.amount).toBe("334568");
  });
});

describe("access to the dashboard, enforced in the data functions", () => {
  it("gives a CS manager their team's accounts by default and every account on request, a CSM their book only, and refuses an AE", async () => {
    const { leader, managerOne, csmA, csmB, csmC, aeOne } = await retentionCompany();
    // Team one = CSMs A and B: Steady, Shrinking, Churned in the cohort. start 68,000.50, retained and end 45,000.00.
    const team = (await getRetention(await dashboardContext(managerOne, YEAR_2026, context))).figures;
    expect(team).toMatchObject({ startArrCents: 68_000_50n, retainedArrCents: 45_000_00n, endArrCents: 45_000_00n, cohortAccounts: 3 });
    const teamRows = await listDrillRows(await dashboardContext(managerOne, drill(), context), "retention-accounts", drill());
    expect(teamRows.data.map((row) => row.account).sort()).toEqual(["Churned", "Shrinking", "Steady"]);
    // A CS manager sees every account and CSM (SPEC), their team being only the default cut: another team's CSM
    // shows that CSM's accounts, and "every account" the whole company, as leadership sees them.
    const otherTeam = (await getRetention(await dashboardContext(managerOne, year2026({ csm: csmC.id }), context))).figures;
    // CSM C's book: Growing, Churned and back.
    expect(otherTeam.cohortAccounts).toBe(2);
    expect(otherTeam).toEqual((await getRetention(await dashboardContext(leader, year2026({ csm: csmC.id }), context))).figures);
    const everyAccount = (await getRetention(await dashboardContext(managerOne, year2026({ team: "all" }), context))).figures;
    expect(everyAccount.cohortAccounts).toBe(6);
    expect(everyAccount).toEqual((await getRetention(await dashboardContext(leader, YEAR_2026, context))).figures);
    const managerDashboard = await getDashboard(managerOne, YEAR_2026, NOW);
    expect(managerDashboard.scopeNote).toBe("Your team's accounts");
    expect(managerDashboard.retention.figures).toEqual(team);
    expect(managerDashboard.options).toMatchObject({ csmLocked: false, teamCut: true });
    expect(managerDashboard.options).toMatchObject({ csm: null, ae: null });
    // The cut's CSM is named from the URL (the picker looks the others up as one types: people-filter.test.ts).
    expect((await getDashboard(managerOne, year2026({ csm: csmC.id }), NOW)).options.csm).toMatchObject({ id: csmC.id, name: csmC.name });
    expect((await getDashboard(managerOne, year2026({ team: "all" }), NOW)).scopeNote).toBeNull();

    // CSM A's book: Steady and Shrinking (Newcomer is not in the cohort), whatever CSM the URL names.
    const book = (await getRetention(await dashboardContext(csmA, year2026({ csm: csmC.id }), context))).figures;
    expect(book).toMatchObject({ startArrCents: 60_000_00n, retainedArrCents: 45_000_00n, endArrCents: 45_000_00n, cohortAccounts: 2 });
    // An account that churned and lost its CSM still counts for the CSM it was last assigned to (and their team).
    const gone = await createAccount({ name: "Gone" });
    await prisma.csmAssignment.create({
      data: { accountId: gone.id, status: "APPROVED", suggestedCsmId: csmA.id, chosenCsmId: csmA.id, decidedAt: new Date("2025-01-02T12:00:00Z") },
    });
    await movements(gone.id, [["2025-01-02", "NEW", 1_000_00n], ["2026-05-01", "CHURN", 1_000_00n]]);
    expect((await getRetention(await dashboardContext(csmA, YEAR_2026, context))).figures).toMatchObject({
      startArrCents: 61_000_00n, retainedArrCents: 45_000_00n, endArrCents: 45_000_00n, cohortAccounts: 3, retainedAccounts: 2,
    });
    expect((await getRetention(await dashboardContext(managerOne, YEAR_2026, context))).figures.startArrCents).toBe(69_000_50n);
    await prisma.arrMovement.deleteMany({ where: { accountId: gone.id } });

    const dashboard = await getDashboard(csmA, YEAR_2026, NOW);
    expect(dashboard.retention.figures).toEqual(book);
    expect(dashboard.credit).toBeNull();
    expect(dashboard.options.csm).toMatchObject({ id: csmA.id, name: csmA.name });
    expect((await getDashboard(csmA, year2026({ csm: csmC.id }), NOW)).options.csm?.id).toBe(csmA.id);

    await expect(getDashboard(aeOne, YEAR_2026, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getRetention(await dashboardContext(aeOne, YEAR_2026, context))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listDrillRows(await dashboardContext(aeOne, drill(), context), "retention-accounts", drill())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getExpansionCredit(await dashboardContext(csmA, YEAR_2026, context))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listDrillRows(await dashboardContext(managerOne, drill(), context), "credit-movements", drill())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportCsv(aeOne, "retention-accounts", drill())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportCsv(aeOne, "retention-trend", drill())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportCsv(leader, "no-such-table", drill())).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The manager's CSV holds their team's accounts by default.
    const teamCsv = await exportCsv(managerOne, "retention-accounts", drill());
    expect(teamCsv.body).not.toContain("Growing");
    expect(teamCsv.body.trim().split("\n")).toHaveLength(4);
    expect((await getDashboard(leader, YEAR_2026, NOW)).retention.figures.cohortAccounts).toBe(6);
  });
});
