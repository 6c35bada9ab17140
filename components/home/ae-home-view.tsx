import Link from "next/link";
import { Panel, SimpleTable, Stat } from "@/components/home/stat";
import { formatBusinessTimeLeft } from "@/lib/business-hours";
import { formatCentsWhole, formatDate } from "@/lib/format";
import { DEAL_STAGE_LABELS, HANDOFF_STATUS_LABELS } from "@/lib/labels";
import type { AeHome } from "@/lib/server/home/ae-home";

export function AeHomeView({ home }: { home: AeHome }) {
  const overdue = home.handoffs.filter((handoff) => handoff.businessMsLeft < 0).length;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Handoffs due" value={String(home.handoffs.length)} />
        <Stat label="Overdue handoffs" value={String(overdue)} tone={overdue > 0 ? "bad" : "good"} />
        <Stat label="Closed-won, last 30 days" value={String(home.recentWins)} />
      </div>
      <Panel title="My handoffs due">
        {home.handoffs.length === 0 ? (
          <p className="text-slate-500">No open handoffs. Nice work.</p>
        ) : (
          <SimpleTable
            caption="My handoffs due"
            headers={["Account", "Deal", "ARR", "Status", "Due", "72-hour clock"]}
            rows={home.handoffs.map((handoff) => [
              <Link key="a" className="text-brand-700 hover:underline" href={`/handoffs/${handoff.id}`}>{handoff.account.name}{handoff.account.strategic ? " ★" : ""}</Link>,
              handoff.deal?.name ?? "—",
              handoff.deal ? formatCentsWhole(handoff.deal.amountCents) : "—",
              HANDOFF_STATUS_LABELS[handoff.status],
              formatDate(handoff.dueAt),
              <span key="c" className={handoff.businessMsLeft < 0 ? "font-semibold text-red-700" : ""}>
                {formatBusinessTimeLeft(handoff.businessMsLeft)}
              </span>,
            ])}
          />
        )}
      </Panel>
      <Panel title="My open deals">
        {home.openDeals.length === 0 ? (
          <p className="text-slate-500">No open deals.</p>
        ) : (
          <SimpleTable
            caption="My open deals"
            headers={["Deal", "Account", "Stage", "ARR", "Expected close"]}
            rows={home.openDeals.map((deal) => [
              <Link key="d" className="text-brand-700 hover:underline" href={`/deals/${deal.id}`}>{deal.name}</Link>,
              deal.account.name,
              DEAL_STAGE_LABELS[deal.stage],
              formatCentsWhole(deal.amountCents),
              formatDate(deal.closeDate),
            ])}
          />
        )}
      </Panel>
    </div>
  );
}
