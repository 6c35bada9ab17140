import { describe, expect, it } from "vitest";
import { buildHandoffDocument, type DocumentSource } from "@/lib/handoff/document";
import { handoffCompleteMarkdown, markdownPlainText, markdownText } from "@/lib/handoff/markdown";
import { parseIsoDate } from "@/lib/dates";

// Issue 11: "Copy as Markdown" must not carry raw HTML from what people typed into the Markdown.
const XSS = '<img src=x onerror="alert(1)">';
const same = (value: string) => value;

const source: DocumentSource = {
  complete: true,
  accountName: `Acme ${XSS}`,
  dealAmountCents: 1_000_000n,
  termMonths: 12,
  closeDate: parseIsoDate("2026-11-16"),
  contractStart: null,
  products: [{ id: "p1", name: "Renewals Hub" }],
  catalogue: [{ id: "p1", name: "Renewals Hub" }],
  checklist: {
    whyTheyBought: { winReason: `<script>alert("why")</script>`, painPoints: [] },
    successCriteria: { criteria: [{ metric: "<b>Accuracy</b>", baseline: "1", target: "2", dueBy: "2027-06-30" }] },
    stakeholders: { contacts: [{ name: "<i>Ana</i>", title: "VP & <u>Ops</u>", role: "CHAMPION", email: "ana@acme.test", priority: "HIGH", notes: "" }] },
    technicalRequirements: { requirements: ["<iframe src=//evil>"], integrations: [] },
    implementationTimeline: { start: "2026-12-01", goLive: "2027-02-15", notes: "" },
    riskFactors: { risks: [] },
  },
  aeName: "<svg onload=alert(2)>",
  csm: null,
  suggestedCsmName: null,
  expansionPotentialCents: 0n,
  healthScore: 80,
  renewal: null,
  touchpoints: [],
  risk: null,
  handoffCall: null,
  documents: [],
  labels: { role: same, priority: same, severity: same },
  checklistDone: { renewal: false, csm: false, documentSent: false, touchpoints: false, meeting: false },
};

describe("Copy as Markdown", () => {
  it("escapes <, > and & so text shows as written and no HTML tag survives", () => {
    expect(markdownText('<a href="x">R&D</a>')).toBe('\\<a href="x"\\>R\\&D\\</a\\>');
    const markdown = handoffCompleteMarkdown(buildHandoffDocument(source));
    expect(markdown).toContain("Acme \\<img src=x onerror=\"alert(1)\"\\>");
    expect(markdown).toContain("\\<script\\>alert(\"why\")\\</script\\>");
    expect(markdown).toContain("| \\<i\\>Ana\\</i\\> | VP \\& \\<u\\>Ops\\</u\\> |");
    expect(markdown).toContain("- \\<iframe src=//evil\\>");
    expect(markdown).toContain("\\<svg onload=alert(2)\\>");
    expect(markdown).not.toMatch(/(^|[^\\])<[a-z/]/i);
  });

  it("reads back as the text people typed, so the page and the Markdown still say the same", () => {
    const plain = markdownPlainText(handoffCompleteMarkdown(buildHandoffDocument(source)));
    expect(plain).toContain(`Acme ${XSS}`);
    expect(plain).toContain("VP & <u>Ops</u>");
  });
});
