import { z } from "zod";
import type { Segment } from "@/lib/generated/prisma/enums";
import { formatMoney } from "@/lib/format";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/settings/schema";

// The initial renewal risk of seed Step 8: five factors, each Low / Medium / High with the facts behind it
// and a concrete mitigation, and an overall level. Every rule is a plain threshold a CS manager can check by
// reading the deal; each is documented right where it is applied.

export type RiskLevel = "LOW" | "MEDIUM" | "HIGH";
export type RiskFactorKey =
  | "implementation_complexity"
  | "stakeholder_turnover"
  | "competitive_threat"
  | "contract_structure"
  | "usage_prediction";
export type ContactRoleKey = "CHAMPION" | "ECONOMIC_BUYER" | "EXECUTIVE_SPONSOR" | "TECHNICAL_LEAD" | "USER" | "OTHER";

export interface RiskFactor {
  factor: RiskFactorKey;
  label: string;
  level: RiskLevel;
  reason: string;
  mitigation: string;
}

const RISK_FACTOR_KEYS = ["implementation_complexity", "stakeholder_turnover", "competitive_threat", "contract_structure", "usage_prediction"] as const satisfies readonly RiskFactorKey[];

/** An assessment's stored factors (a JSON column, written from RiskFactor); anything else reads as none. */
export const storedRiskFactors = z
  .array(z.object({ factor: z.enum(RISK_FACTOR_KEYS), label: z.string(), level: z.enum(["LOW", "MEDIUM", "HIGH"]), reason: z.string(), mitigation: z.string() }))
  .catch([]);

export interface RiskAssessmentResult {
  overall: RiskLevel;
  factors: RiskFactor[];
}

export interface RiskInput {
  technicalRequirementsCount: number;
  integrationsCount: number;
  technicalProductsCount: number;
  /** Days from implementation start to go-live, when a timeline was given. */
  implementationDays: number | null;
  contacts: ReadonlyArray<{ role: ContactRoleKey }>;
  /** Empty = no competitor named. */
  competitor: string;
  risksCount: number;
  termMonths: number;
  amountCents: bigint;
  segment: Segment;
  healthScore: number | null;
  /** Percent of entitlement, 0–100. */
  usagePct: number | null;
  daysSinceClose: number;
  /** Tier capacity from the settings; the typical account size per segment is derived from it. */
  capacity?: Settings["capacity"];
}

/** What an assessment reads of the deal it follows (the closed-won deal, or the account's latest one). */
export interface DealRiskFacts {
  amountCents: bigint;
  termMonths: number;
  competitor: string;
  risks: readonly string[];
  technicalRequirements: readonly string[];
  integrations: readonly string[];
  products: readonly { product: { technical: boolean } }[];
}

/** The risk input of a deal's facts and the account's state; the closed-won flow and every reassessment read it alike. */
export function dealRiskInput(
  deal: DealRiskFacts,
  account: Pick<RiskInput, "contacts" | "segment" | "healthScore" | "usagePct" | "implementationDays" | "daysSinceClose" | "capacity">,
): RiskInput {
  return {
    technicalRequirementsCount: deal.technicalRequirements.length,
    integrationsCount: deal.integrations.length,
    technicalProductsCount: deal.products.filter((p) => p.product.technical).length,
    competitor: deal.competitor,
    risksCount: deal.risks.length,
    termMonths: deal.termMonths,
    amountCents: deal.amountCents,
    ...account,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The largest account the capacity model expects in a segment: a CSM's ARR cap spread over the fewest
 * accounts a full book holds (defaults: Enterprise $5M / 10 = $500K, Mid-Market $2M / 30 ≈ $66.7K,
 * Scale $500K / 100 = $5K). A one-year contract above it concentrates renewal risk.
 */
export function typicalArrCents(segment: Segment, capacity: Settings["capacity"] = DEFAULT_SETTINGS.capacity): bigint {
  const tier = capacity[segment];
  return BigInt(tier.maxArrCents) / BigInt(tier.minAccounts);
}

function implementationComplexity(input: RiskInput): RiskFactor {
  const { integrationsCount: integrations, technicalProductsCount: technical, implementationDays: days } = input;
  const requirements = input.technicalRequirementsCount;
  const facts = [
    plural(integrations, "integration"),
    plural(technical, "technical product"),
    plural(requirements, "technical requirement"),
    days === null ? "no implementation timeline" : `a ${days}-day implementation`,
  ].join(", ");
  const base = { factor: "implementation_complexity" as const, label: "Implementation complexity" };
  // HIGH: 3+ integrations, 2+ technical (certification-needing) products, 6+ technical requirements or an
  // implementation over 90 days (a quarter): value arrives late and the first QBR comes before go-live.
  if (integrations >= 3 || technical >= 2 || requirements >= 6 || (days !== null && days > 90)) {
    return {
      ...base,
      level: "HIGH",
      reason: `Complex rollout: ${facts}`,
      mitigation: "Agree a phased project plan with milestone owners at kickoff and have a solutions engineer join until go-live",
    };
  }
  // MEDIUM: any integration or technical product, 3+ technical requirements, or an implementation over 45
  // days: more than a configuration project, but one CSM can steer it.
  if (integrations >= 1 || technical >= 1 || requirements >= 3 || (days !== null && days > 45)) {
    return {
      ...base,
      level: "MEDIUM",
      reason: `Some technical work: ${facts}`,
      mitigation: "Confirm the customer's technical lead and the integration plan at kickoff; review progress weekly",
    };
  }
  // LOW: no integrations, no technical product, few requirements, live within 45 days.
  return { ...base, level: "LOW", reason: `Standard rollout: ${facts}`, mitigation: "Follow the standard onboarding plan" };
}

function stakeholderTurnover(input: RiskInput): RiskFactor {
  const count = input.contacts.length;
  const has = (role: ContactRoleKey) => input.contacts.some((c) => c.role === role);
  const base = { factor: "stakeholder_turnover" as const, label: "Stakeholder turnover" };
  // HIGH: no champion. Nobody inside the customer is invested in the outcome, so one departure or
  // reorganisation can end the relationship before the renewal.
  if (!has("CHAMPION")) {
    return {
      ...base,
      level: "HIGH",
      reason: count === 0 ? "No stakeholders recorded" : `No champion among ${plural(count, "stakeholder")}`,
      mitigation: "Identify and confirm a champion with the AE before kickoff",
    };
  }
  // MEDIUM: a single contact (the relationship leaves with them) or no economic buyer (nobody who owns the
  // budget knows us when the renewal is decided).
  if (count <= 1 || !has("ECONOMIC_BUYER")) {
    const reason = count <= 1 ? "Single-threaded: the champion is the only stakeholder" : `No economic buyer among ${plural(count, "stakeholder")}`;
    return {
      ...base,
      level: "MEDIUM",
      reason,
      mitigation: count <= 1 ? "Multi-thread: meet at least two more stakeholders, including the budget owner, in the first 30 days" : "Ask the champion to introduce the economic buyer and invite them to the first QBR",
    };
  }
  // LOW: a champion and an economic buyer on record, among several contacts.
  return {
    ...base,
    level: "LOW",
    reason: `Champion and economic buyer among ${plural(count, "stakeholder")}`,
    mitigation: "Keep the stakeholder map current at every QBR",
  };
}

function competitiveThreat(input: RiskInput): RiskFactor {
  const competitor = input.competitor.trim();
  const risks = plural(input.risksCount, "risk");
  const base = { factor: "competitive_threat" as const, label: "Competitive threat" };
  // HIGH: a competitor was in the deal AND the AE listed 2+ risks: the alternative is known and there are
  // already reasons to look at it again at renewal.
  if (competitor && input.risksCount >= 2) {
    return {
      ...base,
      level: "HIGH",
      reason: `Competed against ${competitor} with ${risks} listed`,
      mitigation: `Address each listed risk in the success plan and document the value delivered against ${competitor} before the first QBR`,
    };
  }
  // MEDIUM: a competitor was named: they will be back at renewal time.
  if (competitor) {
    return {
      ...base,
      level: "MEDIUM",
      reason: `Competed against ${competitor}`,
      mitigation: "Track the win reasons as success criteria and show progress on them at every QBR",
    };
  }
  // LOW: no competitor in the deal.
  return { ...base, level: "LOW", reason: `No competitor named; ${risks} listed`, mitigation: "Watch for competitor mentions at check-ins" };
}

function contractStructure(input: RiskInput): RiskFactor {
  const { termMonths } = input;
  const typical = typicalArrCents(input.segment, input.capacity);
  const arr = formatMoney(input.amountCents);
  const base = { factor: "contract_structure" as const, label: "Contract structure" };
  // HIGH: a term of 12 months or less on an ARR above the segment's typical account: a large amount comes
  // up for decision within a year, before the value is proven.
  if (termMonths <= 12 && input.amountCents > typical) {
    return {
      ...base,
      level: "HIGH",
      reason: `${termMonths}-month term on ${arr} ARR, above the typical ${formatMoney(typical)} for the segment`,
      mitigation: "Plan the renewal from kickoff: agree ROI metrics now and propose a multi-year renewal at the 90-day planning meeting",
    };
  }
  // MEDIUM: a one-year (or shorter) term: the renewal is decided within a year of signing.
  if (termMonths <= 12) {
    return {
      ...base,
      level: "MEDIUM",
      reason: `${termMonths}-month term: renewal decided within a year`,
      mitigation: "Reach first value within 30 days and propose a multi-year renewal at the planning meeting",
    };
  }
  // LOW: longer than a year (multi-year): time to prove value before the renewal.
  return { ...base, level: "LOW", reason: `${termMonths}-month term`, mitigation: "Keep the standard renewal cadence (90/60/30 days)" };
}

// In the first 30 days after close, usage and health are onboarding ramp, not adoption (near 0% on day one,
// a health score still at its default), so they are not read until then and usage is predicted instead.
// 30 days matches the health check and the time-to-first-value target.
const USAGE_RAMP_DAYS = 30;

function usagePrediction(input: RiskInput, implementation: RiskFactor): RiskFactor {
  const measured = input.daysSinceClose >= USAGE_RAMP_DAYS;
  const usage = measured ? input.usagePct : null;
  const health = measured ? input.healthScore : null;
  const base = { factor: "usage_prediction" as const, label: "Usage prediction" };
  if (usage !== null || health !== null) {
    const facts = [usage === null ? null : `usage ${usage}% of entitlement`, health === null ? null : `health ${health}/100`]
      .filter((fact) => fact !== null)
      .join(", ");
    // HIGH: usage under 40% or health under 50: the customer is not getting the value they pay for.
    if ((usage !== null && usage < 40) || (health !== null && health < 50)) {
      return { ...base, level: "HIGH", reason: `Low adoption: ${facts}`, mitigation: "Run an adoption review with the champion within two weeks and agree a usage recovery plan" };
    }
    // MEDIUM: usage under 70% or health under 70: adoption is partial.
    if ((usage !== null && usage < 70) || (health !== null && health < 70)) {
      return { ...base, level: "MEDIUM", reason: `Partial adoption: ${facts}`, mitigation: "Find the unused features or teams and schedule targeted training" };
    }
    // LOW: usage at 70%+ and health at 70+.
    return { ...base, level: "LOW", reason: `Healthy adoption: ${facts}`, mitigation: "Monitor usage monthly and share wins at the QBR" };
  }
  // No measurement yet (a new customer, or none recorded): predicted from the implementation. A high-complexity rollout delays
  // adoption, so usage is predicted MEDIUM (one step softer: nothing has gone wrong yet, and the complexity
  // itself is already counted as its own factor); otherwise usage is expected to ramp normally.
  if (implementation.level === "HIGH") {
    return {
      ...base,
      level: "MEDIUM",
      reason: `${noData(input)}; a complex implementation will delay adoption`,
      mitigation: "Set usage targets per phase in the project plan and check them at the 30-day health check",
    };
  }
  return { ...base, level: "LOW", reason: `${noData(input)}; a standard implementation should ramp normally`, mitigation: "Check usage at the 30-day health check" };
}

function noData(input: RiskInput): string {
  return input.daysSinceClose < USAGE_RAMP_DAYS ? `Still ramping (${plural(input.daysSinceClose, "day")} since close)` : "No usage data recorded";
}

/**
 * Overall: HIGH when two or more factors are HIGH, or usage is HIGH (low adoption is the strongest churn
 * signal on its own); MEDIUM when one factor is HIGH or two or more are MEDIUM; otherwise LOW.
 */
export function overallRisk(factors: ReadonlyArray<Pick<RiskFactor, "factor" | "level">>): RiskLevel {
  const highs = factors.filter((f) => f.level === "HIGH").length;
  const mediums = factors.filter((f) => f.level === "MEDIUM").length;
  const usageHigh = factors.some((f) => f.factor === "usage_prediction" && f.level === "HIGH");
  if (highs >= 2 || usageHigh) return "HIGH";
  if (highs >= 1 || mediums >= 2) return "MEDIUM";
  return "LOW";
}

export function assessRisk(input: RiskInput): RiskAssessmentResult {
  const implementation = implementationComplexity(input);
  const factors = [
    implementation,
    stakeholderTurnover(input),
    competitiveThreat(input),
    contractStructure(input),
    usagePrediction(input, implementation),
  ];
  return { overall: overallRisk(factors), factors };
}
