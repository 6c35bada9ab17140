import type { Metadata } from "next";
import { MilestonesForm } from "@/components/accounts/account-forms";
import { AccountFactsPanel, ClosedWonAssetsPanel, ExpansionPanel, RenewalTermsPanel, RiskPanel, StakeholdersPanel } from "@/components/accounts/account-panels";
import { Timeline } from "@/components/accounts/timeline";
import { Panel } from "@/components/ui/panel";
import { SimpleTable } from "@/components/ui/simple-table";
import { toIsoDate } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import { TOUCHPOINT_LABELS } from "@/lib/labels";
import { getAccount } from "@/lib/server/accounts/get-account";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser();
  const view = await loadPage(() => getAccount(user, id));
  const { account, permissions } = view;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{account.name}</h1>
          <p className="text-sm text-slate-500">{account.externalId}{account.strategic ? " · strategic account" : ""}</p>
        </div>
        <a href={`/api/accounts/${account.id}/calendar`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">Download touchpoints (.ics)</a>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <AccountFactsPanel view={view} />
        <RenewalTermsPanel view={view} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <RiskPanel view={view} />
        <ExpansionPanel view={view} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Upcoming touchpoints">
          {view.upcoming.length === 0 ? (
            <p className="text-sm text-slate-500">Nothing planned.</p>
          ) : (
            <SimpleTable caption="Upcoming touchpoints" headers={["Date", "Touchpoint", "Owner"]} rows={view.upcoming.map((t) => [formatDate(t.dueDate), `${TOUCHPOINT_LABELS[t.type]}${t.aeInvited ? " (with AE)" : ""}`, t.ownerName ?? "—"])} />
          )}
        </Panel>
        {permissions.canManage ? (
          <Panel title="Milestones">
            <MilestonesForm accountId={account.id} goLiveAt={account.goLiveAt ? toIsoDate(account.goLiveAt) : ""} firstValueAt={account.firstValueAt ? toIsoDate(account.firstValueAt) : ""} />
          </Panel>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <StakeholdersPanel view={view} />
        <ClosedWonAssetsPanel view={view} />
      </div>

      <Panel title="Timeline">
        <Timeline entries={view.timeline} />
      </Panel>
    </div>
  );
}
