import Link from "next/link";
import { ExpansionForm, HealthForm } from "@/components/accounts/account-forms";
import { FactList } from "@/components/ui/fact-list";
import { Panel } from "@/components/ui/panel";
import { SimpleTable } from "@/components/ui/simple-table";
import { StageControl } from "@/components/renewals/stage-control";
import { daysBetween } from "@/lib/dates";
import { formatCents, formatCentsWhole, formatDate } from "@/lib/format";
import { CONTACT_ROLE_LABELS, DOCUMENT_KIND_LABELS, PRIORITY_LABELS, RENEWAL_STAGE_LABELS, RISK_LEVEL_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import { isClosedStage } from "@/lib/renewals/stages";
import type { AccountView } from "@/lib/server/accounts/get-account";

// The account page's panels, each from the one view getAccount reads (and the permissions it decided).

function centsToInput(cents: bigint): string {
  return cents === 0n ? "" : `${cents / 100n}${cents % 100n === 0n ? "" : `.${String(cents % 100n).padStart(2, "0")}`}`;
}

/** Today's ARR, and what contracts that start later add ("contracted, starts <date>"). */
function arrFact(arrCents: bigint, contracted: { cents: bigint; from: Date | null } | null): string {
  if (!contracted || contracted.cents === 0n) return formatCents(arrCents);
  const sign = contracted.cents > 0n ? "+" : "−";
  const abs = contracted.cents > 0n ? contracted.cents : -contracted.cents;
  return `${formatCents(arrCents)} · ${sign}${formatCents(abs)} contracted${contracted.from ? `, starts ${formatDate(contracted.from)}` : ""}`;
}

function outcome(renewal: AccountView["renewalTerms"][number]): string {
  const label = RENEWAL_STAGE_LABELS[renewal.stage];
  if (renewal.stage === "CLOSED_WON" && renewal.closedAmountCents !== null) return `${label} at ${formatCents(renewal.closedAmountCents)}`;
  if (renewal.stage === "CLOSED_LOST") return `${label}${renewal.lossReason ? ` — ${renewal.lossReason}` : ""}`;
  return label;
}

export function AccountFactsPanel({ view }: { view: AccountView }) {
  const { account } = view;
  const facts: [string, string][] = [
    ["Segment", SEGMENT_LABELS[account.segment]],
    ["Industry", account.industry],
    ["Region", account.region],
    ["ARR", arrFact(account.arrCents, view.contracted)],
    ["CSM", account.csm?.name ?? "Unassigned"],
    ["AE", account.ae?.name ?? "—"],
    ["Health", `${account.healthScore}/100`],
    ["Usage", `${account.usagePct}% of entitlement`],
    ["Signed", account.initialSignedAt ? formatDate(account.initialSignedAt) : "—"],
    ["Go-live", account.goLiveAt ? formatDate(account.goLiveAt) : "Not yet"],
    ["First value", account.firstValueAt ? formatDate(account.firstValueAt) : "Not yet"],
    ["Products", view.ownedProducts.join(", ") || "—"],
  ];
  return (
    <Panel title="Account">
      <FactList facts={facts} />
    </Panel>
  );
}

export function RenewalTermsPanel({ view }: { view: AccountView }) {
  const { account, permissions, today } = view;
  return (
    <Panel title="Renewal terms">
      {view.renewalTerms.length === 0 ? (
        <p className="text-sm text-slate-500">No renewal opportunity.</p>
      ) : (
        <SimpleTable
          caption="Renewal terms of this account"
          headers={["Term", "Renewal date", "Days", "ARR", "Outcome"]}
          rows={view.renewalTerms.map((renewal) => [
            `Term ${renewal.term}`,
            formatDate(renewal.renewalDate),
            String(daysBetween(today, renewal.renewalDate)),
            formatCents(renewal.amountCents),
            <div key="stage" className="space-y-1" data-testid={`renewal-term-${renewal.term}`}>
              <span>{outcome(renewal)}</span>
              {permissions.canMoveRenewals && !isClosedStage(renewal.stage) ? (
                <StageControl
                  renewalId={renewal.id}
                  accountName={account.name}
                  stage={renewal.stage}
                  amountCents={String(renewal.amountCents)}
                  termMonths={renewal.contractTermMonths}
                  lossReasons={view.lossReasons}
                />
              ) : null}
            </div>,
          ])}
        />
      )}
    </Panel>
  );
}

export function RiskPanel({ view }: { view: AccountView }) {
  const { account, permissions, latestRisk } = view;
  return (
    <Panel title="Risk">
      {latestRisk ? (
        <>
          <p className="mb-2 text-sm">
            Overall: <strong>{RISK_LEVEL_LABELS[latestRisk.overall]}</strong> <span className="text-slate-500">(assessed {formatDate(latestRisk.createdAt)})</span>
          </p>
          <SimpleTable
            caption="Risk factors"
            headers={["Factor", "Level", "Why", "Mitigation"]}
            rows={latestRisk.factors.map((factor) => [factor.label, RISK_LEVEL_LABELS[factor.level], <span key="r" className="whitespace-normal">{factor.reason}</span>, <span key="m" className="whitespace-normal">{factor.mitigation}</span>])}
          />
        </>
      ) : (
        <p className="text-sm text-slate-500">Not assessed yet.</p>
      )}
      {permissions.canManage ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <h3 className="mb-2 text-sm font-semibold">Update health and usage</h3>
          <HealthForm accountId={account.id} healthScore={account.healthScore} usagePct={account.usagePct} />
        </div>
      ) : null}
    </Panel>
  );
}

export function ExpansionPanel({ view }: { view: AccountView }) {
  const { account, permissions, expansion } = view;
  return (
    <Panel title="Expansion opportunity">
      <dl className="space-y-1 text-sm">
        <div className="flex justify-between gap-4"><dt className="text-slate-500">Estimated potential</dt><dd>{formatCentsWhole(expansion.potentialCents)}</dd></div>
        <div className="flex justify-between gap-4"><dt className="text-slate-500">Products not owned yet</dt><dd className="text-right">{expansion.products.join(", ") || "Owns the whole catalogue"}</dd></div>
        <div className="flex justify-between gap-4"><dt className="text-slate-500">Timing</dt><dd className="text-right">{expansion.timing}</dd></div>
      </dl>
      {expansion.openHandoffId ? (
        <p className="mt-3 text-sm">
          An <Link className="text-brand-700 hover:underline" href={`/handoffs/${expansion.openHandoffId}`}>Expansion handoff</Link> is open.
        </p>
      ) : permissions.canIdentifyExpansion ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <ExpansionForm accountId={account.id} potential={centsToInput(expansion.potentialCents)} />
        </div>
      ) : null}
    </Panel>
  );
}

export function StakeholdersPanel({ view }: { view: AccountView }) {
  return (
    <Panel title="Stakeholders">
      {view.contacts.length === 0 ? (
        <p className="text-sm text-slate-500">No stakeholders recorded yet; the AE adds them in the handoff checklist.</p>
      ) : (
        <SimpleTable
          caption="Stakeholders"
          headers={["Name", "Title", "Role", "Email", "Priority", "Notes"]}
          rows={view.contacts.map((c) => [c.name, c.title || "—", CONTACT_ROLE_LABELS[c.role], <a key="e" className="text-brand-700 hover:underline" href={`mailto:${c.email}`}>{c.email}</a>, PRIORITY_LABELS[c.priority], <span key="n" className="whitespace-normal">{c.notes || "—"}</span>])}
        />
      )}
    </Panel>
  );
}

export function ClosedWonAssetsPanel({ view }: { view: AccountView }) {
  return (
    <Panel title="Closed Won Assets">
      {view.closedWonAssets.length === 0 ? (
        <p className="text-sm text-slate-500">No signed contract, SOW or value projection uploaded yet.</p>
      ) : (
        <SimpleTable
          caption="Closed Won Assets"
          headers={["Document", "File", "Uploaded"]}
          rows={view.closedWonAssets.map((d) => [
            DOCUMENT_KIND_LABELS[d.kind],
            d.canDownload ? <a key="f" className="text-brand-700 hover:underline" href={`/api/documents/${d.id}`}>{d.originalName}</a> : <span key="f">{d.originalName} <span className="text-xs text-slate-500">(no access)</span></span>,
            `${formatDate(d.createdAt)} by ${d.uploadedByName} · ${Math.ceil(d.sizeBytes / 1024)} KB`,
          ])}
        />
      )}
    </Panel>
  );
}
