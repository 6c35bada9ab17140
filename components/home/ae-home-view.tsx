import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { SimpleTable } from "@/components/ui/simple-table";
import { Stat } from "@/components/ui/stat";
import { formatBusinessTimeLeft } from "@/lib/business-hours";
import { formatCentsWhole, formatDate } from "@/lib/format";
import { DEAL_STAGE_LABELS, HANDOFF_STATUS_LABELS } from "@/lib/labels";
import { AE_RECENT_WIN_DAYS, type AeHome } from "@/lib/server/home/ae-home";

const link = "text-brand-700 hover:underline";

export function AeHomeView({ home }: { home: AeHome }) {
  const overdue = home.overdueHandoffCount;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Handoffs due" value={String(home.openHandoffCount)} href="/handoffs?status=OPEN" />
        <Stat label="Overdue handoffs" value={String(overdue)} tone={overdue > 0 ? "bad" : "good"} href="/handoffs?overdue=1" />
        <Stat label={`Closed-won, last ${AE_RECENT_WIN_DAYS} days`} value={String(home.recentWins)} href={`/deals?stage=CLOSED_WON&wonWithin=${AE_RECENT_WIN_DAYS}`} />
      </div>
      <Panel title="My handoffs due" actions={<Link prefetch={false} href="/handoffs?status=OPEN" className={`text-sm ${link}`}>All {home.openHandoffCount} open handoffs</Link>}>
        {home.handoffs.length === 0 ? (
          <p className="text-slate-600">No open handoffs. Nice work.</p>
        ) : (
          <SimpleTable
            caption="My handoffs due"
            headers={["Account", "72-hour clock", { label: "Status", priority: "secondary" }, { label: "Due", priority: "secondary" }, { label: "Deal", priority: "optional" }, { label: "ARR", priority: "optional" }]}
            rows={home.handoffs.map((handoff) => [
              <Link prefetch={false} key="a" className={link} href={`/handoffs/${handoff.id}`}>{handoff.account.name}{handoff.account.strategic ? " ★" : ""}</Link>,
              <span key="c" className={handoff.businessMsLeft < 0 ? "font-semibold text-red-700" : ""}>
                {formatBusinessTimeLeft(handoff.businessMsLeft)}
              </span>,
              HANDOFF_STATUS_LABELS[handoff.status],
              formatDate(handoff.dueAt),
              handoff.deal ? <Link prefetch={false} key="d" className={link} href={`/deals/${handoff.deal.id}`}>{handoff.deal.name}</Link> : "—",
              handoff.deal ? formatCentsWhole(handoff.deal.amountCents) : "—",
            ])}
          />
        )}
      </Panel>
      <Panel title="My open deals" actions={<Link prefetch={false} href="/deals" className={`text-sm ${link}`}>All my deals</Link>}>
        {home.openDeals.length === 0 ? (
          <p className="text-slate-600">No open deals.</p>
        ) : (
          <SimpleTable
            caption="My open deals"
            headers={["Deal", "Expected close", { label: "Stage", priority: "secondary" }, { label: "ARR", priority: "secondary" }, { label: "Account", priority: "optional" }]}
            rows={home.openDeals.map((deal) => [
              <Link prefetch={false} key="d" className={link} href={`/deals/${deal.id}`}>{deal.name}</Link>,
              formatDate(deal.closeDate),
              DEAL_STAGE_LABELS[deal.stage],
              formatCentsWhole(deal.amountCents),
              <Link prefetch={false} key="a" className={link} href={`/accounts/${deal.account.id}`}>{deal.account.name}</Link>,
            ])}
          />
        )}
      </Panel>
    </div>
  );
}
