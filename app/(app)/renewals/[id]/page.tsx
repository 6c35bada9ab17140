import type { Metadata } from "next";
import Link from "next/link";
import { ContractTermsForm, DecideCheckpointForm, OverrideForecastForm, RecordCheckpointForm, SetForecastForm } from "@/components/forecast/forecast-forms";
import { FactList } from "@/components/ui/fact-list";
import { Panel } from "@/components/ui/panel";
import { SimpleTable } from "@/components/ui/simple-table";
import { toIsoDate } from "@/lib/dates";
import { CATEGORY_LABELS, OUTCOME_LABELS } from "@/lib/forecast/categories";
import { centsToDollarsInput, CHECKPOINT_STATUS_LABELS } from "@/lib/forecast/display";
import { formatCents, formatDate } from "@/lib/format";
import { RENEWAL_STAGE_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import { getRenewalForecast } from "@/lib/server/forecast/get-renewal-forecast";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Renewal" };

export default async function RenewalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser();
  const { renewal, checkpoints, can } = await loadPage(() => getRenewalForecast(user, id));
  const { call, stored, likelihood } = renewal;
  const defaults = { category: call.category, amount: centsToDollarsInput(call.amountCents), outcome: call.outcome };
  const csmCall = stored ? { category: stored.category, amount: centsToDollarsInput(stored.amountCents), outcome: stored.outcome } : defaults;
  const facts: [string, string][] = [
    ["Account", renewal.accountName],
    ["Segment", SEGMENT_LABELS[renewal.segment]],
    ["Stage", RENEWAL_STAGE_LABELS[renewal.stage]],
    ["ARR up for renewal", formatCents(renewal.baseCents)],
    ["Renewal date", formatDate(renewal.renewalDate)],
    ["Decision date", `${formatDate(renewal.decisionDate)}${renewal.noticeDays ? ` (${renewal.noticeDays} days' notice)` : ""}`],
    ["CSM", renewal.csmName ?? "Unassigned"],
    ["AE", renewal.aeName ?? "—"],
  ];
  const forecastFacts: [string, string][] = [
    ["Forecast", `${CATEGORY_LABELS[call.category]} · ${formatCents(call.amountCents)} · ${OUTCOME_LABELS[call.outcome]}${call.overridden ? " (CS manager's override)" : call.set ? "" : " (not called yet: flat with uplift)"}`],
    ["CSM's call", stored && stored.setByName ? `${CATEGORY_LABELS[stored.category]} · ${formatCents(stored.amountCents)} · ${OUTCOME_LABELS[stored.outcome]} — ${stored.setByName}, ${formatDate(stored.setAt)}` : "Not called yet"],
    ["Override", stored?.overrideCategory ? `${CATEGORY_LABELS[stored.overrideCategory]} · ${formatCents(stored.overrideAmountCents ?? stored.amountCents)} — ${stored.overrideByName ?? "a CS manager"}, ${stored.overrideAt ? formatDate(stored.overrideAt) : ""}: ${stored.overrideReason ?? ""}` : "None"],
    ["Next step", stored?.nextStep ? `${stored.nextStep}${stored.nextStepDate ? ` (by ${formatDate(stored.nextStepDate)})` : ""}` : "—"],
  ];
  const termsFacts: [string, string][] = [
    ["Auto-renew", renewal.autoRenew ? "Yes" : "No"],
    ["Notice period", renewal.noticeDays ? `${renewal.noticeDays} days` : "None"],
    ["Price uplift", `${renewal.upliftPct}% (${formatCents(renewal.upliftCents)})`],
    ["Term", `${renewal.contractTermMonths} months`],
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold break-words">{renewal.name}</h1>
        <p className="text-sm text-slate-600">
          <Link href={`/accounts/${renewal.accountId}`} className="text-brand-700 underline">Open the account</Link> · <Link href="/forecast" className="text-brand-700 underline">Forecast</Link>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Renewal">
          <FactList facts={facts} />
        </Panel>
        <Panel title="Baton's call">
          <p className="text-sm">
            Likelihood <strong>{likelihood.score}</strong>/100 · <strong>{CATEGORY_LABELS[likelihood.category]}</strong>
          </p>
          {likelihood.reasons.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No signal moved it from the starting score.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm" aria-label="What moved Baton's likelihood">
              {likelihood.reasons.map((reason) => (
                <li key={reason.signal}>
                  <span className={reason.points < 0 ? "text-red-700" : "text-emerald-700"}>{reason.points > 0 ? `+${reason.points}` : reason.points}</span> {reason.text}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
      <Panel title="Forecast">
        <FactList facts={forecastFacts} />
        {can.setForecast ? (
          <div className="mt-4">
            <SetForecastForm renewalId={renewal.id} call={csmCall} nextStep={stored?.nextStep ?? ""} nextStepDate={stored?.nextStepDate ? toIsoDate(stored.nextStepDate) : ""} />
          </div>
        ) : null}
        {can.override ? (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <OverrideForecastForm renewalId={renewal.id} call={defaults} />
          </div>
        ) : null}
      </Panel>
      <Panel title="Checkpoints">
        {checkpoints.length === 0 ? (
          <p className="text-sm text-slate-600">No checkpoint has opened yet: they open 180 and 90 days before the decision date.</p>
        ) : (
          <div className="space-y-4">
            <SimpleTable
              caption="Forecast checkpoints"
              headers={["Checkpoint", "Due", "Status", "CSM's call", "Baton's call", { label: "Decision", priority: "optional" }]}
              rows={checkpoints.map((checkpoint) => [
                `${checkpoint.daysBefore} days`,
                formatDate(checkpoint.dueDate),
                `${CHECKPOINT_STATUS_LABELS[checkpoint.status]}${checkpoint.escalatedAt && checkpoint.status === "OPEN" ? " (escalated)" : ""}`,
                checkpoint.csmCategory ? `${CATEGORY_LABELS[checkpoint.csmCategory]} · ${formatCents(checkpoint.csmAmountCents ?? 0n)}` : "—",
                checkpoint.batonCategory ? `${CATEGORY_LABELS[checkpoint.batonCategory]} (${checkpoint.batonScore})` : "—",
                checkpoint.decidedCategory ? `${CATEGORY_LABELS[checkpoint.decidedCategory]} · ${formatCents(checkpoint.decidedAmountCents ?? 0n)} — ${checkpoint.decidedByName ?? ""}: ${checkpoint.decisionReason ?? ""}` : "—",
              ])}
            />
            {checkpoints.map((checkpoint) =>
              checkpoint.status === "OPEN" && can.recordCheckpoint ? (
                <RecordCheckpointForm key={checkpoint.id} checkpointId={checkpoint.id} daysBefore={checkpoint.daysBefore} call={csmCall} />
              ) : checkpoint.status === "AWAITING_MANAGER" && can.decideCheckpoint ? (
                <DecideCheckpointForm key={checkpoint.id} checkpointId={checkpoint.id} daysBefore={checkpoint.daysBefore} call={{ category: checkpoint.batonCategory ?? call.category, amount: defaults.amount }} />
              ) : null,
            )}
          </div>
        )}
      </Panel>
      <Panel title="Contract terms">
        <FactList facts={termsFacts} />
        {can.editTerms ? (
          <div className="mt-4">
            <ContractTermsForm renewalId={renewal.id} autoRenew={renewal.autoRenew} noticeDays={renewal.noticeDays ? String(renewal.noticeDays) : ""} upliftPct={String(renewal.upliftPct)} />
          </div>
        ) : null}
      </Panel>
    </div>
  );
}
