import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AccountSetupForm } from "@/components/handoffs/policy/account-setup-form";
import { ClockBanner } from "@/components/handoffs/clock-banner";
import { DocumentsPanel } from "@/components/handoffs/policy/documents-panel";
import { IntroductionForm } from "@/components/handoffs/policy/introduction-form";
import { MeetingForm } from "@/components/handoffs/policy/meeting-form";
import { SkipForm } from "@/components/handoffs/skip-form";
import { AcknowledgeForm } from "@/components/handoffs/acknowledge-form";
import { NextStepsPanel } from "@/components/handoffs/next-steps-panel";
import { HandoffCallPanel } from "@/components/handoffs/handoff-call-panel";
import { handoffCallTimes } from "@/lib/server/handoffs/meeting-times";
import { FlowPanel } from "@/components/handoffs/flow/flow-panel";
import { getFlowView } from "@/lib/server/handoffs/flows/flow-view";
import { flowSummary } from "@/lib/handoff/flow-summary";
import { expansionDealData } from "@/lib/handoff/flows";
import { accountSetupData, policyRailItems } from "@/lib/handoff/policy-steps";
import { HandoffWizard } from "@/components/handoffs/wizard/handoff-wizard";
import { toIsoDate } from "@/lib/dates";
import { formatCentsWhole, formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS } from "@/lib/labels";
import { instantToZoned } from "@/lib/zoned-time";
import { getHandoffPageData } from "@/lib/server/handoffs/handoff-page-data";
import { canApproveAssignment } from "@/lib/server/assignments/permissions";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Handoff" };

const searchSchema = z.object({ step: z.string().max(40).optional().catch(undefined) });

export default async function HandoffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, unknown>> }) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { step } = searchSchema.parse(search);
  const user = await pageUser();
  const { view, introduction, checklist, submitBlockers, submitted, closeDate, nextSteps, pendingAssignmentId } = await loadPage(() => getHandoffPageData(user, id));
  const call = await loadPage(() => handoffCallTimes(user, id));
  const flow = await loadPage(() => getFlowView(user, id));
  const { handoff, permissions, timezone } = view;
  const stepOf = (key: string) => handoff.policySteps.find((s) => s.step === key);
  const when = (date: Date | null | undefined) => (date ? formatDateTime(date, timezone) : "");
  const meeting = handoff.meetings.find((m) => m.kind === "HANDOFF_MEETING");
  const kickoff = handoff.meetings.find((m) => m.kind === "KICKOFF");
  const email = handoff.emails[0];
  const today = instantToZoned(new Date(), timezone).date;

  const policyItems = policyRailItems({ steps: handoff.policySteps, strategic: handoff.account.strategic, csmName: handoff.account.csm?.name ?? null, canSetUp: permissions.accountSetup });
  const setupData = accountSetupData.parse(stepOf("ACCOUNT_SETUP")?.data);

  return (
    <div className="space-y-4">
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
      {flow ? (
        <>
          <p className="text-sm text-slate-700">
            Owner: <strong>{flow.handoff.owner?.name ?? "—"}</strong> · due {when(handoff.dueAt)}
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
            people={flow.people}
            openDeals={flow.openDeals}
            defaultOwnerId={flow.defaultOwnerId}
            today={today}
          />
        </>
      ) : null}
      {flow ? null : <>
      <NextStepsPanel steps={nextSteps} assignmentHref={pendingAssignmentId && canApproveAssignment(user) ? `/assignments/${pendingAssignmentId}` : null} />
      {call ? <HandoffCallPanel handoffId={handoff.id} when={call.when} attendees={call.attendees} canMove={call.canMove} slots={call.slots} /> : null}
      {permissions.acknowledge ? (
        <div id="acknowledge" className="scroll-mt-4">
          <p className="mb-2 text-sm text-slate-700">The AE and the CS manager have completed this handoff. Read the <Link className="text-brand-700 underline" href={`/handoffs/${handoff.id}/document`}>handoff document</Link>, then acknowledge it and rate it.</p>
          <AcknowledgeForm handoffId={handoff.id} />
        </div>
      ) : null}
      <HandoffWizard
        handoffId={handoff.id}
        closeDate={closeDate}
        nextSteps={nextSteps}
        version={handoff.version}
        checklist={checklist}
        products={view.products}
        editable={permissions.editChecklist}
        submitted={submitted}
        submitBlockers={submitBlockers}
        policyItems={policyItems}
        initialStep={step}
        policyPanels={{
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
                stepOf("ACCOUNT_SETUP")?.completedAt
                  ? { kickoff: when(kickoff?.startsAt), milestones: handoff.milestones.map((m) => ({ name: m.name, dueDate: toIsoDate(m.dueDate) })), environmentUrl: setupData.environmentUrl ?? "" }
                  : null
              }
            />
          ),
        }}
      />
      </>}
      {permissions.skip ? <SkipForm handoffId={handoff.id} threshold={formatCentsWhole(view.skipThresholdCents)} /> : null}
    </div>
  );
}
