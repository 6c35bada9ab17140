import { Panel, SimpleTable, Stat } from "@/components/home/stat";
import { formatCentsWhole, formatDate } from "@/lib/format";
import Link from "next/link";
import { AcknowledgeForm } from "@/components/handoffs/acknowledge-form";
import { HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS, SEGMENT_LABELS, TOUCHPOINT_LABELS } from "@/lib/labels";
import type { CsmHome } from "@/lib/server/home/csm-home";

export function CsmHomeView({ home }: { home: CsmHome }) {
  const load = home.profile ? `${home.accountCount}/${home.profile.maxAccounts} accounts` : `${home.accountCount} accounts`;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="My book" value={load} hint={home.profile ? `ARR limit ${formatCentsWhole(home.profile.maxArrCents)}` : undefined} />
        <Stat label="Book ARR" value={formatCentsWhole(home.bookArrCents)} />
        <Stat label="Overdue touchpoints" value={String(home.overdueTouchpoints)} tone={home.overdueTouchpoints > 0 ? "bad" : "good"} />
      </div>
      <Panel title="Handoffs to acknowledge">
        {home.toAcknowledge.length === 0 ? (
          <p className="text-slate-500">No completed handoff is waiting for you.</p>
        ) : (
          <ul className="space-y-4">
            {home.toAcknowledge.map((handoff) => (
              <li key={handoff.id} className="space-y-2">
                <p className="text-sm">
                  <Link className="font-medium text-brand-700 hover:underline" href={`/handoffs/${handoff.id}/document`}>{handoff.account.name}</Link>
                  {handoff.deal ? ` — ${handoff.deal.name}, from ${handoff.deal.owner.name}` : null}
                  {handoff.completedAt ? <span className="text-slate-500"> · completed {formatDate(handoff.completedAt)}</span> : null}
                </p>
                <AcknowledgeForm handoffId={handoff.id} accountName={handoff.account.name} />
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {home.incoming.length > 0 ? (
        <Panel title="Handoffs on the way to you">
          <SimpleTable
            caption="Handoffs on the way to you"
            headers={["Account", "Type", "Status", "Due"]}
            rows={home.incoming.map((handoff) => [
              <Link key="a" className="text-brand-700 hover:underline" href={`/handoffs/${handoff.id}`}>{handoff.account.name}</Link>,
              HANDOFF_TYPE_LABELS[handoff.type],
              HANDOFF_STATUS_LABELS[handoff.status],
              formatDate(handoff.dueAt),
            ])}
          />
        </Panel>
      ) : null}
      <Panel title="Upcoming touchpoints">
        {home.touchpoints.length === 0 ? (
          <p className="text-slate-500">Nothing scheduled.</p>
        ) : (
          <SimpleTable
            caption="Upcoming touchpoints"
            headers={["Date", "Type", "Account"]}
            rows={home.touchpoints.map((touchpoint) => [formatDate(touchpoint.dueDate), TOUCHPOINT_LABELS[touchpoint.type], touchpoint.account.name])}
          />
        )}
      </Panel>
      <Panel title="My accounts">
        <SimpleTable
          caption="My accounts"
          headers={["Account", "Segment", "ARR", "Health", "Usage", "Next renewal"]}
          rows={home.accounts.map((account) => [
            <span key="n">{account.name}{account.strategic ? " ★" : ""}</span>,
            SEGMENT_LABELS[account.segment],
            formatCentsWhole(account.arrCents),
            <span key="h" className={account.healthScore < 50 ? "text-red-700" : account.healthScore < 70 ? "text-amber-700" : "text-emerald-700"}>
              {account.healthScore}/100
            </span>,
            `${account.usagePct.toFixed(0)}%`,
            account.nextRenewal ? formatDate(account.nextRenewal) : "—",
          ])}
        />
      </Panel>
    </div>
  );
}
