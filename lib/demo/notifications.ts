import { atLocalTime } from "@/lib/zoned-time";
import { addDays, daysBetween } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import type { DemoPlan } from "@/lib/demo/generate";
import type { RecentOutcome } from "@/lib/demo/recent-apply";

// A few alerts in the demo users' bells, matching the handoffs and touchpoints they can open.

const TYPE_LABEL: Record<string, string> = {
  KICKOFF: "Kick-off", TRAINING: "Training", GO_LIVE: "Go-live", CHECK_IN: "Check-in", HEALTH_CHECK: "Health check",
  QBR: "QBR", RENEWAL_PLANNING: "Renewal planning", RENEWAL_CALL: "Renewal call", RENEWAL_CLOSE: "Renewal close",
};

export function notificationRows(plan: DemoPlan, outcomes: readonly RecentOutcome[]): Prisma.NotificationCreateManyInput[] {
  const id = (email: string) => plan.users.find((user) => user.email === email)?.id ?? "";
  const csm = id("csm@baton.test");
  const ae = id("ae@baton.test");
  const manager = id("manager@baton.test");
  const tz = DEFAULT_SETTINGS.calendar.timezone;
  const accountName = (accountId: string) => plan.accounts.find((account) => account.id === accountId)?.name ?? "an account";
  const rows: Prisma.NotificationCreateManyInput[] = [];
  const byState = (state: RecentOutcome["plan"]["state"]) => outcomes.filter((outcome) => outcome.plan.state === state);

  for (const outcome of outcomes) {
    const name = outcome.plan.account.name;
    const link = `/handoffs/${outcome.handoffId}`;
    const assignedToDemoCsm = outcome.plan.csm?.id === csm && outcome.plan.deal.row.type === "NEW";
    if (assignedToDemoCsm && outcome.decidedAt) {
      rows.push({ userId: csm, kind: "csm_assigned", title: `New account assigned: ${name}`, body: "Rachel Kim approved you as CSM. The handoff is on its way.", link: `/accounts/${outcome.plan.account.id}`, readAt: outcome.decidedAt, createdAt: outcome.decidedAt });
      rows.push({ userId: ae, kind: "csm_assigned", title: `${outcome.plan.csm?.name} will look after ${name}`, body: "Introduce them to the customer with the client introduction e-mail.", link, readAt: outcome.decidedAt, createdAt: outcome.decidedAt });
    }
    if (outcome.plan.state === "completed" && outcome.completedAt && outcome.plan.csm?.id === csm) {
      rows.push({ userId: csm, kind: "handoff_ready", title: `Handoff ready to acknowledge: ${name}`, body: "Review the handoff and rate it 1–5.", link, createdAt: outcome.completedAt });
    }
    if (outcome.plan.state === "acknowledged" && outcome.plan.deal.row.ownerId === ae && outcome.completedAt) {
      rows.push({ userId: ae, kind: "handoff_acknowledged", title: `${name}: handoff acknowledged, rated ${outcome.plan.rating}/5`, link, createdAt: outcome.completedAt });
    }
    if (outcome.plan.deal.row.type === "EXPANSION" && outcome.plan.csm?.id === csm) {
      rows.push({ userId: csm, kind: "expansion_closed", title: `Expansion closed-won: ${name}`, body: "Sales–CS coordination handoff started.", link, createdAt: outcome.plan.at });
    }
  }
  for (const outcome of byState("overdue")) {
    const title = `Handoff overdue: ${outcome.plan.account.name}`;
    const body = "The 72-hour window has passed and the checklist is not complete.";
    rows.push({ userId: ae, kind: "handoff_overdue", title, body, link: `/handoffs/${outcome.handoffId}`, createdAt: outcome.dueAt });
    rows.push({ userId: manager, kind: "handoff_overdue", title, body, link: `/handoffs/${outcome.handoffId}`, createdAt: outcome.dueAt });
  }
  for (const outcome of byState("in_progress_partial").filter((entry) => entry.plan.deal.row.ownerId === ae)) {
    rows.push({ userId: ae, kind: "handoff_due_soon", title: `Handoff due soon: ${outcome.plan.account.name}`, body: "Finish the checklist and the four policy steps.", link: `/handoffs/${outcome.handoffId}`, createdAt: outcome.plan.at });
  }
  for (const outcome of outcomes.filter((entry) => entry.suggestedCsmName !== undefined)) {
    const body = outcome.suggestedCsmName ? `Suggested: ${outcome.suggestedCsmName}.` : "No CSM is eligible — see why and what would fix it.";
    rows.push({ userId: manager, kind: "assignment_pending", title: `CSM suggestion to review: ${outcome.plan.account.name}`, body, link: `/assignments`, createdAt: outcome.plan.at });
  }

  const overdueTouchpoint = plan.touchpoints.find((row) => row.ownerId === csm && row.status === "PLANNED" && daysBetween(row.dueDate as Date, plan.today) > 0);
  if (overdueTouchpoint) {
    rows.push({ userId: csm, kind: "touchpoint_overdue", title: `Overdue: ${TYPE_LABEL[overdueTouchpoint.type] ?? overdueTouchpoint.type} with ${accountName(overdueTouchpoint.accountId)}`, link: `/accounts/${overdueTouchpoint.accountId}`, createdAt: atLocalTime(plan.today, 7, 0, tz) });
  }
  const csmAccounts = new Set(plan.accounts.filter((account) => account.csmId === csm).map((account) => account.id));
  const alertDays = [...DEFAULT_SETTINGS.handoff.renewalAlertDays].sort((x, y) => x - y);
  const upcoming = plan.renewals
    .filter((renewal) => csmAccounts.has(renewal.row.accountId) && !renewal.row.name.endsWith("(expansion)"))
    .map((renewal) => ({ renewal, days: daysBetween(plan.today, renewal.row.renewalDate) }))
    .filter((entry) => entry.days > 0 && entry.days <= (alertDays[alertDays.length - 1] ?? 90))
    .sort((a, b) => a.days - b.days)
    .slice(0, 3);
  for (const { renewal, days } of upcoming) {
    const alert = alertDays.find((threshold) => days <= threshold) ?? days;
    const accountId = renewal.row.accountId;
    rows.push({ userId: csm, kind: "renewal_alert", title: `Renewal in ${days} days: ${accountName(accountId)}`, body: `${alert}-day renewal alert.`, link: `/accounts/${accountId}`, createdAt: atLocalTime(addDays(renewal.row.renewalDate, -alert), 7, 5, tz) });
  }
  return rows;
}
