import { FORECAST_FIELD_LABELS } from "@/lib/forecast/settings";
import type { SettingKey } from "@/lib/settings/schema";

// How the rule settings read on the admin page: a title per group and a label per field. A field without a
// label here (a setting added later) still shows, under its name.

export const GROUP_TITLES: Record<SettingKey, string> = {
  scoring: "CSM scoring weights",
  capacity: "CSM capacity by tier",
  timing: "Touchpoint timing rules",
  handoff: "Handoff guardrails",
  calendar: "Business calendar",
  expansionCredit: "AE expansion credit",
  targets: "Dashboard targets",
  revenue: "Revenue ledger",
  forecast: "Renewal forecast",
  integrations: "Integrations",
};

const TIERS: Record<string, string> = { ENTERPRISE: "Enterprise", MID_MARKET: "Mid-Market", SCALE: "Scale" };

export const FIELD_LABELS: Record<string, string> = {
  "revenue.lossReasons": "Reasons ARR is lost (churn, contraction, downsell), one per line; \"Other\" asks for a note",
  "scoring.base": "Base score",
  "scoring.capacityHighThreshold": "High-load threshold (share of max accounts)",
  "scoring.capacityHighPenalty": "High-load penalty",
  "scoring.capacityMediumThreshold": "Medium-load threshold (share of max accounts)",
  "scoring.capacityMediumPenalty": "Medium-load penalty",
  "scoring.segmentExpertise": "Segment expertise bonus",
  "scoring.industryExpertise": "Industry expertise bonus",
  "scoring.perOverlappingProduct": "Bonus per overlapping product",
  "scoring.sameTimezone": "Same time zone bonus",
  "scoring.languageMatch": "Language match bonus",
  "scoring.npsFactor": "NPS weight (points per NPS point)",
  "scoring.retentionFactor": "Retention weight (points per retention %)",
  ...Object.fromEntries(
    Object.entries(TIERS).flatMap(([tier, name]) => [
      [`capacity.${tier}.minAccounts`, `${name}: minimum accounts`],
      [`capacity.${tier}.maxAccounts`, `${name}: maximum accounts`],
      [`capacity.${tier}.maxArrCents`, `${name}: maximum ARR`],
    ]),
  ),
  "timing.kickoffDaysAfterClose": "Kickoff (days after close)",
  "timing.trainingDaysAfterKickoff": "Training (days after kickoff)",
  "timing.goLiveDaysAfterTraining": "Go-live (days after training)",
  "timing.checkInDaysAfterClose": "Check-in (days after close)",
  "timing.healthCheckDaysAfterClose": "Health check (days after close)",
  "timing.qbrDaysAfterClose": "First QBR (days after close)",
  "timing.renewalPlanningDaysBefore": "Renewal planning (days before renewal)",
  "timing.renewalCallDaysBefore": "Renewal call (days before renewal)",
  "timing.renewalCloseDaysBefore": "Renewal close (days before renewal)",
  "timing.handoffCallMinutes": "Handoff call (minutes)",
  "handoff.slaBusinessHours": "Handoff deadline (business hours)",
  "handoff.neverSkipAboveCents": "Never skip a handoff for deals above",
  "handoff.strategicNeedsMeeting": "Strategic accounts need the handoff meeting before submit",
  "handoff.renewalOpportunityAlertHours": "Alert when a closed-won deal has no renewal after (hours)",
  "handoff.renewalHandoffDaysBefore": "Renewal handoff (days before renewal)",
  "handoff.renewalAlertDays": "Renewal alerts (days before renewal)",
  "calendar.timezone": "Company time zone",
  "calendar.workingDays": "Working days (1 = Monday … 7 = Sunday)",
  "calendar.workdayStart": "Workday starts (HH:MM, each person's own time zone)",
  "calendar.workdayEnd": "Workday ends (HH:MM)",
  "calendar.holidays": "Holidays (YYYY-MM-DD)",
  "expansionCredit.ratePercent": "AE expansion credit rate (%)",
  "expansionCredit.windowMonths": "Credit window (months after initial signing)",
  "targets.grossRetentionPct": "Gross revenue retention target (%)",
  "targets.netRetentionPct": "Net revenue retention target (%)",
  "targets.renewalVisibilityPct": "Renewal visibility target (%)",
  "targets.timeToFirstValueDays": "Time to first value target (days)",
  "targets.handoffSatisfaction": "Handoff satisfaction target (out of 5)",
  "integrations.slackWebhookUrl": "Slack incoming-webhook URL",
  ...FORECAST_FIELD_LABELS,
};

export function fieldLabel(path: string): string {
  const known = FIELD_LABELS[path];
  if (known) return known;
  const name = path.split(".").pop() ?? path;
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
