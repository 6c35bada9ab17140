import "server-only";
import { prisma } from "@/lib/db";
import { buildHandoffDocument, type DocumentSource } from "@/lib/handoff/document";
import { handoffCompleteMarkdown } from "@/lib/handoff/markdown";
import { formatDateTimeInZone } from "@/lib/format";
import {
  CONTACT_ROLE_LABELS,
  DOCUMENT_KIND_LABELS,
  HANDOFF_FORMAT_STAGE_LABELS,
  HANDOFF_FORMAT_TOUCHPOINT_LABELS,
  PRIORITY_LABELS,
  RISK_LEVEL_LABELS,
  SEGMENT_LABELS,
} from "@/lib/labels";
import type { ContactRole, DocumentKind, Priority, RiskLevel, Role } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/server/authz";
import { getHandoffPageData } from "@/lib/server/handoffs/handoff-page-data";
import { HANDOFF_CALL_KEY_PREFIX } from "@/lib/server/jobs/handlers/deliver-email";
import { getHandoffDocumentExtras } from "@/lib/server/handoffs/get-handoff-view";
import { storedRiskFactors } from "@/lib/risk/assess";

const FACTOR_LABELS: Record<string, string> = {
  implementation_complexity: "Implementation",
  stakeholder_turnover: "Stakeholder",
  competitive_threat: "Competition",
  contract_structure: "Contract",
  usage_prediction: "Usage",
};

// How the document names a meeting attendee's role (short forms; the others as stored).
const ATTENDEE_ROLE: Record<Role, string> = { AE: "AE", CSM: "CSM", CS_MANAGER: "CS manager", LEADERSHIP: "LEADERSHIP", ADMIN: "ADMIN" };

const label = <K extends string>(labels: Record<K, string>) => (value: string) => labels[value as K] ?? value;

/**
 * The handoff document (000 step 5) and its "Handoff Complete" Markdown from one model, for one visible
 * handoff: the checklist as the wizard shows it (the deal's data before the first save), the live renewal
 * stage, the AE + CSM handoff call in the company's time zone, every risk factor with the AE's own.
 */
export async function getHandoffDocument(actor: ActingUser, handoffId: string) {
  const { view, checklist } = await getHandoffPageData(actor, handoffId);
  const { handoff, timezone } = view;
  const deal = handoff.deal;
  const call = handoff.meetings.find((m) => m.kind === "HANDOFF_CALL");
  const [catalogue, attendees, documentSent, extras] = await Promise.all([
    prisma.product.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    call ? prisma.user.findMany({ where: { email: { in: call.attendeeEmails } }, select: { email: true, name: true, role: true } }) : [],
    prisma.emailMessage.count({ where: { handoffId: handoff.id, kind: "HANDOFF_NOTIFICATION", dedupeKey: { startsWith: HANDOFF_CALL_KEY_PREFIX } } }),
    getHandoffDocumentExtras(handoff.id),
  ]);
  const risk = extras.deal?.riskAssessments[0];
  const renewal = extras.deal?.renewal ?? null;
  const load = extras.account.csm;
  const csm = handoff.account.csm;
  const pending = handoff.assignments[0]?.status === "PENDING" ? (handoff.assignments[0].suggestedCsm?.name ?? null) : null;
  const who = (email: string) => {
    const user = attendees.find((a) => a.email === email);
    if (!user) return email;
    return `${user.name} (${ATTENDEE_ROLE[user.role]})`;
  };
  const touchpoints = (extras.deal?.touchpoints ?? []).filter((t) => t.status !== "CANCELLED");
  const source: DocumentSource = {
    complete: handoff.status === "COMPLETED" || handoff.status === "ACKNOWLEDGED",
    accountName: handoff.account.name,
    dealAmountCents: deal?.amountCents ?? 0n,
    termMonths: deal?.termMonths ?? 12,
    closeDate: deal?.closeDate ?? handoff.startedAt,
    contractStart: deal?.contractStart ?? null,
    products: deal?.products.map((p) => p.product) ?? [],
    catalogue,
    checklist,
    aeName: deal?.owner.name ?? "—",
    csm: csm ? { name: csm.name, tierLabel: load?.csmProfile ? SEGMENT_LABELS[load.csmProfile.tier] : "—", accounts: load?._count.csmAccounts ?? 0, maxAccounts: load?.csmProfile?.maxAccounts ?? null } : null,
    suggestedCsmName: pending,
    expansionPotentialCents: handoff.account.expansionPotentialCents,
    healthScore: handoff.account.healthScore,
    renewal: renewal ? { ...renewal, stageLabel: HANDOFF_FORMAT_STAGE_LABELS[renewal.stage] } : null,
    touchpoints: touchpoints.map((t) => ({ date: t.dueDate, label: HANDOFF_FORMAT_TOUCHPOINT_LABELS[t.type], aeInvited: t.aeInvited, done: t.status === "DONE" })),
    risk: risk
      ? {
          overallLabel: RISK_LEVEL_LABELS[risk.overall],
          factors: storedRiskFactors.parse(risk.factors).map((f) => ({
            label: FACTOR_LABELS[f.factor] ?? f.factor,
            levelLabel: RISK_LEVEL_LABELS[f.level] ?? f.level,
            reason: f.reason,
            mitigation: f.mitigation,
          })),
        }
      : null,
    handoffCall: call ? { when: formatDateTimeInZone(call.startsAt, timezone), attendees: call.attendeeEmails.map(who) } : null,
    documents: handoff.documents.map((d) => ({ kindLabel: DOCUMENT_KIND_LABELS[d.kind as DocumentKind], name: d.originalName })),
    labels: { role: label<ContactRole>(CONTACT_ROLE_LABELS), priority: label<Priority>(PRIORITY_LABELS), severity: label<RiskLevel>(RISK_LEVEL_LABELS) },
    checklistDone: {
      renewal: Boolean(renewal),
      csm: Boolean(csm),
      documentSent: documentSent > 0,
      touchpoints: touchpoints.length > 0,
      meeting: Boolean(call),
    },
  };
  const blocks = buildHandoffDocument(source);
  return { view, blocks, markdown: handoffCompleteMarkdown(blocks) };
}
