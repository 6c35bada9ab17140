import { describe, expect, it } from "vitest";
import { nextSteps, type NextStepInput } from "@/lib/handoff/next-steps";

const none = { HANDOFF_MEETING: false, CLIENT_INTRODUCTION: false, DOCUMENTATION_TRANSFER: false, ACCOUNT_SETUP: false };
const base: NextStepInput = { status: "IN_PROGRESS", aeName: "Jamie", csmName: null, suggestedCsmName: "Priya", suggestionPending: true, checklistItemsLeft: 3, firstMissingItem: "stakeholders", steps: none };

describe("who acts next", () => {
  it("names the manager's approval and the AE's checklist while both are open", () => {
    expect(nextSteps(base).slice(0, 2)).toEqual([
      { who: "A CS manager", what: "approves the suggested CSM, Priya (suggested at closed-won; approval can happen while the checklist is filled in)" },
      { who: "Jamie", what: "completes the checklist (3 required items left) and submits it", step: "stakeholders" },
    ]);
  });

  it("after submit, lists only what is left, with the CSM by name", () => {
    const steps = nextSteps({ ...base, status: "SUBMITTED", csmName: "Priya", steps: { ...none, HANDOFF_MEETING: true, DOCUMENTATION_TRANSFER: true } });
    expect(steps.map((s) => `${s.who} ${s.what}`)).toEqual([
      "Jamie sends the client introduction of Priya",
      "A CS manager records the account setup: environment, kick-off and project plan",
    ]);
  });

  it("once completed, the CSM acknowledges; once acknowledged, nobody", () => {
    expect(nextSteps({ ...base, status: "COMPLETED", csmName: "Priya" })).toEqual([
      { who: "Priya", what: "acknowledges the handoff and rates it 1–5 (from their home page, this page or the notification)", step: "acknowledge" },
    ]);
    expect(nextSteps({ ...base, status: "ACKNOWLEDGED", csmName: "Priya" })).toEqual([]);
  });
});
