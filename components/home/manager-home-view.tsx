import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { SimpleTable } from "@/components/ui/simple-table";
import { Stat } from "@/components/ui/stat";
import { formatBusinessTimeLeft } from "@/lib/business-hours";
import { formatCentsWhole } from "@/lib/format";
import { HANDOFF_STATUS_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import type { ManagerHome } from "@/lib/server/home/manager-home";
import { storedScoreText } from "@/lib/assignment/score";

const link = "text-brand-700 hover:underline";

function Clock({ ms }: { ms: number }) {
  return <span className={ms < 0 ? "font-semibold text-red-700" : ""}>{formatBusinessTimeLeft(ms)}</span>;
}

export function ManagerHomeView({ home }: { home: ManagerHome }) {
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Assignments awaiting review" value={String(home.pendingCount)} href="/assignments" />
        <Stat label="Open handoffs" value={String(home.openCount)} href="/handoffs?status=OPEN" />
        <Stat label="Overdue handoffs" value={String(home.overdueCount)} tone={home.overdueCount > 0 ? "bad" : "good"} href="/handoffs?overdue=1" />
      </div>
      <Panel title="CSM assignments awaiting review" actions={<Link prefetch={false} href="/assignments" className={`text-sm ${link}`}>All {home.pendingCount} in the queue</Link>}>
        {home.pendingAssignments.length === 0 ? (
          <p className="text-slate-600">Nothing waiting for you.</p>
        ) : (
          <SimpleTable
            caption="CSM assignments awaiting review"
            headers={["Account", "72-hour clock", { label: "Suggested CSM", priority: "secondary" }, { label: "ARR", priority: "secondary" }, { label: "Segment", priority: "optional" }, { label: "Score", priority: "optional" }]}
            rows={home.pendingAssignments.map((assignment) => [
              <Link prefetch={false} key="a" className={link} href={`/assignments/${assignment.id}`}>{assignment.account.name}</Link>,
              assignment.businessMsLeft === null ? "Clock stopped" : <Clock key="c" ms={assignment.businessMsLeft} />,
              assignment.suggestedCsm?.name ?? "No eligible CSM",
              formatCentsWhole(assignment.handoff?.deal?.amountCents ?? assignment.account.arrCents),
              SEGMENT_LABELS[assignment.account.segment],
              assignment.suggestedScore ? storedScoreText(assignment.suggestedScore.toString()) : "—",
            ])}
          />
        )}
      </Panel>
      <Panel title="Open handoffs" actions={<Link prefetch={false} href="/handoffs?status=OPEN" className={`text-sm ${link}`}>All {home.openCount} open handoffs</Link>}>
        <SimpleTable
          caption="Open handoffs"
          headers={["Account", "72-hour clock", { label: "Status", priority: "secondary" }, { label: "ARR", priority: "secondary" }, { label: "AE", priority: "optional" }]}
          rows={home.openHandoffs.map((handoff) => [
            <Link prefetch={false} key="h" className={link} href={`/handoffs/${handoff.id}`}>{handoff.account.name}</Link>,
            <Clock key="c" ms={handoff.businessMsLeft} />,
            HANDOFF_STATUS_LABELS[handoff.status],
            handoff.deal ? formatCentsWhole(handoff.deal.amountCents) : "—",
            handoff.deal?.owner.name ?? "—",
          ])}
        />
      </Panel>
    </div>
  );
}
