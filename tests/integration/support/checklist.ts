import type { ChecklistDraft } from "@/lib/handoff/checklist";

/** A checklist with every required item complete. */
export function completeChecklistFor(productIds: string[]): ChecklistDraft {
  return {
    contract: { arr: "60000", termMonths: 12, contractStart: "2026-12-01", productIds },
    whyTheyBought: { winReason: "Consolidating three renewal tools", painPoints: ["Renewals found too late"] },
    successCriteria: { criteria: [{ metric: "Renewal forecast accuracy", baseline: "60%", target: "90%", dueBy: "2027-06-01" }] },
    stakeholders: {
      contacts: [{ name: "Ana Ruiz", title: "VP Ops", role: "CHAMPION", email: "ana@customer.test", priority: "HIGH", notes: "" }],
    },
    technicalRequirements: { requirements: ["SSO via Okta"], integrations: ["Salesforce"] },
    implementationTimeline: { start: "2026-12-01", goLive: "2027-02-01", notes: "" },
    competitiveContext: { competitor: "", notes: "" },
    riskFactors: { risks: [{ description: "Champion is new in role", severity: "MEDIUM", mitigation: "Add an executive sponsor" }] },
  };
}

// Smallest real files of each accepted kind, recognised by their content.
export const PDF_BYTES = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
