import { formatPercent } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import type { AssignmentRules, ScoreTerm, ScoreTermKey, Segment } from "@/lib/assignment/types";

// The seed's score (spec 000, Step 3), term by term, with every weight taken from the rules.
//
// Precision: SPEC.md asks for the score computed exactly and rounded only for display. Every term is kept as
// a whole number of "units", 10⁻⁸ of a point: NPS and retention are stored with two decimals and the factors
// are read to six, so NPS 45 × 0.2 is exactly 9 (not 9.000000000000002) and 33.35% × 0.3 is exactly 10.005.
// Sums and comparisons are integer arithmetic; only the display rounds.

export const UNITS_PER_POINT = 100_000_000;

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

/** A weight from the rules (honoured to 8 decimals) as units. */
export function weightUnits(value: number): number {
  return Math.round(value * UNITS_PER_POINT) || 0;
}

/** value × factor exactly, for a value with two decimals (NPS, retention %) and a factor with up to six. */
export function productUnits(value: number, factor: number): number {
  return Math.round(value * 100) * Math.round(factor * 1_000_000) || 0;
}

/** The label shown for a term. */
export function termLabel(key: ScoreTermKey): string {
  return LABELS[key];
}

/** A shared, frozen breakdown term; `units` is its exact value. */
export function term(key: ScoreTermKey, units: number, detail: string): ScoreTerm {
  return Object.freeze({ key, label: LABELS[key], units, points: units / UNITS_PER_POINT, detail });
}

function thresholdText(ratio: number): string {
  return `${Number((ratio * 100).toFixed(4))}%`;
}

function plain(value: number): string {
  return String(Number(value.toFixed(6)));
}

export function baseTerm(rules: AssignmentRules): ScoreTerm {
  return term("base", weightUnits(rules.scoring.base), "starting score");
}

/** accounts / max > threshold, decided on integers (threshold read to six decimals). */
export function loadAbove(accounts: number, maxAccounts: number, threshold: number): boolean {
  if (maxAccounts <= 0) return true;
  return accounts * 1_000_000 > Math.round(threshold * 1_000_000) * maxAccounts;
}

/** Capacity used = current accounts / max accounts of the CSM's own profile, before this account is added. */
export function capacityTerm(rules: AssignmentRules, accounts: number, maxAccounts: number): ScoreTerm {
  const s = rules.scoring;
  const used = maxAccounts > 0 ? accounts / maxAccounts : Number.POSITIVE_INFINITY;
  const shown = `${accounts}/${maxAccounts} accounts (${Number.isFinite(used) ? formatPercent(used) : "no capacity"} used`;
  if (loadAbove(accounts, maxAccounts, s.capacityHighThreshold)) {
    return term("capacity", -weightUnits(s.capacityHighPenalty), `${shown}, over ${thresholdText(s.capacityHighThreshold)})`);
  }
  if (loadAbove(accounts, maxAccounts, s.capacityMediumThreshold)) {
    return term("capacity", -weightUnits(s.capacityMediumPenalty), `${shown}, over ${thresholdText(s.capacityMediumThreshold)})`);
  }
  return term("capacity", 0, `${shown}, no penalty up to ${thresholdText(s.capacityMediumThreshold)})`);
}

export function npsTerm(rules: AssignmentRules, npsScore: number): ScoreTerm {
  const factor = rules.scoring.npsFactor;
  return term("nps", productUnits(npsScore, factor), `NPS ${plain(npsScore)} × ${plain(factor)}`);
}

export function retentionTerm(rules: AssignmentRules, retentionRate: number): ScoreTerm {
  const factor = rules.scoring.retentionFactor;
  return term("retention", productUnits(retentionRate, factor), `${plain(retentionRate)}% retention × ${plain(factor)}`);
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
    segment: [term("segment", 0, `does not cover ${segment}`), term("segment", weightUnits(s.segmentExpertise), `covers ${segment}`)],
    industry: [
      term("industry", 0, `no ${account.industry} experience`),
      term("industry", weightUnits(s.industryExpertise), `${account.industry} experience`),
    ],
    language: [
      term("language", 0, `does not speak ${account.primaryLanguage}`),
      term("language", weightUnits(s.languageMatch), `speaks ${account.primaryLanguage}`),
    ],
    timezoneHit: term("timezone", weightUnits(s.sameTimezone), `same timezone (${account.timezone})`),
  };
}

export function timezoneMissTerm(csmTimezone: string, accountTimezone: string): ScoreTerm {
  return term("timezone", 0, `${csmTimezone}, account in ${accountTimezone}`);
}

/** Points for the deal's products the CSM works with; `names` are those products. */
export function productsTerm(rules: AssignmentRules, names: readonly string[], dealProductCount: number): ScoreTerm {
  if (dealProductCount === 0) return term("products", 0, "deal has no products");
  if (names.length === 0) return term("products", 0, `none of the deal's ${dealProductCount} products`);
  return term("products", names.length * weightUnits(rules.scoring.perOverlappingProduct), `${names.length} of ${dealProductCount} deal products: ${names.join(", ")}`);
}

/** An exact decimal text of units, with at least two decimals: 21_346_500_000 → "213.465", −4e9 → "-40.00". */
export function unitsText(units: number): string {
  const abs = Math.abs(Math.trunc(units));
  const sign = units < 0 && abs > 0 ? "-" : "";
  const whole = Math.floor(abs / UNITS_PER_POINT);
  const fraction = String(abs % UNITS_PER_POINT).padStart(8, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${sign}${whole}.${fraction}`;
}

/** A breakdown term's exact points with their sign, as few decimals as needed: "+25", "−40", "+10.005", "0". */
export function signedUnitsText(units: number): string {
  if (units === 0) return "0";
  const text = unitsText(Math.abs(units)).replace(/\.?0+$/, "");
  return units > 0 ? `+${text}` : `\u2212${text}`;
}

/** The score as shown where space is short (lists, queues): rounded half away from zero to hundredths. */
export function roundedScoreText(units: number): string {
  const hundredths = Math.sign(units) * Math.round(Math.abs(units) / 1_000_000);
  const abs = Math.abs(hundredths);
  return `${hundredths < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A stored score (the Decimal column's text, e.g. "211.60000000") as the breakdown writes it: "211.60". */
export function storedScoreText(decimal: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return decimal;
  const fraction = (match[3] ?? "").replace(/0+$/, "").padEnd(2, "0");
  return `${match[1]}${match[2]}.${fraction}`;
}
