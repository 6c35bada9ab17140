import { describe, expect, it } from "vitest";
import { checklistStatus } from "@/lib/handoff/checklist";
import { accountSetupData, policyRailItems, wizardRail } from "@/lib/handoff/policy-steps";

const at = new Date("2026-11-20T15:00:00Z");

describe("the policy steps on the handoff page's rail", () => {
  it("marks recorded steps complete, and blocks the introduction until a CSM is approved and the setup for anyone but a CS manager", () => {
    const items = policyRailItems({ steps: [{ step: "HANDOFF_MEETING", completedAt: at }], strategic: true, csmName: null, canSetUp: false });
    expect(items.map((item) => [item.key, item.status, item.detail])).toEqual([
      ["HANDOFF_MEETING", "complete", "Required before submit: strategic account"],
      ["CLIENT_INTRODUCTION", "blocked", "Waiting for a CS manager to approve the CSM"],
      ["DOCUMENTATION_TRANSFER", "incomplete", "Signed contract, SOW, value projection"],
      ["ACCOUNT_SETUP", "blocked", "Done by the CS manager"],
    ]);
    const manager = policyRailItems({ steps: [], strategic: false, csmName: "Sam Rivera", canSetUp: true });
    expect(manager.map((item) => [item.key, item.status, item.detail])).toEqual([
      ["HANDOFF_MEETING", "incomplete", "AE and CS manager brief"],
      ["CLIENT_INTRODUCTION", "incomplete", "Introduce Sam Rivera"],
      ["DOCUMENTATION_TRANSFER", "incomplete", "Signed contract, SOW, value projection"],
      ["ACCOUNT_SETUP", "incomplete", "Provision, kick-off, project plan"],
    ]);
  });

  it("reads the account setup's stored data, and anything else as nothing", () => {
    expect(accountSetupData.parse({ environmentUrl: "https://acme.example" })).toEqual({ environmentUrl: "https://acme.example" });
    expect(accountSetupData.parse(null)).toEqual({});
    expect(accountSetupData.parse({ environmentUrl: 42 })).toEqual({ environmentUrl: undefined });
  });
});

describe("the wizard's rail", () => {
  const statuses = checklistStatus({});
  const policyItems = policyRailItems({ steps: [{ step: "HANDOFF_MEETING", completedAt: at }], strategic: false, csmName: null, canSetUp: false });

  it("blocks the submit while items are missing, naming them and the server's gates", () => {
    const rail = wizardRail({ statuses, submitted: false, submitBlockers: [{ text: "Handoff meeting first" }], policyItems });
    expect(rail.missing.length).toBeGreaterThan(0);
    expect(rail.blocked).toBe(true);
    expect(rail.submit.status).toBe("blocked");
    expect(rail.submit.detail).toBe(`Missing: ${[...rail.missing.map((item) => item.label), "Handoff meeting first"].join(", ")}`);
    const required = statuses.filter((item) => item.required).length;
    expect(rail.progress).toEqual({ done: statuses.filter((item) => item.required && item.complete).length + 1, total: required + 1 + 4 });
  });

  it("counts every required item and the submit once submitted", () => {
    const rail = wizardRail({ statuses, submitted: true, submitBlockers: [], policyItems });
    expect(rail.submit).toMatchObject({ status: "complete", detail: undefined });
    expect(rail.checklist).toHaveLength(statuses.length);
    expect(rail.checklist.every((item) => item.status === "complete")).toBe(true);
    const required = statuses.filter((item) => item.required).length;
    expect(rail.progress).toEqual({ done: required + 1 + 1, total: required + 1 + 4 });
  });
});
