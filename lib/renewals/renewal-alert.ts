import { daysBetween } from "@/lib/dates";
import { formatCents, formatCentsWhole, formatDate } from "@/lib/format";

// The seed's "Renewal Alert" (000 Response Format), sent at 90/60/30 days before a renewal. The layout is
// the seed's, line for line; only the bracketed values are filled in.

export type AlertRiskLevel = "LOW" | "MEDIUM" | "HIGH";

export interface RenewalAlertInput {
  accountName: string;
  arrCents: bigint;
  renewalDate: Date;
  today: Date;
  csmName: string | null;
  healthScore: number | null;
  /** Percent of entitlement, 0–100. */
  usagePct: number | null;
  riskLevel: AlertRiskLevel | null;
  /** Overrides the next step picked by renewalAction. */
  actionRequired?: string;
}

const RISK_LABELS: Record<AlertRiskLevel, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

/**
 * The one specific next step for the renewal, most urgent reason first:
 * 1. no CSM: nobody will act on anything else, so owning the renewal comes first;
 * 2. the renewal date has passed: the outcome must be settled, whatever the risk;
 * 3. high risk: escalate now rather than follow the normal cadence;
 * 4. otherwise the step of the timing rules the renewal is in (planning at 90, call at 60, close at 30 days).
 */
export function renewalAction(daysAway: number, riskLevel: AlertRiskLevel | null, hasCsm: boolean): string {
  if (!hasCsm) return "Assign a CSM today: this renewal has no owner";
  if (daysAway < 0) {
    return "The renewal date has passed: confirm the customer's decision today and record the renewal as won or lost";
  }
  if (riskLevel === "HIGH") {
    return `Escalate to the CS manager and agree a save plan with the executive sponsor this week: high-risk renewal in ${days(daysAway)}`;
  }
  if (daysAway <= 30) {
    return "Send the renewal order form and get it signed before the renewal date; involve the AE on any open terms";
  }
  if (daysAway <= 60) {
    return "Hold the renewal call: review the value delivered against the success criteria and present the renewal terms";
  }
  if (daysAway <= 90) {
    return "Hold the renewal planning meeting: confirm the stakeholders, usage trend and pricing strategy for the renewal";
  }
  return "No action yet: renewal planning starts 90 days before the renewal date";
}

function days(n: number): string {
  return `${n} ${n === 1 ? "day" : "days"}`;
}

function whenText(daysAway: number): string {
  return daysAway < 0 ? `${days(-daysAway)} overdue` : `${days(daysAway)} away`;
}

// ARR is shown in whole dollars, as the seed's "$[Amount]"; an amount with cents is shown exactly instead of
// being rounded.
function money(cents: bigint): string {
  return cents % 100n === 0n ? formatCentsWhole(cents) : formatCents(cents);
}

function percent(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function renewalAlertMarkdown(input: RenewalAlertInput): string {
  const daysAway = daysBetween(input.today, input.renewalDate);
  // A blank name is no owner either.
  const csmName = input.csmName?.trim() || null;
  const action = input.actionRequired ?? renewalAction(daysAway, input.riskLevel, csmName !== null);
  return [
    `## 🔄 Renewal Due: ${input.accountName}`,
    "",
    `**ARR**: ${money(input.arrCents)}`,
    `**Renewal Date**: ${formatDate(input.renewalDate)} (${whenText(daysAway)})`,
    `**CSM**: ${csmName ?? "Unassigned"}`,
    "",
    `**Health Score**: ${input.healthScore === null ? "Not scored" : `${Math.round(input.healthScore)}/100`}`,
    `**Usage**: ${input.usagePct === null ? "Not measured" : `${percent(input.usagePct)}% of entitlement`}`,
    `**Risk Level**: ${input.riskLevel === null ? "Not assessed" : RISK_LABELS[input.riskLevel]}`,
    "",
    `**Action Required**: ${action}`,
  ].join("\n");
}
