import type { Prisma } from "@/lib/generated/prisma/client";
import type { DealStage, DealType, RenewalStage, Segment } from "@/lib/generated/prisma/enums";
import {
  COMPETITORS, DEAL_RISKS, IMPLEMENTATION_TIMELINES, INTEGRATIONS, PAIN_POINTS, TECHNICAL_REQUIREMENTS, WIN_REASONS,
  type ProductSpec,
} from "@/lib/demo/catalogue";
import type { Rng } from "@/lib/demo/random";

// What a deal says beyond its amount: the sales context the handoff carries to Customer Success.

export interface DemoProduct extends ProductSpec {
  id: string;
}

const AMOUNT_RANGES: Record<Segment, { min: number; max: number; skew: number }> = {
  ENTERPRISE: { min: 100_000, max: 600_000, skew: 1.8 },
  MID_MARKET: { min: 25_000, max: 120_000, skew: 1.5 },
  SCALE: { min: 5_000, max: 30_000, skew: 1.4 },
};

/** ARR in cents: mostly round hundreds, sometimes an odd figure with cents, like real quotes. */
export function roundAmount(rng: Rng, dollars: number): number {
  if (rng.chance(0.25)) return Math.round(dollars * 100) + rng.int(0, 99);
  const step = dollars >= 50_000 ? 1_000 : 100;
  return Math.max(step, Math.round(dollars / step) * step) * 100;
}

export function firstDealAmount(rng: Rng, segment: Segment): number {
  const range = AMOUNT_RANGES[segment];
  return roundAmount(rng, range.min + (range.max - range.min) * Math.pow(rng.next(), range.skew));
}

export function termFor(rng: Rng, segment: Segment): number {
  return segment === "ENTERPRISE"
    ? rng.weighted([[12, 35], [24, 30], [36, 35]] as const)
    : segment === "MID_MARKET"
      ? rng.weighted([[12, 55], [24, 25], [36, 20]] as const)
      : rng.weighted([[12, 80], [24, 15], [36, 5]] as const);
}

export function initialProducts(rng: Rng, products: readonly DemoProduct[], segment: Segment): DemoProduct[] {
  const boost = segment === "ENTERPRISE" ? 1.6 : segment === "MID_MARKET" ? 1 : 0.5;
  return products.filter((product) => product.attach >= 1 || rng.chance(Math.min(0.9, product.attach * boost)));
}

/** An add-on the account does not have yet, or null when it owns everything. */
export function expansionProduct(rng: Rng, products: readonly DemoProduct[], owned: ReadonlySet<string>): DemoProduct | null {
  const missing = products.filter((product) => !owned.has(product.id));
  if (missing.length === 0) return null;
  return rng.weighted(missing.map((product) => [product, product.attach + 0.1] as const));
}

/** Open stages by how far away the expected close is. */
export function openStage(rng: Rng, daysToClose: number): DealStage {
  if (daysToClose > 75) return rng.weighted([["PROSPECTING", 60], ["DISCOVERY", 40]] as const);
  if (daysToClose > 40) return rng.weighted([["DISCOVERY", 55], ["PROPOSAL", 45]] as const);
  if (daysToClose > 15) return rng.weighted([["PROPOSAL", 55], ["NEGOTIATION", 45]] as const);
  return rng.weighted([["NEGOTIATION", 75], ["PROPOSAL", 25]] as const);
}

export function openRenewalStage(rng: Rng, daysToRenewal: number): RenewalStage {
  if (daysToRenewal > 90) return "RENEWAL_PENDING";
  if (daysToRenewal > 60) return rng.weighted([["PLANNING", 70], ["RENEWAL_PENDING", 30]] as const);
  if (daysToRenewal > 30) return rng.weighted([["NEGOTIATION", 60], ["PLANNING", 40]] as const);
  return rng.weighted([["COMMITTED", 50], ["NEGOTIATION", 50]] as const);
}

type DealContext = Pick<
  Prisma.DealCreateManyInput,
  "winReason" | "competitor" | "painPoints" | "risks" | "technicalRequirements" | "integrations" | "implementationTimeline"
>;

export function dealContext(
  rng: Rng,
  type: DealType,
  stage: DealStage,
  segment: Segment,
  products: readonly DemoProduct[],
): DealContext {
  const technical = products.some((product) => product.technical);
  const won = stage === "CLOSED_WON";
  if (type === "RENEWAL") {
    return {
      winReason: won ? rng.pick(["Renewed on standard terms", "Renewed after value review", "Multi-year renewal signed"]) : "",
      competitor: rng.chance(0.1) ? rng.pick(COMPETITORS) : "",
      painPoints: [],
      risks: rng.chance(0.3) ? rng.sample(DEAL_RISKS, 1) : [],
      technicalRequirements: [],
      integrations: [],
      implementationTimeline: "",
    };
  }
  const techCount = segment === "ENTERPRISE" ? rng.int(2, 3) : segment === "MID_MARKET" ? rng.int(1, 2) : rng.int(0, 1);
  if (type === "EXPANSION") {
    return {
      winReason: won ? rng.pick(["Adoption ahead of plan", "New team onboarded", "Add-on closes a gap from the QBR"]) : "",
      competitor: "",
      painPoints: rng.sample(PAIN_POINTS, 1),
      risks: rng.chance(0.4) ? rng.sample(DEAL_RISKS, 1) : [],
      technicalRequirements: technical ? rng.sample(TECHNICAL_REQUIREMENTS, 1) : [],
      integrations: technical ? rng.sample(INTEGRATIONS, rng.int(0, 1)) : [],
      implementationTimeline: rng.chance(0.5) ? "Enable within two weeks of signature" : "",
    };
  }
  return {
    winReason: won ? rng.pick(WIN_REASONS) : "",
    competitor: stage === "CLOSED_LOST" ? rng.pick(COMPETITORS.filter(Boolean)) : rng.pick(COMPETITORS),
    painPoints: rng.sample(PAIN_POINTS, rng.int(2, 3)),
    risks: rng.sample(DEAL_RISKS, rng.int(1, 2)),
    technicalRequirements: rng.sample(TECHNICAL_REQUIREMENTS, technical ? Math.max(1, techCount) : techCount),
    integrations: rng.sample(INTEGRATIONS, rng.int(1, 3)),
    implementationTimeline: rng.pick(IMPLEMENTATION_TIMELINES),
  };
}
