import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { dashboardParams } from "@/lib/dashboard/params";
import { parseIsoDate } from "@/lib/dates";
import type { ForecastCategory } from "@/lib/generated/prisma/enums";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { forecastParams, getForecast } from "@/lib/server/forecast/get-forecast";
import { stopBoss } from "@/lib/server/jobs/boss";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

// Forecast accuracy on the dashboard (issue 12 §5), in the dashboard's cut. Every figure is worked by hand.
// "Today" is Monday 2026-11-23; the renewals closed on 2026-10-15, so the forecast 90 days out is the snapshot of the
// week of 2026-07-13 (94 days before) and 30 days out the week of 2026-09-14 (31 days before) where there is one.

const NOW = new Date("2026-11-23T15:00:00Z");
const d = parseIsoDate;
const PARAMS = dashboardParams.parse({});

afterAll(async () => {
  await stopBoss();
});

async function company() {
  const leader = await createUser("LEADERSHIP");
  const manager = await createUser("CS_MANAGER");
  const [csmA, csmB] = [await createUser("CSM", { managerId: manager.id }), await createUser("CSM", { managerId: manager.id })];
  const csmC = await createUser("CSM");
  const ae = await createUser("AE");
  const [accA, accB, accC] = [
    await createAccount({ name: "Accuracy A", csmId: csmA.id, aeId: ae.id }),
    await createAccount({ name: "Accuracy B", csmId: csmB.id, aeId: ae.id }),
    await createAccount({ name: "Accuracy C", csmId: csmC.id, aeId: ae.id }),
  ];
  const closed = async (accountId: string, amountCents: bigint, closedAmountCents: bigint) => {
    const renewal = await createRenewal(accountId, ae.id, { renewalDate: d("2026-10-15"), amountCents, stage: closedAmountCents > 0n ? "CLOSED_WON" : "CLOSED_LOST" });
    await prisma.renewalOpportunity.update({ where: { id: renewal.id }, data: { closedAmountCents } });
    return renewal;
  };
  const lostA = await closed(accA.id, 10_000_000n, 0n);
  const grewA = await closed(accA.id, 5_000_000n, 6_000_000n);
  const downB = await closed(accB.id, 4_000_000n, 3_000_000n);
  const lostC = await closed(accC.id, 2_000_000n, 0n);
  const snap = (renewalOpportunityId: string, csmId: string, week: string, category: ForecastCategory, amountCents: bigint, likelihood: number) =>
    ({ renewalOpportunityId, weekStart: d(week), category, amountCents, outcome: "FLAT" as const, baseAmountCents: amountCents, likelihood, csmId });
  await prisma.forecastSnapshot.createMany({
    data: [
      snap(lostA.id, csmA.id, "2026-07-13", "COMMIT", 10_000_000n, 80),
      snap(lostA.id, csmA.id, "2026-09-14", "COMMIT", 10_000_000n, 70),
      snap(grewA.id, csmA.id, "2026-07-13", "PIPELINE", 5_000_000n, 60),
      snap(downB.id, csmB.id, "2026-07-13", "BEST_CASE", 4_000_000n, 50),
      snap(downB.id, csmB.id, "2026-09-14", "COMMIT", 3_500_000n, 90),
      snap(lostC.id, csmC.id, "2026-07-13", "COMMIT", 2_000_000n, 90),
    ],
  });
  return { leader, manager, csmA, csmC, ae };
}

describe("forecast accuracy on the dashboard", () => {
  it("shows a CSM their own book's accuracy, the same figures as their forecast page", async () => {
    const { csmA } = await company();
    const dashboard = await getDashboard(csmA, PARAMS, NOW);
    // 90 days: |100k − 0| + |50k − 60k| = 110k off of 150k up → 26.6% (the percentage is cut, not rounded, to one decimal); 30 days the same (A's grown renewal keeps its
    // July snapshot). Late surprise: the lost one, Commit 30 days out. Brier: (0.8 − 0)² = 0.64, (0.6 − 1)² = 0.16 → 0.4.
    expect(dashboard.forecastAccuracy).toMatchObject({
      at90: { renewals: 2, baseCents: 15_000_000n, absErrorCents: 11_000_000n, accuracyPct: 26.6 },
      at30: { renewals: 2, baseCents: 15_000_000n, absErrorCents: 11_000_000n, accuracyPct: 26.6 },
      lateSurprises: 1,
      brier: 0.4,
    });
    const page = await getForecast(csmA, forecastParams.parse({}), NOW);
    expect(dashboard.forecastAccuracy).toEqual(page.accuracy.company);
  });

  it("shows a CS manager their team by default and leadership the CSM they cut by", async () => {
    const { leader, manager, csmC } = await company();
    const team = await getDashboard(manager, PARAMS, NOW);
    // A's two and B's downsell (C is not on the team). 90 days: 110k + |40k − 30k| = 120k off of 190k → 36.8%.
    // 30 days: B's is Commit 35k → 110k + 5k = 115k off of 190k → 39.4%. Late surprises: A's lost, B's downsold.
    // Brier: (0.64 + 0.16 + (0.5 − 1)²) / 3 = 1.05 / 3 = 0.35.
    expect(team.forecastAccuracy).toMatchObject({
      at90: { renewals: 3, baseCents: 19_000_000n, absErrorCents: 12_000_000n, accuracyPct: 36.8 },
      at30: { renewals: 3, baseCents: 19_000_000n, absErrorCents: 11_500_000n, accuracyPct: 39.4 },
      lateSurprises: 2,
      brier: 0.35,
    });
    const cut = await getDashboard(leader, dashboardParams.parse({ csm: csmC.id }), NOW);
    // C's lost renewal: 20k off of 20k → 0%; Commit 90 days out (no later snapshot), so a late surprise; (0.9 − 0)² = 0.81.
    expect(cut.forecastAccuracy).toMatchObject({ at90: { renewals: 1, absErrorCents: 2_000_000n, accuracyPct: 0 }, lateSurprises: 1, brier: 0.81 });
  });

  it("gives an AE no dashboard, so no forecast accuracy", async () => {
    const { ae } = await company();
    await expect(getDashboard(ae, PARAMS, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
