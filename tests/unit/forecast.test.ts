import { describe, expect, it } from "vitest";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { accuracyAt, accuracyOf, brierScore, emptyTally, lateSurprises, mergeTallies, snapshotAt, tallyOf, type ClosedHistory } from "@/lib/forecast/accuracy";
import { effectiveForecast } from "@/lib/forecast/categories";
import { changeKind, weekWaterfall, type WeekState } from "@/lib/forecast/changes";
import { checkpointDue, disagrees } from "@/lib/forecast/checkpoint";
import { likelihood, type LikelihoodSignals } from "@/lib/forecast/likelihood";
import { retentionRates, rollUp, sumRows, type ForecastRow } from "@/lib/forecast/retention";
import { DEFAULT_FORECAST_SETTINGS } from "@/lib/forecast/settings";
import { decisionDate, defaultForecast, flatAmountCents, outcomeForAmount, upliftCents } from "@/lib/forecast/terms";
import { weekStartOf } from "@/lib/forecast/week";

const d = parseIsoDate;
const weights = DEFAULT_FORECAST_SETTINGS.likelihood;
const calm: LikelihoodSignals = { riskLevel: null, highRiskFactors: 0, healthScore: null, usagePct: null, stage: "NEGOTIATION", daysToDecision: 120, overdueTouchpoints: 0, missedHandoffSla: false };

describe("likelihood", () => {
  it("adds each signal's weight to the base, with the reasons largest first", () => {
    // 70 base − 25 high risk − 6 (two High factors × −3) − 10 health (50 − 70 = −20 × 0.5) − 15 usage 40% − 10 one
    // missed handoff deadline − 10 (two overdue touchpoints × −5) − 10 late start (20 days out, still planning) = −16 → 0.
    const result = likelihood({ riskLevel: "HIGH", highRiskFactors: 2, healthScore: 50, usagePct: 40, stage: "PLANNING", daysToDecision: 20, overdueTouchpoints: 2, missedHandoffSla: true }, weights);
    expect(result.score).toBe(0);
    expect(result.category).toBe("AT_RISK");
    expect(result.reasons.map((r) => [r.signal, r.points])).toEqual([
      ["risk", -25],
      ["usage", -15],
      ["handoff", -10],
      ["health", -10],
      ["lateStart", -10],
      ["touchpoints", -10],
      ["riskFactors", -6],
    ]);
    expect(result.reasons[3]?.text).toBe("Health 50 (-20 from 70)");
  });

  it("scores a healthy committed renewal as Commit and caps at 100", () => {
    // 70 + 5 low risk + 10 health (90 − 70 = 20 × 0.5) + 5 usage 85% + 15 committed = 105 → 100.
    const result = likelihood({ ...calm, riskLevel: "LOW", healthScore: 90, usagePct: 85, stage: "COMMITTED" }, weights);
    expect(result.score).toBe(100);
    expect(result.category).toBe("COMMIT");
    expect(result.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(35);
  });

  it("maps the score to a category at the configured thresholds and follows changed weights", () => {
    // 70 + 5 negotiation − 10 medium risk = 65: Best case (60–79).
    expect(likelihood({ ...calm, riskLevel: "MEDIUM" }, weights)).toMatchObject({ score: 65, category: "BEST_CASE" });
    // Medium risk weighted −30: 70 + 5 − 30 = 45: Pipeline (40–59).
    expect(likelihood({ ...calm, riskLevel: "MEDIUM" }, { ...weights, riskMedium: -30 })).toMatchObject({ score: 45, category: "PIPELINE" });
    // Overdue touchpoints count at most three: 70 + 5 − 15 = 60.
    expect(likelihood({ ...calm, overdueTouchpoints: 7 }, weights).score).toBe(60);
  });
});

describe("contract terms", () => {
  it("puts the decision date the notice period before the renewal date", () => {
    expect(toIsoDate(decisionDate({ renewalDate: d("2027-06-30"), noticeDays: 60 }))).toBe("2027-05-01");
    expect(toIsoDate(decisionDate({ renewalDate: d("2027-06-30"), noticeDays: null }))).toBe("2027-06-30");
    expect(toIsoDate(decisionDate({ renewalDate: d("2027-03-01"), noticeDays: 1 }))).toBe("2027-02-28");
  });

  it("includes the contractual uplift in a flat renewal, to the cent", () => {
    expect(flatAmountCents({ amountCents: 10_000_000n, upliftPct: 7 })).toBe(10_700_000n);
    expect(flatAmountCents({ amountCents: 10_000_000n, upliftPct: 0 })).toBe(10_000_000n);
    // $333.33 × 1.035 = $344.9966 → $345.00
    expect(flatAmountCents({ amountCents: 33_333n, upliftPct: 3.5 })).toBe(34_500n);
    expect(upliftCents({ amountCents: 10_000_000n, upliftPct: 7 })).toBe(700_000n);
    expect(defaultForecast({ amountCents: 10_000_000n, upliftPct: 5 })).toEqual({ category: "PIPELINE", amountCents: 10_500_000n, outcome: "FLAT" });
  });

  it("reads an amount as churn, downsell, flat or uplift against the flat amount", () => {
    const terms = { amountCents: 10_000_000n, upliftPct: 5 };
    expect(outcomeForAmount(0n, terms)).toBe("CHURN");
    expect(outcomeForAmount(10_000_000n, terms)).toBe("DOWNSELL");
    expect(outcomeForAmount(10_500_000n, terms)).toBe("FLAT");
    expect(outcomeForAmount(12_000_000n, terms)).toBe("UPLIFT");
  });
});

describe("checkpoints", () => {
  const decision = d("2027-06-30");
  it("opens the most urgent checkpoint whose day has come", () => {
    expect(checkpointDue(decision, d("2026-12-31"), [180, 90])).toBeNull(); // 181 days out
    expect(checkpointDue(decision, d("2027-01-01"), [180, 90])).toEqual({ daysBefore: 180, dueDate: d("2027-01-01") });
    expect(checkpointDue(decision, d("2027-04-01"), [180, 90])).toEqual({ daysBefore: 90, dueDate: d("2027-04-01") });
    // Created 30 days out: only the 90-day checkpoint opens.
    expect(checkpointDue(decision, d("2027-05-31"), [180, 90])?.daysBefore).toBe(90);
    expect(checkpointDue(decision, d("2027-07-01"), [180, 90])).toBeNull();
  });

  it("disagrees when the calls are more than the gap apart; Omitted never disagrees", () => {
    expect(disagrees("COMMIT", "BEST_CASE", 1)).toBe(false);
    expect(disagrees("COMMIT", "PIPELINE", 1)).toBe(true);
    expect(disagrees("AT_RISK", "COMMIT", 2)).toBe(true);
    expect(disagrees("AT_RISK", "BEST_CASE", 2)).toBe(false);
    expect(disagrees("COMMIT", "BEST_CASE", 0)).toBe(true);
    expect(disagrees("OMITTED", "AT_RISK", 0)).toBe(false);
  });

  it("keeps the CSM's call under the manager's override", () => {
    const stored = { category: "COMMIT" as const, amountCents: 100n, outcome: "FLAT" as const, overrideCategory: null, overrideAmountCents: null, overrideOutcome: null };
    expect(effectiveForecast(stored)).toEqual({ category: "COMMIT", amountCents: 100n, outcome: "FLAT", overridden: false });
    expect(effectiveForecast({ ...stored, overrideCategory: "AT_RISK", overrideAmountCents: 40n, overrideOutcome: "DOWNSELL" })).toEqual({ category: "AT_RISK", amountCents: 40n, outcome: "DOWNSELL", overridden: true });
  });
});

describe("accuracy and the Brier score", () => {
  const renewalDate = d("2027-06-30");
  // Weekly snapshots: Mondays 2027-03-29 (93 days out), 2027-05-31 (30 days out), 2027-06-21 (9 days out).
  const history = (won: boolean, closed: bigint, points: [string, ClosedHistory["snapshots"][number]["category"], bigint, number][]): ClosedHistory => ({
    renewalId: `r-${points.length}-${closed}`,
    renewalDate,
    baseAmountCents: 10_000_000n,
    won,
    closedAmountCents: closed,
    snapshots: points.map(([week, category, amountCents, score]) => ({ weekStart: d(week), category, amountCents, likelihood: score })),
  });
  const a = history(true, 9_000_000n, [["2027-03-29", "COMMIT", 10_000_000n, 80], ["2027-05-31", "COMMIT", 10_000_000n, 85], ["2027-06-21", "COMMIT", 9_000_000n, 90]]);
  const b = history(false, 0n, [["2027-03-29", "BEST_CASE", 8_000_000n, 30], ["2027-05-31", "COMMIT", 8_000_000n, 20]]);
  const c = history(true, 11_000_000n, [["2027-05-31", "PIPELINE", 10_000_000n, 60]]);

  it("reads the snapshot that stood N days before the renewal date", () => {
    expect(toIsoDate(snapshotAt(a, 90)!.weekStart)).toBe("2027-03-29");
    expect(toIsoDate(snapshotAt(a, 30)!.weekStart)).toBe("2027-05-31");
    expect(snapshotAt(c, 90)).toBeNull();
  });

  it("measures forecast against closed amounts at 90 and 30 days out", () => {
    // 90 days: a (10.0M vs 9.0M: 1.0M off) and b (8.0M vs 0: 8.0M off); c has no snapshot that old.
    // 1 − 9.0M / 20.0M = 55%.
    expect(accuracyAt([a, b, c], 90)).toEqual({ renewals: 2, baseCents: 20_000_000n, forecastCents: 18_000_000n, closedCents: 9_000_000n, absErrorCents: 9_000_000n, accuracyPct: 55 });
    // 30 days: a 1.0M off, b 8.0M off, c 1.0M off: 1 − 10.0M / 30.0M = 66.6% (one decimal, rounded down).
    expect(accuracyAt([a, b, c], 30)).toMatchObject({ renewals: 3, absErrorCents: 10_000_000n, accuracyPct: 66.6 });
    expect(accuracyAt([], 30).accuracyPct).toBeNull();
  });

  it("counts late surprises: lost or downsold while Commit 30 days out", () => {
    // a: downsold (9.0M < 10.0M) while Commit; b: lost while Commit; c: grew.
    expect(lateSurprises([a, b, c]).map((h) => h.renewalId)).toEqual([a.renewalId, b.renewalId]);
  });

  it("scores Baton's likelihood with the Brier score", () => {
    // 90 days out: a 0.80 and renewed → (0.8 − 1)² = 0.04; b 0.30 and lost → 0.09; mean 0.065.
    expect(brierScore([a, b, c], 90)).toEqual({ renewals: 2, score: 0.065 });
    // 30 days out: a 0.85 → 0.0225; b 0.20 → 0.04; c 0.60 → 0.16; mean 0.074166… → 0.0742.
    expect(brierScore([a, b, c], 30)).toEqual({ renewals: 3, score: 0.0742 });
  });

  it("gives the same figures from sums of parts as from the renewals themselves (the page sums per CSM in SQL)", () => {
    // The tally of each renewal alone, merged, is the tally of all three; its figures are accuracyAt's, lateSurprises'
    // count and brierScore's: 55% and 66.6%, two surprises, Brier (20² + 30²) / 2 = 650 → 0.065 at 90 days.
    const merged = mergeTallies([tallyOf([a]), tallyOf([b]), tallyOf([c])]);
    expect(merged).toEqual(tallyOf([a, b, c]));
    expect(merged).toMatchObject({ lateSurprises: 2, brierRenewals: 2, brierSquares: 400n + 900n });
    expect(accuracyOf(merged)).toEqual({ at90: accuracyAt([a, b, c], 90), at30: accuracyAt([a, b, c], 30), lateSurprises: 2, brier: 0.065 });
    expect(accuracyOf(emptyTally())).toEqual({ at90: { ...accuracyAt([], 90) }, at30: { ...accuracyAt([], 30) }, lateSurprises: 0, brier: null });
  });

  it("rounds the Brier score from exact integer sums, the same in either order", () => {
    // Likelihoods 10 (lost) and 0 (lost): squares 100 + 0 = 100 (10⁻⁴ units) over 2 → 50 → 0.005 exactly, in integers,
    // so PostgreSQL's sum and this one agree whatever order the rows come in.
    const lost = (id: string, likelihood: number): ClosedHistory => ({ renewalId: id, renewalDate, baseAmountCents: 1n, won: false, closedAmountCents: 0n, snapshots: [{ weekStart: d("2027-03-29"), category: "PIPELINE", amountCents: 1n, likelihood }] });
    expect(brierScore([lost("x", 10), lost("y", 0)], 90).score).toBe(0.005);
    expect(brierScore([lost("y", 0), lost("x", 10)], 90).score).toBe(0.005);
    expect(accuracyOf(mergeTallies([tallyOf([lost("y", 0)]), tallyOf([lost("x", 10)])])).brier).toBe(0.005);
  });
});

describe("the quarter's forecast", () => {
  const row = (over: Partial<ForecastRow>): ForecastRow => ({
    renewalId: "r",
    stage: "PLANNING",
    baseCents: 10_000_000n,
    upliftCents: 0n,
    closedAmountCents: null,
    category: "PIPELINE",
    amountCents: 10_000_000n,
    csmId: "csm-1",
    csmName: "Ada",
    managerId: "m-1",
    managerName: "Grace",
    ...over,
  });
  const rows = [
    row({ renewalId: "1", category: "COMMIT", amountCents: 10_500_000n, upliftCents: 500_000n }), // flat with 5% uplift
    row({ renewalId: "2", category: "AT_RISK", amountCents: 6_000_000n }), // downsell
    row({ renewalId: "3", stage: "CLOSED_WON", closedAmountCents: 12_000_000n, csmId: "csm-2", csmName: "Bea" }), // +2.0M
    row({ renewalId: "4", stage: "CLOSED_LOST", closedAmountCents: 0n, csmId: "csm-2", csmName: "Bea" }),
    row({ renewalId: "5", category: "OMITTED", amountCents: 10_000_000n, managerId: null, managerName: null, csmId: null, csmName: null }),
  ];

  it("computes forecast GRR and NRR by hand", () => {
    const sums = sumRows(rows);
    // In the forecast: 1–4 (5 is Omitted), ARR up 40.0M. Expected 10.5 + 6.0 + 12.0 + 0 = 28.5M → NRR 71.25% → 71.2.
    // Retained capped at ARR up: 10.0 + 6.0 + 10.0 + 0 = 26.0M → GRR 65%. Uplift in growth: 0.5M → NRR w/o uplift 28.0 / 40 = 70%.
    expect(sums.dueCents).toBe(50_000_000n);
    expect(sums.expectedCents).toBe(28_500_000n);
    expect(retentionRates(sums)).toEqual({ grrPct: 65, nrrPct: 71.2, nrrWithoutUpliftPct: 70 });
    expect(sums.buckets.COMMIT).toEqual({ renewals: 1, cents: 10_500_000n });
    expect(sums.buckets.CLOSED_LOST).toEqual({ renewals: 1, cents: 10_000_000n });
  });

  it("rolls up CSM → manager → company, each the sum of its rows", () => {
    const tree = rollUp(rows);
    expect(tree.sums).toEqual(sumRows(rows));
    expect(tree.children.map((m) => [m.name, m.children.map((c) => c.name)])).toEqual([
      ["Grace", ["Ada", "Bea"]],
      ["No manager", ["Unassigned"]],
    ]);
    const grace = tree.children[0]!;
    expect(grace.sums.expectedCents).toBe(28_500_000n);
    expect(grace.children[0]!.sums).toEqual(sumRows(rows.slice(0, 2)));
  });
});

describe("changes since last week", () => {
  const s = (category: WeekState["category"], amount: bigint, open = true): WeekState => ({ category, amountCents: amount, open });
  it("sorts each renewal's move and the deltas add up from last week to this week", () => {
    const before = new Map([["a", s("COMMIT", 100n)], ["b", s("PIPELINE", 50n)], ["c", s("BEST_CASE", 70n)], ["d", s("PIPELINE", 30n)], ["e", s("COMMIT", 10n)]]);
    const now = new Map([["a", s("AT_RISK", 40n)], ["b", s("COMMIT", 60n)], ["c", s("PIPELINE", 70n)], ["d", s("PIPELINE", 30n, false)], ["f", s("PIPELINE", 25n)]]);
    const waterfall = weekWaterfall(before, now);
    expect(waterfall.lastWeekCents).toBe(260n);
    expect(waterfall.thisWeekCents).toBe(195n);
    const byKind = Object.fromEntries(waterfall.buckets.map((b) => [b.kind, [b.renewals, b.deltaCents]]));
    expect(byKind).toEqual({ newAtRisk: [1, -60n], downgraded: [1, 0n], upgraded: [1, 10n], amount: [0, 0n], closed: [2, -40n], added: [1, 25n] });
    expect(waterfall.buckets.reduce((sum, b) => sum + b.deltaCents, waterfall.lastWeekCents)).toBe(waterfall.thisWeekCents);
    expect(changeKind(s("COMMIT", 1n), s("COMMIT", 1n))).toBeNull();
  });

  it("files snapshots under the Monday of the week", () => {
    expect(toIsoDate(weekStartOf(d("2026-12-06")))).toBe("2026-11-30"); // Sunday
    expect(toIsoDate(weekStartOf(d("2026-11-30")))).toBe("2026-11-30");
    expect(toIsoDate(weekStartOf(d("2026-12-03")))).toBe("2026-11-30");
  });
});

describe("forecast settings and CSV", () => {
  it("refuses likelihood thresholds out of order, naming the field", async () => {
    const { settingGroupProblems } = await import("@/lib/settings/rules");
    const forecast = { ...DEFAULT_FORECAST_SETTINGS, likelihood: { ...weights, bestCaseFrom: 85, pipelineFrom: 90 } };
    expect(settingGroupProblems("forecast", forecast)).toEqual({
      "forecast.likelihood.bestCaseFrom": ["must not be above the Commit threshold"],
      "forecast.likelihood.pipelineFrom": ["must not be above the Best case threshold"],
    });
    expect(settingGroupProblems("forecast", DEFAULT_FORECAST_SETTINGS)).toEqual({});
  });

  it("writes the view as CSV, dollars to the cent, formula cells escaped", async () => {
    const { forecastCsv } = await import("@/lib/forecast/csv");
    const csv = forecastCsv([
      {
        id: "r1", accountName: "=Acme", segment: "SCALE", stage: "PLANNING", renewalDate: d("2027-01-15"), decisionDate: d("2026-12-16"),
        csmName: "Ada", managerName: null, aeName: "Bo", baseCents: 10_000_050n, closedAmountCents: null,
        call: { category: "BEST_CASE", amountCents: 10_500_000n, outcome: "FLAT", overridden: true }, likelihood: { score: 64, category: "BEST_CASE" },
      },
    ]);
    expect(csv.split("\n")[1]).toBe("r1,'=Acme,SCALE,PLANNING,2027-01-15,2026-12-16,Ada,,Bo,100000.50,Best case,105000,Flat,yes,64,Best case,");
  });
});
