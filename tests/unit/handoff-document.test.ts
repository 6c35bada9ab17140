import { describe, expect, it } from "vitest";
import { buildHandoffDocument, expansionTiming, upsellProducts, type DocumentSource } from "@/lib/handoff/document";
import { handoffCompleteMarkdown } from "@/lib/handoff/markdown";
import { parseIsoDate } from "@/lib/dates";

const source: DocumentSource = {
  accountName: "Acme Corp",
  segmentLabel: "Mid-Market",
  dealAmountCents: 12_000_050n,
  termMonths: 12,
  closeDate: parseIsoDate("2026-11-16"),
  contractStart: parseIsoDate("2026-12-01"),
  products: [{ id: "p1", name: "Renewals Hub" }],
  catalogue: [{ id: "p1", name: "Renewals Hub" }, { id: "p2", name: "Analytics Pro" }],
  checklist: {
    whyTheyBought: { winReason: "Replacing spreadsheets", painPoints: ["Late renewals"] },
    successCriteria: { criteria: [{ metric: "Forecast accuracy", baseline: "60%", target: "90%", dueBy: "2027-06-30" }] },
    stakeholders: { contacts: [{ name: "Ana Ruiz", title: "VP Ops", role: "CHAMPION", email: "ana@acme.test", priority: "HIGH", notes: "" }] },
    technicalRequirements: { requirements: ["SSO"], integrations: ["Salesforce"] },
    implementationTimeline: { start: "2026-12-01", goLive: "2027-02-15", notes: "" },
    riskFactors: { risks: [{ description: "New champion", severity: "MEDIUM", mitigation: "Add a sponsor" }] },
  },
  aeName: "Jamie Cole",
  csm: { name: "Priya Patel", accounts: 26, maxAccounts: 30 },
  expansionPotentialCents: 4_000_000n,
  healthScore: 80,
  renewal: { name: "Acme Corp — Renewal 2027-12-01", amountCents: 12_000_050n, renewalDate: parseIsoDate("2027-12-01") },
  touchpoints: [{ date: parseIsoDate("2026-11-19"), label: "Kickoff call", aeInvited: false }, { date: parseIsoDate("2027-02-16"), label: "QBR", aeInvited: true }],
  risk: { overall: "MEDIUM", factors: [{ label: "Implementation", level: "MEDIUM", mitigation: "Weekly check-ins" }] },
  handoffMeeting: { startsAt: new Date("2026-11-17T15:00:00Z"), attendees: ["ae@baton.test", "manager@baton.test"] },
  checklistDone: { renewal: true, csm: true, documentSent: true, touchpoints: true, meeting: true },
};

describe("handoff document", () => {
  it("has every section of the seed's step 5", () => {
    const doc = buildHandoffDocument(source);
    expect(doc.overview).toMatchObject({ accountName: "Acme Corp", dealValueCents: 12_000_050n, contractTermMonths: 12, products: ["Renewals Hub"] });
    expect(doc.overview.renewalDate.toISOString().slice(0, 10)).toBe("2027-12-01");
    expect(doc.stakeholders[0]).toMatchObject({ name: "Ana Ruiz", role: "CHAMPION" });
    expect(doc.implementation).toMatchObject({ start: "2026-12-01", goLive: "2027-02-15", integrations: ["Salesforce"] });
    expect(doc.context).toMatchObject({ whyTheyBought: "Replacing spreadsheets", painPoints: ["Late renewals"] });
    expect(doc.expansionOpportunity.products).toEqual(["Analytics Pro"]);
  });

  it("proposes only products the account does not own, and times expansion by health", () => {
    expect(upsellProducts(source.catalogue, source.products)).toEqual(["Analytics Pro"]);
    expect(expansionTiming("2027-02-15", source.closeDate, 80)).toContain("2027-03-15");
    expect(expansionTiming("2027-02-15", source.closeDate, 40)).toMatch(/health recovers/);
  });

  it("renders the Handoff Complete format", () => {
    const markdown = handoffCompleteMarkdown(buildHandoffDocument(source), source);
    expect(markdown).toContain("## ✅ Customer Handoff Complete\n\n**Account**: Acme Corp\n**Deal Value**: $120,000.50 ARR\n**Contract Term**: 12 months\n**Renewal Date**: Dec 1, 2027");
    expect(markdown).toContain("**CSM Load**: 26/30 accounts");
    expect(markdown).toContain("| Ana Ruiz | VP Ops | Champion | High |");
    expect(markdown).toContain("1. Forecast accuracy: from 60% to 90% by 2027-06-30");
    expect(markdown).toContain("| Feb 16, 2027 | QBR | CSM + Rep |");
    expect(markdown).toContain("**Initial Risk Level**: Medium");
    expect(markdown).toContain("**Products**: Analytics Pro");
    expect(markdown).toContain("- [x] Handoff meeting scheduled");
  });
});
