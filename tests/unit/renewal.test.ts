import { describe, expect, it } from "vitest";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { renewalAction, renewalAlertMarkdown, type RenewalAlertInput } from "@/lib/renewals/renewal-alert";
import { renewalDateFor, renewalTerms } from "@/lib/renewals/renewal-terms";
import { termNumbers } from "@/lib/renewals/term-chain";

const d = parseIsoDate;
const deal = {
  id: "deal_1",
  name: "Acme Corp — Platform",
  accountName: "Acme Corp",
  amountCents: 12_000_000n,
  termMonths: 12,
  closeDate: d("2026-11-20"),
  contractStart: null,
  productIds: ["prod_a", "prod_b"],
};

describe("renewalTerms", () => {
  it("renews at close date + term when no contract start was recorded", () => {
    const terms = renewalTerms(deal);
    expect({ ...terms, renewalDate: toIsoDate(terms.renewalDate), originalCloseDate: toIsoDate(terms.originalCloseDate) }).toEqual({
      name: "Acme Corp — Renewal 2027-11-20",
      amountCents: 12_000_000n,
      renewalDate: "2027-11-20",
      productIds: ["prod_a", "prod_b"],
      stage: "RENEWAL_PENDING",
      originalDealId: "deal_1",
      originalCloseDate: "2026-11-20",
      contractTermMonths: 12,
    });
    expect(terms.productIds).not.toBe(deal.productIds);
  });

  it("counts from the contract start when given", () => {
    const terms = renewalTerms({ ...deal, contractStart: d("2026-12-01"), termMonths: 24 });
    expect(toIsoDate(terms.renewalDate)).toBe("2028-12-01");
    expect(terms.name).toBe("Acme Corp — Renewal 2028-12-01");
    expect(toIsoDate(terms.originalCloseDate)).toBe("2026-11-20");
  });

  it("clamps a month-end start to the last day of the renewal month", () => {
    expect(toIsoDate(renewalDateFor(d("2026-01-31"), null, 1))).toBe("2026-02-28");
    expect(toIsoDate(renewalDateFor(d("2026-11-30"), null, 3))).toBe("2027-02-28");
    expect(toIsoDate(renewalDateFor(d("2026-01-01"), d("2027-08-31"), 6))).toBe("2028-02-29"); // leap year
  });
});

describe("renewalAlertMarkdown", () => {
  const input: RenewalAlertInput = {
    accountName: "Acme Corp",
    arrCents: 12_000_000n,
    renewalDate: d("2027-02-18"),
    today: d("2026-11-20"),
    csmName: "Dana Reyes",
    healthScore: 82,
    usagePct: 76.5,
    riskLevel: "MEDIUM",
  };

  it("renders the seed's format exactly", () => {
    expect(renewalAlertMarkdown(input)).toBe(
      [
        "## 🔄 Renewal Due: Acme Corp",
        "",
        "**ARR**: $120,000",
        "**Renewal Date**: Feb 18, 2027 (90 days away)",
        "**CSM**: Dana Reyes",
        "",
        "**Health Score**: 82/100",
        "**Usage**: 76.5% of entitlement",
        "**Risk Level**: Medium",
        "",
        "**Action Required**: Hold the renewal planning meeting: confirm the stakeholders, usage trend and pricing strategy for the renewal",
      ].join("\n"),
    );
  });

  it("fills missing values in words and keeps exact cents", () => {
    const text = renewalAlertMarkdown({ ...input, arrCents: 1_234_567n, csmName: null, healthScore: null, usagePct: null, riskLevel: null, today: d("2027-02-17") });
    expect(text).toContain("**ARR**: $12,345.67");
    expect(text).toContain("**Renewal Date**: Feb 18, 2027 (1 day away)");
    expect(text).toContain("**CSM**: Unassigned");
    expect(text).toContain("**Health Score**: Not scored");
    expect(text).toContain("**Usage**: Not measured");
    expect(text).toContain("**Risk Level**: Not assessed");
    expect(text).toContain("**Action Required**: Assign a CSM today: this renewal has no owner");
  });

  it("says overdue after the renewal date and takes an explicit action", () => {
    const text = renewalAlertMarkdown({ ...input, today: d("2027-02-21"), actionRequired: "Call the CFO" });
    expect(text).toContain("(3 days overdue)");
    expect(text.endsWith("**Action Required**: Call the CFO")).toBe(true);
  });
});

describe("renewalAction", () => {
  it("no CSM comes first, whatever else", () => {
    expect(renewalAction(30, "HIGH", false)).toBe("Assign a CSM today: this renewal has no owner");
  });

  it("high risk escalates", () => {
    expect(renewalAction(60, "HIGH", true)).toBe(
      "Escalate to the CS manager and agree a save plan with the executive sponsor this week: high-risk renewal in 60 days",
    );
  });

  it("follows the 90/60/30 cadence", () => {
    expect(renewalAction(90, "LOW", true)).toMatch(/^Hold the renewal planning meeting/);
    expect(renewalAction(61, "MEDIUM", true)).toMatch(/^Hold the renewal planning meeting/);
    expect(renewalAction(60, "LOW", true)).toMatch(/^Hold the renewal call/);
    expect(renewalAction(30, null, true)).toMatch(/^Send the renewal order form/);
    expect(renewalAction(0, "LOW", true)).toMatch(/^Send the renewal order form/);
    expect(renewalAction(-1, "HIGH", true)).toMatch(/^The renewal date has passed/);
    expect(renewalAction(120, "LOW", true)).toMatch(/^No action yet/);
  });
});

describe("an account's chain of renewal terms", () => {
  it("numbers each term from the contract's first, with co-termed renewals sharing the next term", () => {
    const rows = termNumbers([
      { id: "r1", originalDealId: "new", renewedByDealId: "ren1" },
      { id: "x1", originalDealId: "expansion", renewedByDealId: "ren1" },
      { id: "r2", originalDealId: "ren1", renewedByDealId: "ren2" },
      { id: "r3", originalDealId: "ren2", renewedByDealId: null },
      { id: "other", originalDealId: "second-contract", renewedByDealId: null },
    ]);
    expect(rows.map((row) => [row.id, row.term, row.previousIds])).toEqual([
      ["r1", 1, []],
      ["x1", 1, []],
      ["r2", 2, ["r1", "x1"]],
      ["r3", 3, ["r2"]],
      ["other", 1, []],
    ]);
  });
});
