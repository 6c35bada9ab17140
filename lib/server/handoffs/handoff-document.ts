import "server-only";
import { prisma } from "@/lib/db";
import { buildHandoffDocument, type DocumentSource } from "@/lib/handoff/document";
import { handoffCompleteMarkdown } from "@/lib/handoff/markdown";
import { SEGMENT_LABELS, TOUCHPOINT_LABELS } from "@/lib/labels";
import type { ActingUser } from "@/lib/server/authz";
import { getHandoffDocumentExtras, getHandoffView } from "@/lib/server/handoffs/get-handoff-view";

const FACTOR_LABELS: Record<string, string> = {
  implementation_complexity: "Implementation",
  stakeholder_turnover: "Stakeholder",
  competitive_threat: "Competition",
  contract_structure: "Contract",
  usage_prediction: "Usage",
};

/** The handoff document (000 step 5) and its "Handoff Complete" Markdown, for one visible handoff. */
export async function getHandoffDocument(actor: ActingUser, handoffId: string) {
  const view = await getHandoffView(actor, handoffId);
  const { handoff } = view;
  const deal = handoff.deal;
  const [catalogue, extras] = await Promise.all([
    prisma.product.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    getHandoffDocumentExtras(handoff.id),
  ]);
  const risk = extras.deal?.riskAssessments[0];
  const touchpoints = extras.deal?.touchpoints ?? [];
  const renewal = extras.deal?.renewal ?? null;
  const load = extras.account.csm;
  const meeting = handoff.meetings.find((m) => m.kind === "HANDOFF_MEETING");
  const csm = handoff.account.csm;
  const source: DocumentSource = {
    accountName: handoff.account.name,
    segmentLabel: SEGMENT_LABELS[handoff.account.segment],
    dealAmountCents: deal?.amountCents ?? 0n,
    termMonths: deal?.termMonths ?? 12,
    closeDate: deal?.closeDate ?? handoff.startedAt,
    contractStart: deal?.contractStart ?? null,
    products: deal?.products.map((p) => p.product) ?? [],
    catalogue,
    checklist: handoff.checklist,
    aeName: deal?.owner.name ?? "—",
    csm: csm && load ? { name: csm.name, accounts: load._count.csmAccounts, maxAccounts: load.csmProfile?.maxAccounts ?? null } : null,
    expansionPotentialCents: handoff.account.expansionPotentialCents,
    healthScore: handoff.account.healthScore,
    renewal,
    touchpoints: touchpoints.map((t) => ({ date: t.dueDate, label: TOUCHPOINT_LABELS[t.type], aeInvited: t.aeInvited })),
    risk: risk
      ? {
          overall: risk.overall,
          factors: (risk.factors as { factor: string; level: string; mitigation: string }[]).map((f) => ({ label: FACTOR_LABELS[f.factor] ?? f.factor, level: f.level, mitigation: f.mitigation })),
        }
      : null,
    handoffMeeting: meeting ? { startsAt: meeting.startsAt, attendees: meeting.attendeeEmails } : null,
    checklistDone: {
      renewal: Boolean(renewal),
      csm: Boolean(csm),
      documentSent: handoff.emails.length > 0,
      touchpoints: touchpoints.length > 0,
      meeting: Boolean(meeting),
    },
  };
  const document = buildHandoffDocument(source);
  return { view, document, markdown: handoffCompleteMarkdown(document, source) };
}
