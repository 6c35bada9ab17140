import { formatPercent } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import type { AssignmentRules, ScoreTerm, ScoreTermKey, Segment } from "@/lib/assignment/types";

// The seed's score (spec 000, Step 3), term by term, with every weight taken from the rules.
//
// Precision: every term is rounded to hundredths and kept as an integer number of hundredths; the score is
// the integer sum, shown as sum / 100. So NPS 45 × 0.2 is exactly 9 (not 9.000000000000002), the total is
// exactly the sum of the displayed terms, and equal scores compare equal when ranking. Only the fractional
// terms (NPS × factor, retention × factor, or a weight configured with more than two decimals) can move by
// the rounding, and by at most half a hundredth each.

const LABELS: Record<ScoreTermKey, string> = {
  base: "Base",
  capacity: "Capacity",
  segment: "Segment expertise",
  industry: "Industry expertise",
  products: "Product expertise",
  timezone: "Timezone",
  language: "Language",
  nps: "NPS",
  retention: "Retention",
};

/** A value rounded to a whole number of hundredths (never −0). */
export function toHundredths(value: number): number {
  return Math.round(value * 100) || 0;
}

/** A shared, frozen breakdown term; `hundredths` is its exact value. */
export function term(key: ScoreTermKey, hundredths: number, detail: string): ScoreTerm {
  return Object.freeze({ key, label: LABELS[key], points: hundredths / 100, detail });
}

function thresholdText(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}

function plain(value: number): string {
  return String(Number(value.toFixed(4)));
}

export function baseTerm(rules: AssignmentRules): ScoreTerm {
  return term("base", toHundredths(rules.scoring.base), "starting score");
}

/** Capacity used = current accounts / max accounts, before this account is added (as in the seed). */
export function capacityTerm(rules: AssignmentRules, accounts: number, maxAccounts: number): ScoreTerm {
  const s = rules.scoring;
  const used = maxAccounts > 0 ? accounts / maxAccounts : Number.POSITIVE_INFINITY;
  const shown = `${accounts}/${maxAccounts} accounts (${Number.isFinite(used) ? formatPercent(used) : "no capacity"} used`;
  if (used > s.capacityHighThreshold) {
    return term("capacity", 0 - toHundredths(s.capacityHighPenalty), `${shown}, over ${thresholdText(s.capacityHighThreshold)})`);
  }
  if (used > s.capacityMediumThreshold) {
    return term("capacity", 0 - toHundredths(s.capacityMediumPenalty), `${shown}, over ${thresholdText(s.capacityMediumThreshold)})`);
  }
  return term("capacity", 0, `${shown}, no penalty up to ${thresholdText(s.capacityMediumThreshold)})`);
}

export function npsTerm(rules: AssignmentRules, npsScore: number): ScoreTerm {
  const factor = rules.scoring.npsFactor;
  return term("nps", toHundredths(npsScore * factor), `NPS ${plain(npsScore)} × ${plain(factor)}`);
}

export function retentionTerm(rules: AssignmentRules, retentionRate: number): ScoreTerm {
  const factor = rules.scoring.retentionFactor;
  return term("retention", toHundredths(retentionRate * factor), `${plain(retentionRate)}% retention × ${plain(factor)}`);
}

/** The terms that depend on the account, built once per suggestion and shared by every CSM. */
export type AccountTerms = {
  segment: [miss: ScoreTerm, hit: ScoreTerm];
  industry: [miss: ScoreTerm, hit: ScoreTerm];
  language: [miss: ScoreTerm, hit: ScoreTerm];
  timezoneHit: ScoreTerm;
};

export function accountTerms(rules: AssignmentRules, account: { segment: Segment; industry: string; primaryLanguage: string; timezone: string }): AccountTerms {
  const s = rules.scoring;
  const segment = SEGMENT_LABELS[account.segment];
  return {
    segment: [term("segment", 0, `does not cover ${segment}`), term("segment", toHundredths(s.segmentExpertise), `covers ${segment}`)],
    industry: [
      term("industry", 0, `no ${account.industry} experience`),
      term("industry", toHundredths(s.industryExpertise), `${account.industry} experience`),
    ],
    language: [
      term("language", 0, `does not speak ${account.primaryLanguage}`),
      term("language", toHundredths(s.languageMatch), `speaks ${account.primaryLanguage}`),
    ],
    timezoneHit: term("timezone", toHundredths(s.sameTimezone), `same timezone (${account.timezone})`),
  };
}

export function timezoneMissTerm(csmTimezone: string, accountTimezone: string): ScoreTerm {
  return term("timezone", 0, `${csmTimezone}, account in ${accountTimezone}`);
}

/** Points for the deal's products the CSM works with; `names` are those products. */
export function productsTerm(rules: AssignmentRules, names: readonly string[], dealProductCount: number): ScoreTerm {
  const points = toHundredths(names.length * rules.scoring.perOverlappingProduct);
  if (dealProductCount === 0) return term("products", 0, "deal has no products");
  if (names.length === 0) return term("products", 0, `none of the deal's ${dealProductCount} products`);
  return term("products", points, `${names.length} of ${dealProductCount} deal products: ${names.join(", ")}`);
}

/** Exact integer value of a term built by `term`. */
export function hundredthsOf(t: ScoreTerm): number {
  return Math.round(t.points * 100);
}
