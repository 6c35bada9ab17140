import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { dashboardParams } from "@/lib/dashboard/params";
import { accuracyAt, brierScore, lateSurprises, type ClosedHistory } from "@/lib/forecast/accuracy";
import type { ForecastCategory, Segment } from "@/lib/generated/prisma/enums";
import { dashboardContext } from "@/lib/server/dashboard/context";
import { getForecastAccuracy } from "@/lib/server/dashboard/get-forecast-accuracy";
import { forecastParams, getForecast } from "@/lib/server/forecast/get-forecast";
import { stopBoss } from "@/lib/server/jobs/boss";
import { snapshotForecasts } from "@/lib/server/jobs/handlers/forecast-snapshots";
import { moveRenewalStage } from "@/lib/server/renewals/move-renewal-stage";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

// Each closed renewal's forecast as it stood 90 and 30 days before its renewal date, stored once in
// ClosedRenewalForecast by the database (closed_renewal_forecast migration): written in the closing transaction,
// recomputed only when what it is made of changes, rebuilt whole by the backfill; accuracy is summed over it.

// Monday 2026-11-23, 10:00 in New York.
const NOW = new Date("2026-11-23T15:00:00Z");
const d = parseIsoDate;

afterAll(async () => {
  await stopBoss();
});

type Snap = [week: string, category: ForecastCategory, amountCents: bigint, likelihood: number];

async function snapshots(renewalOpportunityId: string, points: readonly Snap[], csmId: string | null = null) {
  await prisma.forecastSnapshot.createMany({
    data: points.map(([week, category, amountCents, likelihood]) => ({
      renewalOpportunityId, weekStart: d(week), category, amountCents, outcome: "FLAT" as const, baseAmountCents: amountCents, likelihood, csmId,
    })),
  });
}

/** An open renewal due 2026-12-01 on an account with ARR, and its weekly snapshots around 90 and 30 days out. */
async function openRenewal() {
  const manager = await createUser("CS_MANAGER");
  const csm = await createUser("CSM", { managerId: manager.id });
  const ae = await createUser("AE");
  const account = await createAccount({ csmId: csm.id, aeId: ae.id });
  await prisma.arrMovement.create({ data: { accountId: account.id, date: d("2025-12-01"), type: "NEW", amountCents: 10_000_000n } });
  await prisma.account.update({ where: { id: account.id }, data: { arrCents: 10_000_000n } });
  const renewal = await createRenewal(account.id, ae.id, { renewalDate: d("2026-12-01"), amountCents: 10_000_000n });
  await snapshots(renewal.id, [
    ["2026-08-31", "COMMIT", 10_000_000n, 70], // 92 days out: the last week starting 90 or more days before
    ["2026-09-07", "BEST_CASE", 9_000_000n, 60], // 85 days out
    ["2026-10-26", "AT_RISK", 5_000_000n, 40], // 36 days out: the last week starting 30 or more days before
    ["2026-11-02", "OMITTED", 0n, 10], // 29 days out
  ], csm.id);
  return { manager, csm, account, renewal };
}

const storedRow = (renewalOpportunityId: string) => prisma.closedRenewalForecast.findUnique({ where: { renewalOpportunityId } });
const lost = (renewalId: string) => ({ renewalId, stage: "CLOSED_LOST" as const, reason: "Competitor", addressable: true });

describe("the closed renewal's stored forecast", () => {
  it("is written once when the renewal closes lost, from the snapshots 90 and 30 days out, and not by a close that rolled back", async () => {
    const { csm, account, renewal } = await openRenewal();
    expect(await storedRow(renewal.id)).toBeNull();

    // A close whose transaction fails (an API call whose idempotency claim rolls back) leaves no row.
    await expect(prisma.$transaction(async (tx) => {
      await moveRenewalStage(csm, lost(renewal.id), NOW, tx);
      throw new Error("rolled back");
    })).rejects.toThrow("rolled back");
    expect(await storedRow(renewal.id)).toBeNull();
    expect(await prisma.closedRenewalForecast.count()).toBe(0);

    // The retry closes it, and the row is the forecast as it stood 90 days out (Aug 31) and 30 days out (Oct 26).
    await moveRenewalStage(csm, lost(renewal.id), NOW);
    const row = await storedRow(renewal.id);
    expect(row).toMatchObject({
      accountId: account.id, won: false, baseCents: 10_000_000n, closedCents: 0n,
      category90: "COMMIT", amount90Cents: 10_000_000n, likelihood90: 70,
      category30: "AT_RISK", amount30Cents: 5_000_000n, likelihood30: 40,
    });
    expect(toIsoDate(row!.renewalDate)).toBe("2026-12-01");

    // A second close is refused and the row stays as written; the weekly job snapshots open renewals only.
    await expect(moveRenewalStage(csm, lost(renewal.id), NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    await snapshotForecasts(new Date("2026-11-30T15:00:00Z"));
    expect(await prisma.forecastSnapshot.count({ where: { renewalOpportunityId: renewal.id } })).toBe(4);
    expect(await storedRow(renewal.id)).toEqual(row);
    expect(await prisma.closedRenewalForecast.count()).toBe(1);
  });

  it("keeps one row when two closes race, and the won amount when it closes won (the next term has none)", async () => {
    const { csm, renewal } = await openRenewal();
    const results = await Promise.allSettled([
      moveRenewalStage(csm, { renewalId: renewal.id, stage: "CLOSED_WON", closedAmount: "125,000" }, NOW),
      moveRenewalStage(csm, { renewalId: renewal.id, stage: "CLOSED_WON", closedAmount: "125,000" }, NOW),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await prisma.closedRenewalForecast.count()).toBe(1);
    expect(await storedRow(renewal.id)).toMatchObject({ won: true, baseCents: 10_000_000n, closedCents: 12_500_000n, category90: "COMMIT", category30: "AT_RISK" });
    const next = await prisma.renewalOpportunity.findFirstOrThrow({ where: { accountId: renewal.accountId, stage: "RENEWAL_PENDING" } });
    expect(await storedRow(next.id)).toBeNull();
  });

  it("is recomputed when a snapshot arrives late or the closed renewal's figures change", async () => {
    const { csm, renewal } = await openRenewal();
    await moveRenewalStage(csm, lost(renewal.id), NOW);
    // A weekly job that read the renewal open just before it closed files its snapshot after: 30 days out moves to it.
    await snapshots(renewal.id, [["2026-10-19", "COMMIT", 8_000_000n, 55]]);
    expect(await storedRow(renewal.id)).toMatchObject({ category30: "AT_RISK", amount30Cents: 5_000_000n });
    await snapshots(renewal.id, [["2026-11-01", "PIPELINE", 7_000_000n, 50]]); // a Sunday week start, exactly 30 days out
    expect(await storedRow(renewal.id)).toMatchObject({ category30: "PIPELINE", amount30Cents: 7_000_000n, likelihood30: 50, category90: "COMMIT" });
    await prisma.forecastSnapshot.deleteMany({ where: { renewalOpportunityId: renewal.id, weekStart: d("2026-11-01") } });
    expect(await storedRow(renewal.id)).toMatchObject({ category30: "AT_RISK", amount30Cents: 5_000_000n });
    await prisma.renewalOpportunity.update({ where: { id: renewal.id }, data: { amountCents: 11_000_000n } });
    expect(await storedRow(renewal.id)).toMatchObject({ baseCents: 11_000_000n });
    // Moved 60 days later, 90 days out is now Oct 26's week and 30 days out Nov 2's Omitted call.
    await prisma.renewalOpportunity.update({ where: { id: renewal.id }, data: { renewalDate: d("2027-01-30") } });
    expect(await storedRow(renewal.id)).toMatchObject({ category90: "AT_RISK", likelihood90: 40, category30: "OMITTED", amount30Cents: 0n });
  });

  it("is written for renewals inserted closed (history imports, the seed), the backfill rebuilds the same rows, and it goes with its renewal", async () => {
    const { csm, renewal } = await openRenewal();
    await moveRenewalStage(csm, lost(renewal.id), NOW);
    const ae = await createUser("AE");
    const account = await createAccount({ csmId: csm.id, aeId: ae.id });
    const imported = await createRenewal(account.id, ae.id, { renewalDate: d("2026-06-30"), amountCents: 4_000_000n, stage: "CLOSED_WON" });
    expect(await storedRow(imported.id)).toMatchObject({ won: true, closedCents: 0n, category90: null, amount90Cents: null, likelihood90: null, category30: null });
    await prisma.renewalOpportunity.update({ where: { id: imported.id }, data: { closedAmountCents: 4_200_000n } });
    await snapshots(imported.id, [["2026-03-30", "BEST_CASE", 4_000_000n, 65], ["2026-05-25", "COMMIT", 4_100_000n, 80]]);
    expect(await storedRow(imported.id)).toMatchObject({ closedCents: 4_200_000n, category90: "BEST_CASE", likelihood90: 65, category30: "COMMIT", amount30Cents: 4_100_000n });

    const before = await prisma.closedRenewalForecast.findMany({ orderBy: { renewalOpportunityId: "asc" } });
    expect(before).toHaveLength(2);
    await prisma.$executeRaw`DELETE FROM "ClosedRenewalForecast"`;
    await prisma.$executeRaw`SELECT closed_renewal_forecast_rebuild()`;
    expect(await prisma.closedRenewalForecast.findMany({ orderBy: { renewalOpportunityId: "asc" } })).toEqual(before);

    // The row goes with its renewal.
    await prisma.renewalOpportunity.delete({ where: { id: imported.id } });
    expect((await prisma.closedRenewalForecast.findMany()).map((row) => row.renewalOpportunityId)).toEqual([renewal.id]);
  });
});

describe("accuracy over the stored rows", () => {
  it("equals the figures computed by hand from every snapshot of the closed renewals, per company, CSM, manager and segment", async () => {
    const manager = await createUser("CS_MANAGER", { name: "Grace Manager" });
    const ada = await createUser("CSM", { name: "Ada Csm", managerId: manager.id });
    const bob = await createUser("CSM", { name: "Bob Csm" }); // no manager
    const ae = await createUser("AE");
    const leader = await createUser("LEADERSHIP");
    const accounts: Record<string, { id: string; segment: Segment }> = {};
    for (const [key, csmId, segment] of [["ent", ada.id, "ENTERPRISE"], ["mid", ada.id, "MID_MARKET"], ["scale", bob.id, "SCALE"]] as const) {
      accounts[key] = { id: (await createAccount({ csmId, aeId: ae.id, segment, name: `Acc ${key}` })).id, segment };
    }
    // Today is 2026-11-23: the year is renewal dates after 2025-11-23 up to today.
    const cases: { account: string; date: string; base: bigint; won: boolean; closed: bigint; snaps: Snap[] }[] = [
      // 90 out: Jul 13 (Commit 100k, 80); 30 out: Sep 14 (Commit 100k, 70) — lost: a late surprise.
      { account: "ent", date: "2026-10-15", base: 10_000_000n, won: false, closed: 0n, snaps: [["2026-07-13", "COMMIT", 10_000_000n, 80], ["2026-09-14", "COMMIT", 10_000_000n, 70], ["2026-10-05", "AT_RISK", 0n, 5]] },
      // The week starting exactly 90 days out counts (Jul 17 − 90 = Apr 18, a Saturday week start kept as written).
      { account: "ent", date: "2026-07-17", base: 5_000_000n, won: true, closed: 6_000_000n, snaps: [["2026-04-18", "BEST_CASE", 5_500_000n, 55], ["2026-06-15", "OMITTED", 0n, 30]] },
      // Downsold while Commit at 30: a surprise; no snapshot 90 days out.
      { account: "mid", date: "2026-09-30", base: 8_000_000n, won: true, closed: 6_000_000n, snaps: [["2026-08-24", "COMMIT", 8_000_000n, 90]] },
      // No snapshot at all: in no figure.
      { account: "mid", date: "2026-05-01", base: 3_000_000n, won: true, closed: 3_000_000n, snaps: [] },
      { account: "scale", date: "2026-02-02", base: 2_000_000n, won: false, closed: 0n, snaps: [["2025-10-27", "PIPELINE", 2_000_000n, 35], ["2025-12-29", "AT_RISK", 1_000_000n, 25]] },
      // Out of the year (on its first day, excluded) and not yet due: neither counts.
      { account: "scale", date: "2025-11-23", base: 9_000_000n, won: false, closed: 0n, snaps: [["2025-08-18", "COMMIT", 9_000_000n, 90]] },
      { account: "scale", date: "2026-12-20", base: 9_000_000n, won: true, closed: 9_000_000n, snaps: [["2026-09-14", "COMMIT", 9_000_000n, 90]] },
    ];
    const histories: (ClosedHistory & { csm: string; manager: string; segment: Segment })[] = [];
    for (const c of cases) {
      const renewal = await createRenewal(accounts[c.account]!.id, ae.id, { renewalDate: d(c.date), amountCents: c.base, stage: c.won ? "CLOSED_WON" : "CLOSED_LOST" });
      await prisma.renewalOpportunity.update({ where: { id: renewal.id }, data: { closedAmountCents: c.closed } });
      if (c.snaps.length > 0) await snapshots(renewal.id, c.snaps);
      const inYear = d(c.date) > d("2025-11-23") && d(c.date) <= d("2026-11-23");
      if (inYear) {
        histories.push({
          renewalId: renewal.id, renewalDate: d(c.date), baseAmountCents: c.base, won: c.won, closedAmountCents: c.closed,
          snapshots: c.snaps.map(([week, category, amountCents, likelihood]) => ({ weekStart: d(week), category, amountCents, likelihood })),
          csm: c.account === "scale" ? "Bob Csm" : "Ada Csm", manager: c.account === "scale" ? "No manager" : "Grace Manager", segment: accounts[c.account]!.segment,
        });
      }
    }
    expect(histories).toHaveLength(5);
    const figures = (rows: readonly ClosedHistory[]) => ({ at90: accuracyAt(rows, 90), at30: accuracyAt(rows, 30), lateSurprises: lateSurprises(rows).length, brier: brierScore(rows, 90).score });

    const page = await getForecast(leader, forecastParams.parse({}), NOW);
    expect(page.accuracy.company).toEqual({ key: "company", name: "Company", ...figures(histories) });
    // By hand, 90 days out: 100k vs 0, 55k vs 60k, 20k vs 0 → 125k off of 170k up → 26.4%; Brier (0.8² + 0.45² + 0.35²) / 3.
    expect(page.accuracy.company.at90).toMatchObject({ renewals: 3, baseCents: 17_000_000n, absErrorCents: 12_500_000n, accuracyPct: 26.4 });
    expect(page.accuracy.company.brier).toBe(Math.round(((80 ** 2 + 45 ** 2 + 35 ** 2) / 3)) / 10_000);
    // 30 days out: 100k vs 0, Omitted (0) vs 60k, 80k vs 60k, 10k vs 0 → 190k off of 250k → 24%; two surprises.
    expect(page.accuracy.company.at30).toMatchObject({ renewals: 4, baseCents: 25_000_000n, absErrorCents: 19_000_000n, accuracyPct: 24 });
    expect(page.accuracy.company.lateSurprises).toBe(2);
    expect(page.accuracy.surprises.items.map((s) => toIsoDate(s.renewalDate))).toEqual(["2026-09-30", "2026-10-15"]);

    const by = (key: "csm" | "manager" | "segment") => {
      const groups = new Map<string, ClosedHistory[]>();
      for (const h of histories) groups.set(h[key], [...(groups.get(h[key]) ?? []), h]);
      return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, rows]) => ({ name, ...figures(rows) }));
    };
    const strip = (groups: { name: string; key: string }[]) => groups.map(({ key: _key, ...rest }) => rest);
    expect(strip(page.accuracy.byCsm)).toEqual(by("csm"));
    expect(strip(page.accuracy.byManager)).toEqual(by("manager"));
    expect(strip(page.accuracy.bySegment)).toEqual(by("segment").map((g) => ({ ...g, name: { ENTERPRISE: "Enterprise", MID_MARKET: "Mid-Market", SCALE: "Scale" }[g.name as Segment] })));

    // The dashboard's figure for leadership (from the summaries, no renewal read) and for Bob's book are the same sums.
    const dashboard = await getForecastAccuracy(await dashboardContext(leader, dashboardParams.parse({}), { now: NOW }));
    expect(dashboard).toEqual(page.accuracy.company);
    const bobs = await getForecastAccuracy(await dashboardContext(bob, dashboardParams.parse({}), { now: NOW }));
    expect(bobs).toEqual({ key: "company", name: "Company", ...figures(histories.filter((h) => h.csm === "Bob Csm")) });
    expect(bobs?.at90).toMatchObject({ renewals: 1, absErrorCents: 2_000_000n });
  });
});
