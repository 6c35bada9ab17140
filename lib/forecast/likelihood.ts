import type { ForecastCategory } from "@/lib/generated/prisma/enums";
import type { LikelihoodWeights } from "@/lib/forecast/settings";

// Baton's own call on a renewal (issue 12 §1): a likelihood 0–100 that it renews, from the signals Baton holds, with
// the reasons that moved it. Every weight is a rule setting (rule settings → Renewal forecast); the defaults are in
// lib/forecast/settings.ts. The score starts at `base` and each signal adds or takes points:
//   risk level         high / medium / low assessment: riskHigh / riskMedium / riskLow
//   risk factors       perHighRiskFactor for each factor assessed High
//   health             (health − healthPivot) × healthPerPoint (health 50, pivot 70, 0.5 → −10)
//   usage              below lowUsagePct: lowUsage; from highUsagePct: highUsage
//   stage              Committed: stageCommitted; Negotiation: stageNegotiation
//   late start         still Renewal pending or Planning within lateStartDays of the decision date: lateStart
//   touchpoints        perOverdueTouchpoint per overdue planned touchpoint, at most maxOverdueTouchpoints counted
//   handoff deadline   a handoff of the account missed its deadline: missedHandoffSla
// The sum is clamped to 0–100 and mapped to a category: commitFrom → Commit, bestCaseFrom → Best case,
// pipelineFrom → Pipeline, below → At risk.

export type LikelihoodStage = "RENEWAL_PENDING" | "PLANNING" | "NEGOTIATION" | "COMMITTED";

export interface LikelihoodSignals {
  riskLevel: "LOW" | "MEDIUM" | "HIGH" | null;
  highRiskFactors: number;
  healthScore: number | null;
  usagePct: number | null;
  stage: LikelihoodStage;
  /** Days from today to the decision date (negative once it has passed). */
  daysToDecision: number;
  overdueTouchpoints: number;
  missedHandoffSla: boolean;
}

export interface LikelihoodReason {
  signal: string;
  /** Points it added (positive) or took (negative), rounded to one decimal. */
  points: number;
  text: string;
}

export interface Likelihood {
  score: number;
  category: Exclude<ForecastCategory, "OMITTED">;
  /** The signals that moved the score, the largest move first. */
  reasons: LikelihoodReason[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function likelihood(signals: LikelihoodSignals, weights: LikelihoodWeights): Likelihood {
  const reasons: LikelihoodReason[] = [];
  const add = (signal: string, points: number, text: string) => {
    if (points !== 0) reasons.push({ signal, points: round1(points), text });
  };
  if (signals.riskLevel === "HIGH") add("risk", weights.riskHigh, "Risk assessed High");
  if (signals.riskLevel === "MEDIUM") add("risk", weights.riskMedium, "Risk assessed Medium");
  if (signals.riskLevel === "LOW") add("risk", weights.riskLow, "Risk assessed Low");
  if (signals.highRiskFactors > 0) {
    add("riskFactors", weights.perHighRiskFactor * signals.highRiskFactors, `${signals.highRiskFactors} risk ${signals.highRiskFactors === 1 ? "factor" : "factors"} High`);
  }
  if (signals.healthScore !== null) {
    const delta = signals.healthScore - weights.healthPivot;
    add("health", delta * weights.healthPerPoint, `Health ${signals.healthScore} (${delta >= 0 ? "+" : ""}${delta} from ${weights.healthPivot})`);
  }
  if (signals.usagePct !== null) {
    if (signals.usagePct < weights.lowUsagePct) add("usage", weights.lowUsage, `Usage ${round1(signals.usagePct)}%, below ${weights.lowUsagePct}%`);
    else if (signals.usagePct >= weights.highUsagePct) add("usage", weights.highUsage, `Usage ${round1(signals.usagePct)}%, at least ${weights.highUsagePct}%`);
  }
  if (signals.stage === "COMMITTED") add("stage", weights.stageCommitted, "Stage Committed");
  if (signals.stage === "NEGOTIATION") add("stage", weights.stageNegotiation, "Stage Negotiation");
  if ((signals.stage === "RENEWAL_PENDING" || signals.stage === "PLANNING") && signals.daysToDecision <= weights.lateStartDays) {
    add("lateStart", weights.lateStart, signals.daysToDecision < 0 ? `Decision date passed ${-signals.daysToDecision} days ago, not negotiating` : `${signals.daysToDecision} days to the decision date, not negotiating`);
  }
  const overdue = Math.min(signals.overdueTouchpoints, weights.maxOverdueTouchpoints);
  if (overdue > 0) add("touchpoints", weights.perOverdueTouchpoint * overdue, `${signals.overdueTouchpoints} overdue ${signals.overdueTouchpoints === 1 ? "touchpoint" : "touchpoints"}`);
  if (signals.missedHandoffSla) add("handoff", weights.missedHandoffSla, "A handoff missed its deadline");

  const raw = weights.base + reasons.reduce((sum, reason) => sum + reason.points, 0);
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.signal.localeCompare(b.signal));
  return { score, category: categoryForScore(score, weights), reasons };
}

export function categoryForScore(score: number, weights: Pick<LikelihoodWeights, "commitFrom" | "bestCaseFrom" | "pipelineFrom">): Likelihood["category"] {
  if (score >= weights.commitFrom) return "COMMIT";
  if (score >= weights.bestCaseFrom) return "BEST_CASE";
  if (score >= weights.pipelineFrom) return "PIPELINE";
  return "AT_RISK";
}
