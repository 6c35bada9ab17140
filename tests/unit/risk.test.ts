import { describe, expect, it } from "vitest";
import { assessRisk, dealRiskInput, overallRisk, storedRiskFactors, typicalArrCents, type RiskFactorKey, type RiskInput } from "@/lib/risk/assess";

// A calm baseline: every factor LOW. Each test changes only the facts its rule reads.
const base: RiskInput = {
  technicalRequirementsCount: 1,
  integrationsCount: 0,
  technicalProductsCount: 0,
  implementationDays: 30,
  contacts: [{ role: "CHAMPION" }, { role: "ECONOMIC_BUYER" }, { role: "USER" }],
  competitor: "",
  risksCount: 0,
  termMonths: 36,
  amountCents: 3_000_000n, // $30,000
  segment: "MID_MARKET",
  healthScore: null,
  usagePct: null,
  daysSinceClose: 0,
};

function factor(input: Partial<RiskInput>, key: RiskFactorKey) {
  const result = assessRisk({ ...base, ...input }).factors.find((f) => f.factor === key);
  if (!result) throw new Error(`missing ${key}`);
  return result;
}

describe("baseline", () => {
  it("is LOW on all five factors, in the seed's order, each with a reason and mitigation", () => {
    const result = assessRisk(base);
    expect(result.overall).toBe("LOW");
    expect(result.factors.map((f) => [f.factor, f.level])).toEqual([
      ["implementation_complexity", "LOW"],
      ["stakeholder_turnover", "LOW"],
      ["competitive_threat", "LOW"],
      ["contract_structure", "LOW"],
      ["usage_prediction", "LOW"],
    ]);
    for (const f of result.factors) {
      expect(f.label).not.toBe("");
      expect(f.reason).not.toBe("");
      expect(f.mitigation).not.toBe("");
    }
  });
});

describe("implementation complexity", () => {
  it.each([
    [{ integrationsCount: 3 }, "HIGH"],
    [{ technicalProductsCount: 2 }, "HIGH"],
    [{ implementationDays: 91 }, "HIGH"],
    [{ technicalRequirementsCount: 6 }, "HIGH"],
    [{ integrationsCount: 2 }, "MEDIUM"],
    [{ integrationsCount: 1 }, "MEDIUM"],
    [{ technicalProductsCount: 1 }, "MEDIUM"],
    [{ implementationDays: 90 }, "MEDIUM"],
    [{ implementationDays: 46 }, "MEDIUM"],
    [{ technicalRequirementsCount: 3 }, "MEDIUM"],
    [{ implementationDays: 45 }, "LOW"],
    [{ implementationDays: null }, "LOW"],
  ] as const)("%j → %s", (input, level) => {
    expect(factor(input, "implementation_complexity").level).toBe(level);
  });

  it("names the facts", () => {
    expect(factor({ integrationsCount: 3, implementationDays: 120 }, "implementation_complexity").reason).toBe(
      "Complex rollout: 3 integrations, 0 technical products, 1 technical requirement, a 120-day implementation",
    );
  });
});

describe("stakeholder turnover", () => {
  it("HIGH without a champion, naming how many stakeholders there are", () => {
    const f = factor({ contacts: [{ role: "ECONOMIC_BUYER" }, { role: "USER" }] }, "stakeholder_turnover");
    expect(f).toMatchObject({ level: "HIGH", reason: "No champion among 2 stakeholders", mitigation: "Identify and confirm a champion with the AE before kickoff" });
    expect(factor({ contacts: [] }, "stakeholder_turnover")).toMatchObject({ level: "HIGH", reason: "No stakeholders recorded" });
  });

  it("MEDIUM when the champion is the only contact", () => {
    expect(factor({ contacts: [{ role: "CHAMPION" }] }, "stakeholder_turnover")).toMatchObject({
      level: "MEDIUM",
      reason: "Single-threaded: the champion is the only stakeholder",
    });
  });

  it("MEDIUM without an economic buyer", () => {
    expect(factor({ contacts: [{ role: "CHAMPION" }, { role: "TECHNICAL_LEAD" }] }, "stakeholder_turnover")).toMatchObject({
      level: "MEDIUM",
      reason: "No economic buyer among 2 stakeholders",
    });
  });

  it("LOW with a champion and an economic buyer", () => {
    expect(factor({ contacts: [{ role: "CHAMPION" }, { role: "ECONOMIC_BUYER" }] }, "stakeholder_turnover").level).toBe("LOW");
  });
});

describe("competitive threat", () => {
  it("HIGH with a named competitor and two or more risks", () => {
    expect(factor({ competitor: "Gainsight", risksCount: 2 }, "competitive_threat")).toMatchObject({
      level: "HIGH",
      reason: "Competed against Gainsight with 2 risks listed",
    });
  });

  it("MEDIUM with a named competitor and fewer risks", () => {
    expect(factor({ competitor: "Gainsight", risksCount: 1 }, "competitive_threat").level).toBe("MEDIUM");
  });

  it("LOW with no competitor (blank counts as none), whatever the risks", () => {
    expect(factor({ competitor: "  ", risksCount: 4 }, "competitive_threat")).toMatchObject({ level: "LOW", reason: "No competitor named; 4 risks listed" });
  });
});

describe("contract structure", () => {
  it("derives the typical account size from the tier capacity", () => {
    expect(typicalArrCents("ENTERPRISE")).toBe(50_000_000n); // $5M / 10
    expect(typicalArrCents("MID_MARKET")).toBe(6_666_666n); // $2M / 30
    expect(typicalArrCents("SCALE")).toBe(500_000n); // $500K / 100
  });

  it("HIGH for a 12-month term on an ARR above the segment's typical size", () => {
    expect(factor({ termMonths: 12, amountCents: 7_000_000n }, "contract_structure")).toMatchObject({
      level: "HIGH",
      reason: "12-month term on $70,000 ARR, above the typical $66,666.66 for the segment",
    });
  });

  it("MEDIUM for a 12-month (or shorter) term at or below the typical size", () => {
    expect(factor({ termMonths: 12, amountCents: 6_666_666n }, "contract_structure").level).toBe("MEDIUM");
    expect(factor({ termMonths: 6, amountCents: 1_000_000n }, "contract_structure").level).toBe("MEDIUM");
  });

  it("LOW for a multi-year term, even on a large ARR", () => {
    expect(factor({ termMonths: 24, amountCents: 50_000_000n }, "contract_structure").level).toBe("LOW");
  });

  it("uses the capacity settings when given", () => {
    const capacity = {
      ENTERPRISE: { minAccounts: 10, maxAccounts: 10, maxArrCents: 100_000_000 },
      MID_MARKET: { minAccounts: 10, maxAccounts: 10, maxArrCents: 100_000_000 }, // $100K typical
      SCALE: { minAccounts: 10, maxAccounts: 10, maxArrCents: 100_000_000 },
    };
    expect(factor({ termMonths: 12, amountCents: 5_000_000n, capacity }, "contract_structure").level).toBe("MEDIUM");
  });
});

describe("usage prediction", () => {
  const measured = { daysSinceClose: 45 };
  it.each([
    [{ usagePct: 39, healthScore: 90 }, "HIGH"],
    [{ usagePct: 90, healthScore: 49 }, "HIGH"],
    [{ usagePct: 69, healthScore: 90 }, "MEDIUM"],
    [{ usagePct: null, healthScore: 65 }, "MEDIUM"],
    [{ usagePct: 70, healthScore: 70 }, "LOW"],
    [{ usagePct: 85, healthScore: null }, "LOW"],
  ] as const)("after the ramp, %j → %s", (input, level) => {
    expect(factor({ ...measured, ...input }, "usage_prediction").level).toBe(level);
  });

  it("names the measurements", () => {
    expect(factor({ ...measured, usagePct: 35, healthScore: 80 }, "usage_prediction").reason).toBe("Low adoption: usage 35% of entitlement, health 80/100");
  });

  it("during the first 30 days, predicts from the implementation instead of reading ramp-up numbers", () => {
    const early = { daysSinceClose: 5, usagePct: 0, healthScore: 70 };
    expect(factor(early, "usage_prediction")).toMatchObject({ level: "LOW", reason: "Still ramping (5 days since close); a standard implementation should ramp normally" });
    expect(factor({ ...early, integrationsCount: 4 }, "usage_prediction")).toMatchObject({ level: "MEDIUM" });
  });

  it("with no measurement after the ramp, also predicts from the implementation", () => {
    expect(factor({ daysSinceClose: 60, integrationsCount: 4 }, "usage_prediction")).toMatchObject({
      level: "MEDIUM",
      reason: "No usage data recorded; a complex implementation will delay adoption",
    });
  });
});

describe("overall level", () => {
  const levels = (usage: "LOW" | "MEDIUM" | "HIGH", ...others: Array<"LOW" | "MEDIUM" | "HIGH">) => [
    ...others.map((level, i) => ({ factor: (["implementation_complexity", "stakeholder_turnover", "competitive_threat", "contract_structure"] as const)[i]!, level })),
    { factor: "usage_prediction" as const, level: usage },
  ];

  it("HIGH with two HIGH factors", () => expect(overallRisk(levels("LOW", "HIGH", "HIGH", "LOW", "LOW"))).toBe("HIGH"));
  it("HIGH when usage alone is HIGH", () => expect(overallRisk(levels("HIGH", "LOW", "LOW", "LOW", "LOW"))).toBe("HIGH"));
  it("MEDIUM with one HIGH factor other than usage", () => expect(overallRisk(levels("LOW", "LOW", "HIGH", "LOW", "LOW"))).toBe("MEDIUM"));
  it("MEDIUM with two MEDIUM factors", () => expect(overallRisk(levels("MEDIUM", "MEDIUM", "LOW", "LOW", "LOW"))).toBe("MEDIUM"));
  it("LOW with a single MEDIUM", () => expect(overallRisk(levels("LOW", "MEDIUM", "LOW", "LOW", "LOW"))).toBe("LOW"));

  it("end to end: no champion and a competitor with risks → HIGH", () => {
    const result = assessRisk({ ...base, contacts: [{ role: "USER" }], competitor: "Totango", risksCount: 3 });
    expect(result.overall).toBe("HIGH");
  });
});

describe("dealRiskInput", () => {
  it("reads the deal's facts alike for the closed-won flow and every reassessment", () => {
    const deal = {
      amountCents: 9_000_000n,
      termMonths: 24,
      competitor: "Gainsight",
      risks: ["Budget freeze"],
      technicalRequirements: ["SSO", "SCIM"],
      integrations: ["Salesforce"],
      products: [{ product: { technical: true } }, { product: { technical: false } }],
    };
    expect(dealRiskInput(deal, { implementationDays: null, contacts: [], segment: "ENTERPRISE", healthScore: 70, usagePct: 55, daysSinceClose: 10 })).toEqual({
      technicalRequirementsCount: 2,
      integrationsCount: 1,
      technicalProductsCount: 1,
      competitor: "Gainsight",
      risksCount: 1,
      termMonths: 24,
      amountCents: 9_000_000n,
      implementationDays: null,
      contacts: [],
      segment: "ENTERPRISE",
      healthScore: 70,
      usagePct: 55,
      daysSinceClose: 10,
    });
  });

  it("reads stored factors back, and anything else as none", () => {
    const factors = [{ factor: "competitive_threat", label: "Competitive threat", level: "HIGH", reason: "Named", mitigation: "Plan" }];
    expect(storedRiskFactors.parse(factors)).toEqual(factors);
    expect(storedRiskFactors.parse({ not: "a list" })).toEqual([]);
    expect(storedRiskFactors.parse(null)).toEqual([]);
  });
});
