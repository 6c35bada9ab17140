import type { Settings } from "@/lib/settings/schema";

// The definition of every measure, shown next to it on the dashboard (SPEC.md "Measures"). Numbers that are
// rules (SLA hours, credit rate and window) come from the settings in force.

export type MeasureId =
  | "grossRetention"
  | "netRetention"
  | "logoRetention"
  | "retentionTrend"
  | "arrBridge"
  | "renewalVisibility"
  | "timeToFirstValue"
  | "handoffSla"
  | "handoffSatisfaction"
  | "csmLoad"
  | "expansionPipeline"
  | "expansionCredit"
  | "forecastAccuracy"
  | "cuts";

export function measureDefinitions(settings: Pick<Settings, "handoff" | "expansionCredit">): Record<MeasureId, string> {
  const { ratePercent, windowMonths } = settings.expansionCredit;
  return {
    grossRetention:
      "Cohort = accounts with ARR above zero before the period's first day; customers new during the period are not in it. " +
      "Each is compared at the period's last day, netted per account. GRR = Σ min(end, start) ÷ Σ start = (start − churn − contraction) ÷ start.",
    netRetention: "Over the same cohort, NRR = Σ end ÷ Σ start = (start − churn − contraction + expansion) ÷ start.",
    logoRetention: "Cohort accounts still with ARR above zero at the period's end ÷ cohort accounts.",
    retentionTrend:
      "Each point is the trailing 12-month GRR / NRR / logo retention of the window ending with that month (its own cohort).",
    arrBridge:
      "Every account's ARR (not only the cohort) at the period's start, plus the new, expansion, contraction and churn " +
      "movements dated in the period, equals its ARR at the period's end, to the cent. ARR lost is shown by the reason " +
      "recorded with it (a renewal closed lost or downsold, or billing's reason) and whether it was addressable.",
    renewalVisibility:
      "Renewals due in the next 90 days (closed-won contracts ending from today to 90 days out) that have a renewal " +
      "opportunity on an account with an assigned CSM ÷ all renewals due in the next 90 days. A renewal without a CSM or " +
      "without an opportunity is not visible. As of today: the period does not apply.",
    timeToFirstValue:
      "Days from the account's initial close (initial signing, else its first closed-won new deal) to its first-value " +
      "milestone, for accounts whose initial close falls in the period. Median over those that reached it; the rest are waiting.",
    handoffSla: `Handoffs started in the period and completed: share completed within ${settings.handoff.slaBusinessHours} business hours of closed-won. Open and skipped handoffs are not in the share.`,
    handoffSatisfaction: "Mean of the CSMs' 1–5 ratings of handoffs started in the period, with how many were rated.",
    csmLoad:
      "Each CSM's current book (accounts assigned and their ARR) against their profile's maximum accounts and ARR; load = the higher " +
      "of the two shares. The cut picks the accounts counted; as of today.",
    expansionPipeline:
      "Open expansion deals (any stage before closed) and their ARR, by stage; identified potential = the expansion potential CSMs " +
      "recorded on paying accounts. As of today.",
    expansionCredit:
      `Per AE: expansion ARR (expansion movements dated in the period) on accounts they closed and still own, within ${windowMonths} ` +
      `months of the initial signing (signing day included, the day ${windowMonths} months later not). Credit = ${ratePercent}% of ` +
      "the AE's total, rounded half up to the cent. An account handed to another AE earns no credit for either.",
    forecastAccuracy:
      "Renewals closed in the last 12 months (whatever the period): the forecast amount in the weekly snapshot 90 and 30 days " +
      "before the renewal date against the closed amount (0 when lost); accuracy = 1 − Σ |forecast − closed| ÷ Σ ARR up for renewal. " +
      "Late surprises: lost or downsold while Commit 30 days out. Baton's likelihood 90 days out is scored with the Brier score " +
      "(0 is perfect, 0.25 is a coin toss). The same figures as the forecast page, in the dashboard's cut.",
    cuts:
      "Cuts select accounts by their current segment, CSM and AE; an account without a CSM (after churn, say) counts for the CSM it was last assigned to.",
  };
}
