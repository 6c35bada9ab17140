import { Panel, SimpleTable, Stat } from "@/components/home/stat";
import { formatCentsWhole, formatDate } from "@/lib/format";
import { SEGMENT_LABELS, TOUCHPOINT_LABELS } from "@/lib/labels";
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
