import type { ForecastCategory, ForecastOutcome } from "@/lib/generated/prisma/enums";

// The forecast's vocabulary. Categories say how sure the call is; the outcome says what the amount will be.

export const FORECAST_CATEGORIES: readonly ForecastCategory[] = ["COMMIT", "BEST_CASE", "PIPELINE", "AT_RISK", "OMITTED"];
export const FORECAST_OUTCOMES: readonly ForecastOutcome[] = ["FLAT", "UPLIFT", "DOWNSELL", "CHURN"];

export const CATEGORY_LABELS: Record<ForecastCategory, string> = {
  COMMIT: "Commit",
  BEST_CASE: "Best case",
  PIPELINE: "Pipeline",
  AT_RISK: "At risk",
  OMITTED: "Omitted",
};

export const OUTCOME_LABELS: Record<ForecastOutcome, string> = {
  FLAT: "Flat",
  UPLIFT: "Uplift",
  DOWNSELL: "Downsell",
  CHURN: "Churn",
};

/**
 * How sure each category is, for comparing two calls: Commit 4 … At risk 1. Omitted (kept out of the forecast) has no
 * rank: it never disagrees with Baton and never counts as an upgrade or a downgrade.
 */
export function categoryRank(category: ForecastCategory): number | null {
  switch (category) {
    case "COMMIT":
      return 4;
    case "BEST_CASE":
      return 3;
    case "PIPELINE":
      return 2;
    case "AT_RISK":
      return 1;
    case "OMITTED":
      return null;
  }
}

export interface ForecastCall {
  category: ForecastCategory;
  amountCents: bigint;
  outcome: ForecastOutcome;
}

export interface StoredForecast extends ForecastCall {
  overrideCategory: ForecastCategory | null;
  overrideAmountCents: bigint | null;
  overrideOutcome: ForecastOutcome | null;
}

/** The forecast in force: the CS manager's override when there is one, else the CSM's call. */
export function effectiveForecast(stored: StoredForecast): ForecastCall & { overridden: boolean } {
  if (stored.overrideCategory === null) return { category: stored.category, amountCents: stored.amountCents, outcome: stored.outcome, overridden: false };
  return {
    category: stored.overrideCategory,
    amountCents: stored.overrideAmountCents ?? stored.amountCents,
    outcome: stored.overrideOutcome ?? stored.outcome,
    overridden: true,
  };
}
