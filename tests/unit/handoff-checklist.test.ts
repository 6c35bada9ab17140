import { describe, expect, it } from "vitest";
import { checklistDraftSchema, checklistStatus, completeChecklist, type ChecklistDraft } from "@/lib/handoff/checklist";

const complete: ChecklistDraft = {
  contract: { arr: "120000.50", termMonths: 12, contractStart: "2026-12-01", productIds: ["p1"] },
  whyTheyBought: { winReason: "Consolidating three tools", painPoints: ["Manual renewals"] },
  successCriteria: { criteria: [{ metric: "Renewal forecast accuracy", baseline: "60%", target: "90%", dueBy: "2027-06-01" }] },
  stakeholders: {
    contacts: [{ name: "Ana Ruiz", title: "VP Ops", role: "CHAMPION", email: "ana@acme.test", priority: "HIGH", notes: "" }],
  },
  technicalRequirements: { requirements: ["SSO via Okta"], integrations: ["Salesforce"] },
  implementationTimeline: { start: "2026-12-01", goLive: "2027-02-01", notes: "" },
  competitiveContext: { competitor: "", notes: "" },
  riskFactors: { risks: [{ description: "Champion is new in role", severity: "MEDIUM", mitigation: "Add an executive sponsor" }] },
};

describe("handoff checklist", () => {
  it("accepts a complete checklist, competitive context optional", () => {
    const result = completeChecklist(complete);
    expect(result.ok).toBe(true);
    const items = checklistStatus(complete);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.complete)).toBe(true);
  });

  it("names every missing required item and why", () => {
    const result = completeChecklist({ contract: complete.contract });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing.map((item) => item.label)).toEqual([
      "Why they bought",
      "Success criteria",
      "Key stakeholders",
      "Technical requirements",
      "Implementation timeline",
      "Risk factors",
    ]);
  });

  it("requires at least one champion among the stakeholders", () => {
    const draft = {
      ...complete,
      stakeholders: { contacts: [{ name: "Bo", title: "", role: "USER" as const, email: "bo@acme.test", priority: "LOW" as const, notes: "" }] },
    };
    const status = checklistStatus(draft).find((item) => item.key === "stakeholders");
    expect(status?.complete).toBe(false);
    expect(status?.problems).toContain("Name at least one champion");
  });

  it("requires go-live after the start", () => {
    const draft = { ...complete, implementationTimeline: { start: "2027-02-01", goLive: "2027-01-01", notes: "" } };
    expect(checklistStatus(draft).find((item) => item.key === "implementationTimeline")?.problems).toEqual([
      "Go-live must be after the start",
    ]);
  });

  it("ignores blank rows the AE added but never filled", () => {
    const draft = { ...complete, technicalRequirements: { requirements: ["SSO via Okta", "  "], integrations: [""] } };
    expect(checklistStatus(draft).find((item) => item.key === "technicalRequirements")?.complete).toBe(true);
  });

  it("accepts a partial draft but refuses unknown items and wrong types", () => {
    expect(checklistDraftSchema.safeParse({ contract: { arr: "12" } }).success).toBe(true);
    expect(checklistDraftSchema.safeParse({ somethingElse: {} }).success).toBe(false);
    expect(checklistDraftSchema.safeParse({ contract: { productIds: "p1" } }).success).toBe(false);
  });

  it("explains a bad amount", () => {
    const draft = { ...complete, contract: { ...complete.contract, arr: "12,000" } };
    expect(checklistStatus(draft).find((item) => item.key === "contract")?.problems[0]).toMatch(/amount in dollars/);
  });
});
