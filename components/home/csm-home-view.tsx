import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { SimpleTable } from "@/components/ui/simple-table";
import { Stat } from "@/components/ui/stat";
import { daysBetween } from "@/lib/dates";
import { formatCentsWhole, formatDate } from "@/lib/format";
import { AcknowledgeForm } from "@/components/handoffs/acknowledge-form";
import { HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS, SEGMENT_LABELS, TOUCHPOINT_LABELS } from "@/lib/labels";
import type { CsmHome } from "@/lib/server/home/csm-home";

const link = "text-brand-700 hover:underline";

export function CsmHomeView({ home }: { home: CsmHome }) {
  const load = home.profile ? `${home.accountCount}/${home.profile.maxAccounts} accounts` : `${home.accountCount} accounts`;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="My book" value={load} hint={home.profile ? `ARR limit ${formatCentsWhole(home.profile.maxArrCents)}` : undefined} href="/accounts" />
        <Stat label="Book ARR" value={formatCentsWhole(home.bookArrCents)} href="/accounts?sort=arrCents&dir=desc" />
        <Stat
          label="Overdue touchpoints"
          value={String(home.overdueTouchpoints)}
          tone={home.overdueTouchpoints > 0 ? "bad" : "good"}
          href="/book#book-overdue-touchpoints"
        />
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
      <Panel title="Touchpoints to do" actions={<Link prefetch={false} href="/book" className={`text-sm ${link}`}>Open my book</Link>}>
        {home.touchpoints.length === 0 ? (
          <p className="text-slate-600">Nothing scheduled.</p>
        ) : (
          <SimpleTable
            caption="Touchpoints to do"
            headers={["Date", "Account", { label: "Type", priority: "secondary" }]}
            rows={home.touchpoints.map((touchpoint) => {
              const late = daysBetween(touchpoint.dueDate, home.today);
              return [
                <span key="d" className={late > 0 ? "font-semibold text-red-700" : ""}>
                  {formatDate(touchpoint.dueDate)}
                  {late > 0 ? ` · ${late} days overdue` : ""}
                </span>,
                <Link prefetch={false} key="a" className={link} href={`/accounts/${touchpoint.account.id}`}>{touchpoint.account.name}</Link>,
                TOUCHPOINT_LABELS[touchpoint.type],
              ];
            })}
          />
        )}
      </Panel>
      <Panel title="My accounts" actions={<Link prefetch={false} href="/accounts" className={`text-sm ${link}`}>All {home.accountCount} accounts</Link>}>
        <SimpleTable
          caption="My accounts"
          headers={["Account", "Health", { label: "ARR", priority: "secondary" }, { label: "Next renewal", priority: "secondary" }, { label: "Usage", priority: "optional" }, { label: "Segment", priority: "optional" }]}
          rows={home.accounts.map((account) => [
            <Link prefetch={false} key="n" className={link} href={`/accounts/${account.id}`}>{account.name}{account.strategic ? " ★" : ""}</Link>,
            <span key="h" className={account.healthScore < 50 ? "text-red-700" : account.healthScore < 70 ? "text-amber-700" : "text-emerald-700"}>
              {account.healthScore}/100
            </span>,
            formatCentsWhole(account.arrCents),
            account.nextRenewal ? formatDate(account.nextRenewal) : "—",
            `${account.usagePct.toFixed(0)}%`,
            SEGMENT_LABELS[account.segment],
          ])}
        />
      </Panel>
    </div>
  );
}
