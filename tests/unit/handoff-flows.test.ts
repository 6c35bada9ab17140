import { describe, expect, it } from "vitest";
import { EXPANSION_FLOW, flowState, RENEWAL_FLOW } from "@/lib/handoff/flows";

describe("the Renewal and Expansion handoff flows", () => {
  it("a renewal completes with its plan, stakeholders and planning touchpoint while no forecast exists", () => {
    const open = flowState(RENEWAL_FLOW, new Set(["RENEWAL_PLAN"]), { forecastCallRequired: false, planningTouchpointMissing: false });
    expect(open.steps.map((s) => [s.step, s.state])).toEqual([
      ["RENEWAL_PLAN", "done"],
      ["STAKEHOLDERS_CONFIRMED", "open"],
      ["FORECAST_CALL", "not_required"],
      ["RENEWAL_PLANNING_DONE", "open"],
    ]);
    expect(open.complete).toBe(false);
    expect(flowState(RENEWAL_FLOW, new Set(["RENEWAL_PLAN", "STAKEHOLDERS_CONFIRMED", "RENEWAL_PLANNING_DONE"]), { forecastCallRequired: false, planningTouchpointMissing: false }).complete).toBe(true);
  });

  it("once the forecast exists, the forecast call is required", () => {
    const state = flowState(RENEWAL_FLOW, new Set(["RENEWAL_PLAN", "STAKEHOLDERS_CONFIRMED", "RENEWAL_PLANNING_DONE"]), { forecastCallRequired: true, planningTouchpointMissing: false });
    expect(state.complete).toBe(false);
    expect(state.steps.find((s) => s.step === "FORECAST_CALL")?.state).toBe("open");
  });

  it("an expansion completes with scope, lead and deal", () => {
    const ctx = { forecastCallRequired: false, planningTouchpointMissing: false };
    expect(flowState(EXPANSION_FLOW, new Set(["EXPANSION_SCOPE", "EXPANSION_LEAD"]), ctx).complete).toBe(false);
    expect(flowState(EXPANSION_FLOW, new Set(["EXPANSION_SCOPE", "EXPANSION_LEAD", "EXPANSION_DEAL"]), ctx).complete).toBe(true);
  });
});
