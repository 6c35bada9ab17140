import { describe, expect, it } from "vitest";
import { buildHandoffDocument, documentPlainText, expansionTiming, upsellProducts, type DocumentSource } from "@/lib/handoff/document";
import { handoffCompleteMarkdown, markdownPlainText } from "@/lib/handoff/markdown";
import { parseIsoDate } from "@/lib/dates";
import { CONTACT_ROLE_LABELS, PRIORITY_LABELS, RISK_LEVEL_LABELS } from "@/lib/labels";

const label = (labels: Record<string, string>) => (value: string) => labels[value] ?? value;

const source: DocumentSource = {
  complete: true,
  accountName: "Acme Corp",
  dealAmountCents: 12_000_050n,
  termMonths: 12,
  closeDate: parseIsoDate("2026-11-16"),
  contractStart: parseIsoDate("2026-12-01"),
  products: [{ id: "p1", name: "Renewals Hub" }],
  catalogue: [{ id: "p1", name: "Renewals Hub" }, { id: "p2", name: "Analytics Pro" }],
  checklist: {
    contract: { productIds: ["p1"] },
    whyTheyBought: { winReason: "Replacing spreadsheets", painPoints: ["Late renewals"] },
    successCriteria: { criteria: [{ metric: "Forecast accuracy", baseline: "60%", target: "90%", dueBy: "2027-06-30" }] },
    stakeholders: {
      contacts: [
        { name: "Ana Ruiz", title: "VP Ops", role: "CHAMPION", email: "ana@acme.test", priority: "HIGH", notes: "" },
        { name: "Bo Chen", title: "CFO | Finance", role: "ECONOMIC_BUYER", email: "bo@acme.test", priority: "MEDIUM", notes: "" },
      ],
    },
    technicalRequirements: { requirements: ["SSO"], integrations: ["Salesforce"] },
    implementationTimeline: { start: "2026-12-01", goLive: "2027-02-15", notes: "" },
    competitiveContext: { competitor: "Gainsight", notes: "Lost on price last year" },
    riskFactors: { risks: [{ description: "New champion", severity: "MEDIUM", mitigation: "Add a sponsor" }] },
  },
  aeName: "Jamie Cole",
  csm: { name: "Priya Patel", tierLabel: "Mid-Market", accounts: 14, maxAccounts: 20 },
  suggestedCsmName: null,
  expansionPotentialCents: 4_000_000n,
  healthScore: 80,
  renewal: { name: "Acme Corp — Renewal 2027-12-01", amountCents: 12_000_050n, renewalDate: parseIsoDate("2027-12-01"), stageLabel: "Planning" },
  touchpoints: [
    { date: parseIsoDate("2026-11-19"), label: "Kickoff Call", aeInvited: false, done: true },
    { date: parseIsoDate("2027-02-16"), label: "QBR", aeInvited: true, done: false },
  ],
  risk: {
    overallLabel: "Medium",
    factors: [{ label: "Contract", levelLabel: "Medium", reason: "12-month term on $120,000.50 ARR", mitigation: "Build the renewal case early" }],
  },
  handoffCall: { when: "Nov 17, 2026, 10:00 AM EST", attendees: ["Jamie Cole (AE)", "Priya Patel (CSM)"] },
  documents: [{ kindLabel: "Signed contract", name: "contract.pdf" }],
  labels: { role: label(CONTACT_ROLE_LABELS), priority: label(PRIORITY_LABELS), severity: label(RISK_LEVEL_LABELS) },
  checklistDone: { renewal: true, csm: true, documentSent: true, touchpoints: true, meeting: true },
};

describe("the handoff document model", () => {
  const markdown = handoffCompleteMarkdown(buildHandoffDocument(source));

  it("renders the Handoff Complete format field for field, with labels, exact money and the live stage", () => {
    expect(markdown).toContain("## ✅ Customer Handoff Complete\n\n**Account**: Acme Corp\n**Deal Value**: $120,000.50 ARR\n**Contract Term**: 12 months\n**Renewal Date**: Dec 1, 2027");
    expect(markdown).toContain("### Assignment\n\n**Sales Rep**: Jamie Cole\n**Assigned CSM**: Priya Patel\n**CSM Segment**: Mid-Market\n**CSM Load**: 14/20 accounts");
    expect(markdown).toContain("**Key Stakeholders**:\n| Name | Title | Role | Priority |\n|------|-------|------|----------|\n| Ana Ruiz | VP Ops | Champion | High |\n| Bo Chen | CFO \\| Finance | Economic buyer | Medium |");
    expect(markdown).toContain("**Success Criteria**:\n1. Forecast accuracy: from 60% to 90% by Jun 30, 2027");
    expect(markdown).toContain("**Competitive Context**:\nConsidered Gainsight. Lost on price last year");
    expect(markdown).toContain("**Timeline**: Dec 1, 2026 - Feb 15, 2027");
    expect(markdown).toContain("| Nov 19, 2026 | Kickoff Call (done) | CSM |\n| Feb 16, 2027 | QBR | CSM + Rep |");
    expect(markdown).toContain("**Stage**: Planning");
    expect(markdown).toContain("**Initial Risk Level**: Medium");
    // Every factor of the assessment, with its reason (money to the cent), and the AE's own risks.
    expect(markdown).toContain("| Contract | Medium | Build the renewal case early (12-month term on $120,000.50 ARR) |");
    expect(markdown).toContain("| AE: New champion | Medium | Add a sponsor |");
    expect(markdown).toContain("**Products**: Analytics Pro");
    expect(markdown).toContain("📅 **Scheduled**: Nov 17, 2026, 10:00 AM EST\n**Attendees**: Jamie Cole (AE), Priya Patel (CSM)\n**Agenda**: Deal context, success criteria, risk review");
    expect(markdown).toContain("- Signed contract: contract.pdf");
    expect(markdown).toContain("---\n\n**Handoff Checklist**:\n- [x] Renewal opportunity created\n- [x] CSM assigned");
    expect(markdown).not.toMatch(/CHAMPION|ECONOMIC_BUYER|\bHIGH\b|RENEWAL_PENDING|Kickoff call/);
  });

  it("reads the same as the page: the blocks' text equals the Markdown's text", () => {
    expect(markdownPlainText(markdown)).toBe(documentPlainText(buildHandoffDocument(source)));
    const open = { ...source, checklistDone: { ...source.checklistDone, csm: false, meeting: false }, complete: false, csm: null, suggestedCsmName: "Priya Patel", handoffCall: null, checklist: {}, touchpoints: [], risk: null, renewal: null };
    const openMarkdown = handoffCompleteMarkdown(buildHandoffDocument(open));
    expect(markdownPlainText(openMarkdown)).toBe(documentPlainText(buildHandoffDocument(open)));
    expect(openMarkdown).toContain("## ⏳ Customer Handoff in Progress");
    expect(openMarkdown).toContain("**Assigned CSM**: Not assigned yet (suggested: Priya Patel, awaiting a CS manager's approval)");
    expect(openMarkdown).toContain("📅 **Scheduled**: Not yet scheduled");
    expect(openMarkdown).toContain("- [ ] CSM assigned");
  });

  it("proposes only products the account does not own, and times expansion by health", () => {
    expect(upsellProducts(source.catalogue, source.products)).toEqual(["Analytics Pro"]);
    expect(expansionTiming("2027-02-15", source.closeDate, 80)).toContain("2027-03-15");
    expect(expansionTiming("2027-02-15", source.closeDate, 40)).toMatch(/health recovers/);
  });
});
