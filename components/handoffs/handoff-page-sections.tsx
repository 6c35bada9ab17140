import Link from "next/link";
import { AccountSetupForm } from "@/components/handoffs/policy/account-setup-form";
import { ClockBanner } from "@/components/handoffs/clock-banner";
import { DocumentsPanel } from "@/components/handoffs/policy/documents-panel";
import { FlowPanel } from "@/components/handoffs/flow/flow-panel";
import { IntroductionForm } from "@/components/handoffs/policy/introduction-form";
import { MeetingForm } from "@/components/handoffs/policy/meeting-form";
import { toIsoDate } from "@/lib/dates";
import { formatCentsWhole, formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { flowSummary } from "@/lib/handoff/flow-summary";
import { expansionDealData } from "@/lib/handoff/flows";
import { accountSetupData } from "@/lib/handoff/policy-steps";
import { HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS } from "@/lib/labels";
import type { FlowView } from "@/lib/server/handoffs/flows/flow-view";
import type { HandoffView } from "@/lib/server/handoffs/get-handoff-view";
import type { getHandoffPageData } from "@/lib/server/handoffs/handoff-page-data";

// The handoff page's parts, each from the views the page loaded (and the permissions they decided).

type Introduction = Awaited<ReturnType<typeof getHandoffPageData>>["introduction"];

const whenIn = (timezone: string) => (date: Date | null | undefined) => (date ? formatDateTime(date, timezone) : "");

/** The account, deal and status, the document link, and the 72-hour clock (or why the handoff was skipped). */
export function HandoffHeader({ view }: { view: HandoffView }) {
  const { handoff, timezone } = view;
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">{HANDOFF_TYPE_LABELS[handoff.type]} handoff · {HANDOFF_STATUS_LABELS[handoff.status]}</p>
          <h1 className="text-2xl font-semibold">
            {handoff.account.name}
            {handoff.account.strategic ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 align-middle text-sm text-amber-900">Strategic</span> : null}
          </h1>
          {handoff.deal ? <p className="text-sm text-slate-600">{handoff.deal.name} · {formatCentsWhole(handoff.deal.amountCents)} ARR · AE {handoff.deal.owner.name}</p> : null}
        </div>
        <Link href={`/handoffs/${handoff.id}/document`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">Handoff document</Link>
      </div>
      {handoff.status === "SKIPPED" ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">Skipped: {handoff.skipReason}</p>
      ) : (
        <ClockBanner dueAt={handoff.dueAt} businessMsLeft={view.businessMsLeft} completedAt={handoff.completedAt} withinSla={handoff.completedWithinSla} timezone={timezone} slaHours={view.slaHours} />
      )}
    </>
  );
}

/** A Renewal or Expansion handoff's guided flow. */
export function FlowSection({ view, flow, today }: { view: HandoffView; flow: FlowView; today: string }) {
  const { handoff } = view;
  return (
    <>
      <p className="text-sm text-slate-700">
        Owner: <strong>{flow.handoff.owner?.name ?? "—"}</strong> · due {whenIn(view.timezone)(handoff.dueAt)}
        {flow.handoff.renewalOpportunity ? ` · renewal ${formatDate(flow.handoff.renewalOpportunity.renewalDate)}, ${formatMoney(flow.handoff.renewalOpportunity.amountCents)}` : ""}
      </p>
      <FlowPanel
        handoffId={handoff.id}
        type={flow.handoff.type === "RENEWAL" ? "RENEWAL" : "EXPANSION"}
        steps={flow.steps.map((step) => ({ step: step.step, label: step.label, who: step.who, state: step.state, note: step.note, doneBy: step.record?.completedBy.name ?? null, summary: step.record ? flowSummary(step.step, step.record.data) : null, link: step.step === "EXPANSION_DEAL" && step.record ? { href: `/deals/${expansionDealData.parse(step.record.data).dealId}`, label: "Open the deal (mark it closed-won there)" } : null }))}
        canAct={flow.canAct}
        renewalPlanOnly={flow.renewalPlanOnly}
        contacts={flow.contacts}
        catalogue={flow.catalogue}
        openDeals={flow.openDeals}
        defaultOwner={flow.defaultOwner}
        today={today}
      />
    </>
  );
}

/** The forms of the four 72-hour policy steps, by step, for the wizard to show beside the checklist. */
export function policyPanels(view: HandoffView, introduction: Introduction, today: string): Record<string, React.ReactNode> {
  const { handoff, permissions, timezone } = view;
  const when = whenIn(timezone);
  const meeting = handoff.meetings.find((m) => m.kind === "HANDOFF_MEETING");
  const kickoff = handoff.meetings.find((m) => m.kind === "KICKOFF");
  const email = handoff.emails[0];
  const setup = handoff.policySteps.find((s) => s.step === "ACCOUNT_SETUP");
  const setupData = accountSetupData.parse(setup?.data);
  return {
    HANDOFF_MEETING: (
      <MeetingForm
        handoffId={handoff.id}
        csManagers={view.csManagers}
        defaultDate={today}
        timezone={timezone}
        canLog={permissions.logMeeting}
        logged={meeting ? { when: when(meeting.startsAt), attendees: meeting.attendeeEmails, notes: meeting.notes } : null}
      />
    ),
    CLIENT_INTRODUCTION: (
      <IntroductionForm
        handoffId={handoff.id}
        csmName={handoff.account.csm?.name ?? null}
        canSend={permissions.sendIntroduction}
        defaultTo={introduction.defaultTo}
        template={introduction.template}
        values={introduction.values}
        sent={email ? { subject: email.subject, to: email.toEmails, cc: email.ccEmails, when: when(email.sentAt) } : null}
      />
    ),
    DOCUMENTATION_TRANSFER: <DocumentsPanel handoffId={handoff.id} canUpload={permissions.uploadDocuments} documents={handoff.documents} />,
    ACCOUNT_SETUP: (
      <AccountSetupForm
        handoffId={handoff.id}
        canSetUp={permissions.accountSetup}
        timezone={timezone}
        defaultKickoffDate={today}
        done={
          setup?.completedAt
            ? { kickoff: when(kickoff?.startsAt), milestones: handoff.milestones.map((m) => ({ name: m.name, dueDate: toIsoDate(m.dueDate) })), environmentUrl: setupData.environmentUrl ?? "" }
            : null
        }
      />
    ),
  };
}
