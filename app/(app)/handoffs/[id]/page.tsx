import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AcknowledgeForm } from "@/components/handoffs/acknowledge-form";
import { HandoffCallPanel } from "@/components/handoffs/handoff-call-panel";
import { FlowSection, HandoffHeader, policyPanels } from "@/components/handoffs/handoff-page-sections";
import { NextStepsPanel } from "@/components/handoffs/next-steps-panel";
import { SkipForm } from "@/components/handoffs/skip-form";
import { HandoffWizard } from "@/components/handoffs/wizard/handoff-wizard";
import { formatCentsWhole } from "@/lib/format";
import { policyRailItems } from "@/lib/handoff/policy-steps";
import { instantToZoned } from "@/lib/zoned-time";
import { canApproveAssignment } from "@/lib/server/assignments/permissions";
import { getFlowView } from "@/lib/server/handoffs/flows/flow-view";
import { getHandoffPageData } from "@/lib/server/handoffs/handoff-page-data";
import { handoffCallTimes } from "@/lib/server/handoffs/meeting-times";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Handoff" };

const searchSchema = z.object({ step: z.string().max(40).optional().catch(undefined) });

export default async function HandoffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, unknown>> }) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { step } = searchSchema.parse(search);
  const user = await pageUser();
  // Independent reads, side by side; they share one visibility check and one settings read (per-render caches).
  const [{ view, introduction, checklist, submitBlockers, submitted, closeDate, nextSteps, pendingAssignmentId }, call, flow] = await Promise.all([
    loadPage(() => getHandoffPageData(user, id)),
    loadPage(() => handoffCallTimes(user, id)),
    loadPage(() => getFlowView(user, id)),
  ]);
  const { handoff, permissions } = view;
  const today = instantToZoned(new Date(), view.timezone).date;
  const policyItems = policyRailItems({ steps: handoff.policySteps, strategic: handoff.account.strategic, csmName: handoff.account.csm?.name ?? null, canSetUp: permissions.accountSetup });

  return (
    <div className="space-y-4">
      <HandoffHeader view={view} />
      {flow ? (
        <FlowSection view={view} flow={flow} today={today} />
      ) : (
        <>
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
            policyPanels={policyPanels(view, introduction, today)}
          />
        </>
      )}
      {permissions.skip ? <SkipForm handoffId={handoff.id} threshold={formatCentsWhole(view.skipThresholdCents)} /> : null}
    </div>
  );
}
