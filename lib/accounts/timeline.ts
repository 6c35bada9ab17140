import { formatCentsWhole } from "@/lib/format";
import { ARR_MOVEMENT_LABELS, HANDOFF_TYPE_LABELS, RISK_LEVEL_LABELS, TOUCHPOINT_LABELS } from "@/lib/labels";
import type { ArrMovementType, AssignmentStatus, HandoffType, MeetingKind, RiskLevel, TouchpointStatus, TouchpointType } from "@/lib/generated/prisma/enums";

// Everything that happened on an account, newest first: the deal, the handoff, the CSM assignment, the
// touchpoints, alerts and e-mails, risk changes, ARR movements, meetings and the changes people made.
// Pure: the server gathers the records, this turns them into one list.

export type TimelineKind = "deal" | "handoff" | "assignment" | "touchpoint" | "alert" | "email" | "risk" | "arr" | "meeting" | "change";

export interface TimelineEntry {
  id: string;
  at: Date;
  kind: TimelineKind;
  title: string;
  detail?: string;
  href?: string;
}

export interface TimelineSource {
  today: Date;
  deals: { id: string; name: string; amountCents: bigint; createdAt: Date; closedWonAt: Date | null; closeDate: Date; stage: string }[];
  handoffs: { id: string; type: HandoffType; startedAt: Date; completedAt: Date | null; completedWithinSla: boolean | null; acknowledgedAt: Date | null; rating: number | null; skippedAt: Date | null; skipReason: string | null }[];
  assignments: { id: string; createdAt: Date; status: AssignmentStatus; suggestedName: string | null; chosenName: string | null; decidedAt: Date | null; reason: string | null }[];
  touchpoints: { id: string; type: TouchpointType; status: TouchpointStatus; dueDate: Date; completedAt: Date | null; notes: string }[];
  notifications: { id: string; kind: string; title: string; body: string; createdAt: Date; link: string | null }[];
  emails: { id: string; kind: string; subject: string; toEmails: string[]; createdAt: Date; sentAt: Date | null }[];
  risks: { id: string; overall: RiskLevel; trigger: string; createdAt: Date }[];
  movements: { id: string; type: ArrMovementType; amountCents: bigint; date: Date }[];
  meetings: { id: string; kind: MeetingKind; startsAt: Date; durationMinutes: number; attendeeEmails: string[] }[];
  changes: { id: string; action: string; at: Date; actorName: string | null; summary: string }[];
}

const MEETING_LABELS: Record<MeetingKind, string> = { HANDOFF_MEETING: "Handoff meeting", HANDOFF_CALL: "Handoff call", KICKOFF: "Kick-off" };
const TRIGGER_LABELS: Record<string, string> = { closed_won: "at closed-won", health_update: "after a health update" };

export function buildTimeline(source: TimelineSource): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const deal of source.deals) {
    entries.push({ id: `deal-created-${deal.id}`, at: deal.createdAt, kind: "deal", title: `Deal created: ${deal.name}`, detail: `${formatCentsWhole(deal.amountCents)} ARR`, href: `/deals/${deal.id}` });
    if (deal.stage === "CLOSED_WON") {
      entries.push({ id: `deal-won-${deal.id}`, at: deal.closedWonAt ?? deal.closeDate, kind: "deal", title: `Deal closed won: ${deal.name}`, detail: `${formatCentsWhole(deal.amountCents)} ARR`, href: `/deals/${deal.id}` });
    }
  }
  for (const h of source.handoffs) {
    const type = HANDOFF_TYPE_LABELS[h.type];
    const href = `/handoffs/${h.id}`;
    entries.push({ id: `handoff-start-${h.id}`, at: h.startedAt, kind: "handoff", title: `${type} handoff opened`, href });
    if (h.completedAt) entries.push({ id: `handoff-done-${h.id}`, at: h.completedAt, kind: "handoff", title: `${type} handoff completed`, detail: h.completedWithinSla === false ? "after the 72-hour window" : "within the 72-hour window", href });
    if (h.acknowledgedAt) entries.push({ id: `handoff-ack-${h.id}`, at: h.acknowledgedAt, kind: "handoff", title: `${type} handoff acknowledged by the CSM`, detail: h.rating ? `Rated ${h.rating}/5` : undefined, href });
    if (h.skippedAt) entries.push({ id: `handoff-skip-${h.id}`, at: h.skippedAt, kind: "handoff", title: `${type} handoff skipped`, detail: h.skipReason ?? undefined, href });
  }
  for (const a of source.assignments) {
    entries.push({ id: `assign-suggest-${a.id}`, at: a.createdAt, kind: "assignment", title: a.suggestedName ? `CSM suggested: ${a.suggestedName}` : "CSM suggestion: no eligible CSM", href: `/assignments/${a.id}` });
    if (a.decidedAt) {
      const verb = a.status === "REJECTED" ? "Suggestion rejected" : a.status === "OVERRIDDEN" ? "Another CSM assigned" : "CSM assigned";
      entries.push({ id: `assign-decide-${a.id}`, at: a.decidedAt, kind: "assignment", title: a.chosenName ? `${verb}: ${a.chosenName}` : verb, detail: a.reason ?? undefined, href: `/assignments/${a.id}` });
    }
  }
  for (const t of source.touchpoints) {
    const label = TOUCHPOINT_LABELS[t.type];
    if (t.status === "DONE" && t.completedAt) entries.push({ id: `tp-${t.id}`, at: t.completedAt, kind: "touchpoint", title: `${label} done`, detail: t.notes || undefined });
    // Planned ones in the past are overdue and belong in the history; future ones are listed as upcoming.
    else if (t.status === "PLANNED" && t.dueDate <= source.today) entries.push({ id: `tp-${t.id}`, at: t.dueDate, kind: "touchpoint", title: `${label} due (not done yet)` });
  }
  // One alert reaches several people: shown once.
  const seenAlerts = new Set<string>();
  for (const n of source.notifications) {
    const key = `${n.kind}|${n.title}|${Math.floor(n.createdAt.getTime() / 60_000)}`;
    if (seenAlerts.has(key)) continue;
    seenAlerts.add(key);
    entries.push({ id: `alert-${n.id}`, at: n.createdAt, kind: "alert", title: n.title, detail: n.body.split("\n").find((line) => line.trim() && !line.startsWith("##")) ?? undefined, href: n.link ?? undefined });
  }
  for (const e of source.emails) {
    entries.push({ id: `email-${e.id}`, at: e.sentAt ?? e.createdAt, kind: "email", title: `E-mail: ${e.subject}`, detail: `To ${e.toEmails.join(", ")}${e.sentAt ? "" : " (sending)"}` });
  }
  const oldestFirst = [...source.risks].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  oldestFirst.forEach((risk, index) => {
    const before = oldestFirst[index - 1];
    const change = before && before.overall !== risk.overall ? ` (was ${RISK_LEVEL_LABELS[before.overall]})` : "";
    entries.push({ id: `risk-${risk.id}`, at: risk.createdAt, kind: "risk", title: `Risk assessed: ${RISK_LEVEL_LABELS[risk.overall]}${change}`, detail: TRIGGER_LABELS[risk.trigger] ?? risk.trigger });
  });
  for (const m of source.movements) {
    const sign = m.type === "CONTRACTION" || m.type === "CHURN" ? "−" : m.type === "RENEWAL" ? "" : "+";
    entries.push({ id: `arr-${m.id}`, at: m.date, kind: "arr", title: `ARR ${ARR_MOVEMENT_LABELS[m.type].toLowerCase()}: ${sign}${formatCentsWhole(m.amountCents)}` });
  }
  for (const m of source.meetings) {
    entries.push({ id: `meeting-${m.id}`, at: m.startsAt, kind: "meeting", title: `${MEETING_LABELS[m.kind]} (${m.durationMinutes} min)`, detail: m.attendeeEmails.join(", ") });
  }
  for (const c of source.changes) {
    entries.push({ id: `change-${c.id}`, at: c.at, kind: "change", title: c.summary, detail: c.actorName ? `by ${c.actorName}` : undefined });
  }
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id));
}

/** The audit events shown on the account's timeline, in words; null for events shown another way. */
export function changeSummary(action: string, data: Record<string, unknown>): string | null {
  const pair = (value: unknown) => (value && typeof value === "object" ? (value as { from?: unknown; to?: unknown }) : {});
  switch (action) {
    case "account.health_updated": {
      const health = pair(data.healthScore);
      const usage = pair(data.usagePct);
      return `Health ${String(health.from)} → ${String(health.to)}, usage ${String(usage.from)}% → ${String(usage.to)}%`;
    }
    case "account.milestones_recorded": {
      const goLive = pair(data.goLiveAt).to;
      const firstValue = pair(data.firstValueAt).to;
      return `Milestones recorded: go-live ${goLive ? String(goLive) : "not set"}, first value ${firstValue ? String(firstValue) : "not set"}`;
    }
    case "account.expansion_identified":
      return "Expansion identified: Expansion handoff opened";
    case "renewal.stage_changed":
    case "renewal.closed":
      return `Renewal stage: ${String(data.summary ?? "")}`;
    default:
      return null;
  }
}
