import { z } from "zod";

// The forecast's rule settings (rule settings → Renewal forecast): when the checkpoints fall, how far the CSM's call
// and Baton's may differ before the CS manager decides, the reminder and escalation delays, and the weights of
// Baton's likelihood (lib/forecast/likelihood.ts). Admins tune the weights against the Brier score on /forecast.

const points = z.number().min(-100).max(100);
const days = z.number().int().min(0).max(3650);
const percent = z.number().min(0).max(100);

export const forecastSettingsSchema = z.object({
  // Days before the decision date (renewal date − notice days) each checkpoint opens.
  checkpointDays: z.array(z.number().int().min(1).max(730)).min(1),
  // Categories apart (Commit · Best case · Pipeline · At risk) before the call goes to the CS manager.
  disagreementGap: z.number().int().min(0).max(3),
  reminderDaysAfterOpen: days,
  escalationDaysAfterOpen: days,
  likelihood: z.object({
    base: percent,
    riskHigh: points,
    riskMedium: points,
    riskLow: points,
    perHighRiskFactor: points,
    healthPivot: percent,
    healthPerPoint: z.number().min(0).max(5),
    lowUsagePct: percent,
    lowUsage: points,
    highUsagePct: percent,
    highUsage: points,
    stageCommitted: points,
    stageNegotiation: points,
    lateStartDays: days,
    lateStart: points,
    perOverdueTouchpoint: points,
    maxOverdueTouchpoints: z.number().int().min(0).max(20),
    missedHandoffSla: points,
    commitFrom: percent,
    bestCaseFrom: percent,
    pipelineFrom: percent,
  }),
});

export type ForecastSettings = z.infer<typeof forecastSettingsSchema>;
export type LikelihoodWeights = ForecastSettings["likelihood"];

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
  checkpointDays: [180, 90],
  disagreementGap: 1,
  reminderDaysAfterOpen: 7,
  escalationDaysAfterOpen: 14,
  likelihood: {
    base: 70,
    riskHigh: -25,
    riskMedium: -10,
    riskLow: 5,
    perHighRiskFactor: -3,
    healthPivot: 70,
    healthPerPoint: 0.5,
    lowUsagePct: 50,
    lowUsage: -15,
    highUsagePct: 80,
    highUsage: 5,
    stageCommitted: 15,
    stageNegotiation: 5,
    lateStartDays: 30,
    lateStart: -10,
    perOverdueTouchpoint: -5,
    maxOverdueTouchpoints: 3,
    missedHandoffSla: -10,
    commitFrom: 80,
    bestCaseFrom: 60,
    pipelineFrom: 40,
  },
};

export const FORECAST_FIELD_LABELS: Record<string, string> = {
  "forecast.checkpointDays": "Checkpoints (days before the decision date)",
  "forecast.disagreementGap": "Categories apart before the CS manager decides",
  "forecast.reminderDaysAfterOpen": "Remind the CSM (days after a checkpoint opens)",
  "forecast.escalationDaysAfterOpen": "Escalate to the CS manager (days after a checkpoint opens)",
  "forecast.likelihood.base": "Likelihood: starting score",
  "forecast.likelihood.riskHigh": "Likelihood: high risk",
  "forecast.likelihood.riskMedium": "Likelihood: medium risk",
  "forecast.likelihood.riskLow": "Likelihood: low risk",
  "forecast.likelihood.perHighRiskFactor": "Likelihood: per high risk factor",
  "forecast.likelihood.healthPivot": "Likelihood: health score that counts as neutral",
  "forecast.likelihood.healthPerPoint": "Likelihood: points per health point above or below",
  "forecast.likelihood.lowUsagePct": "Likelihood: low usage below (%)",
  "forecast.likelihood.lowUsage": "Likelihood: low usage",
  "forecast.likelihood.highUsagePct": "Likelihood: high usage from (%)",
  "forecast.likelihood.highUsage": "Likelihood: high usage",
  "forecast.likelihood.stageCommitted": "Likelihood: stage Committed",
  "forecast.likelihood.stageNegotiation": "Likelihood: stage Negotiation",
  "forecast.likelihood.lateStartDays": "Likelihood: not started this many days before the decision",
  "forecast.likelihood.lateStart": "Likelihood: renewal not started late",
  "forecast.likelihood.perOverdueTouchpoint": "Likelihood: per overdue touchpoint",
  "forecast.likelihood.maxOverdueTouchpoints": "Likelihood: overdue touchpoints counted at most",
  "forecast.likelihood.missedHandoffSla": "Likelihood: a missed handoff deadline",
  "forecast.likelihood.commitFrom": "Baton's call is Commit from (score)",
  "forecast.likelihood.bestCaseFrom": "Baton's call is Best case from (score)",
  "forecast.likelihood.pipelineFrom": "Baton's call is Pipeline from (score; below: At risk)",
};
