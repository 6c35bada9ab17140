import { describe, expect, it } from "vitest";
import { CHANGE_KINDS, changeKind, waterfallFromTallies, weekWaterfall, type WeekChangeTally, type WeekState } from "@/lib/forecast/changes";
import { rollUp, rollUpTeams, sumRows, sumsByCsm, type ForecastRow } from "@/lib/forecast/retention";

// The page's figures from summaries (lib/server/forecast/forecast-summaries.ts) give what the row-by-row functions give.

const row = (renewalId: string, csm: [string | null, string | null], amountCents: bigint, category: ForecastRow["category"] = "COMMIT", stage: ForecastRow["stage"] = "PLANNING"): ForecastRow => ({
  renewalId, stage, baseCents: 100n, upliftCents: 5n, closedAmountCents: stage === "CLOSED_WON" ? 90n : null, category, amountCents,
  csmId: csm[0], csmName: csm[0] ? `${csm[0]} name` : null, managerId: csm[1], managerName: csm[1] ? `${csm[1]} name` : null,
});

describe("rollUpTeams", () => {
  it("is rollUp's tree with CSMs only under the teams whose CSMs were read", () => {
    const rows = [row("1", ["c1", "m1"], 120n), row("2", ["c2", "m1"], 80n, "AT_RISK"), row("3", ["c3", "m2"], 50n, "OMITTED"), row("4", [null, null], 0n, "PIPELINE", "CLOSED_WON"), row("5", ["c4", null], 70n)];
    const full = rollUp(rows);
    const teams = ["m1", "m2", null].map((manager) => ({ managerId: manager, managerName: manager ? `${manager} name` : null, sums: sumRows(rows.filter((r) => r.managerId === manager)) }));
    const m1 = sumsByCsm(rows.filter((r) => r.managerId === "m1"));
    expect(rollUpTeams(teams, m1)).toEqual({ ...full, children: full.children.map((team) => (team.id === "m1" ? team : { ...team, children: [] })) });
    expect(rollUpTeams(teams, sumsByCsm(rows))).toEqual(full);
  });
});

describe("waterfallFromTallies", () => {
  it("gives weekWaterfall's figures from the snapshotted renewals' tallies and the view's open forecast", () => {
    const before = new Map<string, WeekState>([
      ["a", { open: true, category: "PIPELINE", amountCents: 50n }],
      ["b", { open: true, category: "COMMIT", amountCents: 40n }],
      ["c", { open: true, category: "BEST_CASE", amountCents: 30n }],
      ["d", { open: true, category: "OMITTED", amountCents: 20n }],
      ["e", { open: true, category: "AT_RISK", amountCents: 10n }],
      ["f", { open: true, category: "COMMIT", amountCents: 15n }],
      ["i", { open: true, category: "PIPELINE", amountCents: 25n }],
    ]);
    const now = new Map<string, WeekState>([
      ["a", { open: true, category: "AT_RISK", amountCents: 30n }],
      ["b", { open: true, category: "BEST_CASE", amountCents: 40n }],
      ["c", { open: true, category: "COMMIT", amountCents: 35n }],
      ["d", { open: true, category: "PIPELINE", amountCents: 20n }],
      ["e", { open: false, category: "AT_RISK", amountCents: 0n }],
      ["f", { open: true, category: "COMMIT", amountCents: 18n }],
      ["g", { open: true, category: "PIPELINE", amountCents: 60n }],
      ["h", { open: true, category: "OMITTED", amountCents: 5n }],
      ["i", { open: true, category: "PIPELINE", amountCents: 25n }],
    ]);
    const inForecast = (state: WeekState) => state.open && state.category !== "OMITTED";
    const cents = (state: WeekState | undefined) => (state && inForecast(state) ? state.amountCents : 0n);
    const tallies: WeekChangeTally[] = [...before.entries()].map(([id, was]) => {
      const is = now.get(id)!;
      const kind = changeKind(was, is);
      return { kind: kind ? CHANGE_KINDS.indexOf(kind) : 6, renewals: 1, deltaCents: cents(is) - cents(was), lastWeekCents: cents(was), thisWeekCents: cents(is), inForecast: inForecast(is) ? 1 : 0 };
    });
    const open = [...now.values()].filter(inForecast);
    const expected = weekWaterfall(before, now);
    expect(expected.buckets.every((bucket) => bucket.renewals > 0)).toBe(true);
    expect(waterfallFromTallies(tallies, { renewals: open.length, cents: open.reduce((sum, state) => sum + state.amountCents, 0n) })).toEqual(expected);
  });
});
