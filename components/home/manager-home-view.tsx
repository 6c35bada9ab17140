import Link from "next/link";
import { Panel, SimpleTable, Stat } from "@/components/home/stat";
import { formatBusinessTimeLeft } from "@/lib/business-hours";
import { formatCentsWhole } from "@/lib/format";
import { HANDOFF_STATUS_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import type { ManagerHome } from "@/lib/server/home/manager-home";
import { storedScoreText } from "@/lib/assignment/score";

export function ManagerHomeView({ home }: { home: ManagerHome }) {
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Assignments awaiting review" value={String(home.pendingCount)} />
        <Stat label="Open handoffs" value={String(home.openHandoffs.length)} />
        <Stat label="Overdue handoffs" value={String(home.overdueCount)} tone={home.overdueCount > 0 ? "bad" : "good"} />
      </div>
      <Panel title="CSM assignments awaiting review">
        {home.pendingAssignments.length === 0 ? (
          <p className="text-slate-500">Nothing waiting for you.</p>
        ) : (
          <SimpleTable
            caption="CSM assignments awaiting review"
            headers={["Account", "Segment", "ARR", "Suggested CSM", "Score"]}
            rows={home.pendingAssignments.map((assignment) => [
              <Link key="a" className="text-brand-700 hover:underline" href={`/assignments/${assignment.id}`}>{assignment.account.name}</Link>,
              SEGMENT_LABELS[assignment.account.segment],
              formatCentsWhole(assignment.handoff?.deal?.amountCents ?? assignment.account.arrCents),
              assignment.suggestedCsm?.name ?? "No eligible CSM",
              assignment.suggestedScore ? storedScoreText(assignment.suggestedScore.toString()) : "—",
            ])}
          />
        )}
      </Panel>
      <Panel title="Open handoffs">
        <SimpleTable
          caption="Open handoffs"
          headers={["Account", "AE", "ARR", "Status", "72-hour clock"]}
          rows={home.openHandoffs.map((handoff) => [
            <Link key="h" className="text-brand-700 hover:underline" href={`/handoffs/${handoff.id}`}>{handoff.account.name}</Link>,
            handoff.deal?.owner.name ?? "—",
            handoff.deal ? formatCentsWhole(handoff.deal.amountCents) : "—",
            HANDOFF_STATUS_LABELS[handoff.status],
            <span key="c" className={handoff.businessMsLeft < 0 ? "font-semibold text-red-700" : ""}>
              {formatBusinessTimeLeft(handoff.businessMsLeft)}
            </span>,
          ])}
        />
      </Panel>
    </div>
  );
}
