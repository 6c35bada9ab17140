import Link from "next/link";
import { CandidateCard } from "@/components/assignments/candidate-card";
import { DecisionForms } from "@/components/assignments/decision-forms";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Panel } from "@/components/ui/panel";
import { SimpleTable } from "@/components/ui/simple-table";
import { formatBusinessTimeLeft } from "@/lib/business-hours";
import { formatCentsWhole, formatDate, formatDateTime } from "@/lib/format";
import { HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import { unitsText } from "@/lib/assignment/score";
import type { AssignmentReview } from "@/lib/server/assignments/get-assignment-review";

const TOP_SHOWN = 3;

const DECISION_LABELS = { PENDING: "Awaiting review", APPROVED: "Approved", OVERRIDDEN: "Another CSM chosen", REJECTED: "Rejected" } as const;

function Facts({ review }: { review: AssignmentReview }) {
  const { account, handoff } = review;
  const deal = handoff?.deal ?? null;
  const facts: Array<[string, string]> = [
    ["Segment", SEGMENT_LABELS[account.segment]],
    ["Industry", account.industry],
    ["Region", `${account.region}${account.needsOnsite ? " (on-site work needed)" : ""}`],
    ["Timezone", account.timezone],
    ["Language", account.primaryLanguage],
    ["ARR checked against limits", review.snapshot ? formatCentsWhole(BigInt(review.snapshot.accountArrCents)) : "—"],
    ["Deal", deal ? `${deal.name} · ${formatCentsWhole(deal.amountCents)}` : "—"],
    ["Close date (effective date)", deal ? formatDate(deal.closeDate) : "—"],
    ["AE", deal?.owner.name ?? "—"],
    ["Handoff", handoff ? `${HANDOFF_TYPE_LABELS[handoff.type]} · ${HANDOFF_STATUS_LABELS[handoff.status]}` : "—"],
    ["72-hour clock", review.businessMsLeft === null ? "Stopped" : formatBusinessTimeLeft(review.businessMsLeft)],
    ["Products", review.snapshot?.products.map((product) => `${product.name}${product.technical ? " (certification needed)" : ""}`).join(", ") || "—"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-slate-500">{term}</dt>
          <dd className={term === "72-hour clock" && (review.businessMsLeft ?? 0) < 0 ? "font-semibold text-red-700" : "text-slate-900"}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Decision({ review }: { review: AssignmentReview }) {
  if (review.status === "PENDING") return null;
  const who = review.decidedBy?.name ?? "someone";
  const when = review.decidedAt ? formatDateTime(review.decidedAt, "UTC") : "";
  return (
    <section aria-labelledby="decision-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="decision-heading" tabIndex={-1} className="font-semibold">Decision: {DECISION_LABELS[review.status]}</h2>
      <FocusOnArrival id="decision-heading" />
      <p className="mt-1 text-sm text-slate-700">
        {review.status === "REJECTED"
          ? `Rejected by ${who} on ${when} UTC.`
          : `${review.chosenCsm?.name ?? "A CSM"} was assigned by ${who} on ${when} UTC, effective ${review.effectiveDate ? formatDate(review.effectiveDate) : "—"}.`}
      </p>
      {review.reason ? <p className="mt-1 text-sm text-slate-700">Reason: {review.reason}</p> : null}
      {review.nextPendingId ? (
        <p className="mt-2 text-sm">
          <Link href={`/assignments/${review.nextPendingId}`} className="text-brand-700 underline">Open the fresh suggestion for this handoff</Link>
        </p>
      ) : null}
    </section>
  );
}

export function ReviewView({ review }: { review: AssignmentReview }) {
  const snapshot = review.snapshot;
  const candidates = snapshot?.candidates ?? [];
  const top = candidates[0] ?? null;
  const accountArr = snapshot ? BigInt(snapshot.accountArrCents) : 0n;
  const option = (candidate: (typeof candidates)[number]) => ({ id: candidate.userId, name: candidate.name, score: unitsText(candidate.scoreUnits) });

  return (
    <div className="space-y-6">
      <Decision review={review} />
      <Panel title="Account and handoff">
        <Facts review={review} />
        {snapshot ? <p className="mt-3 text-xs text-slate-500">Suggestion made {formatDateTime(new Date(snapshot.computedAt), "UTC")} UTC; scores are as they were then, the books below are as they are now.</p> : null}
      </Panel>

      {snapshot?.rescored ? (
        <section aria-labelledby="rescored-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm">
          <h2 id="rescored-heading" className="font-semibold">Re-scored after a checklist change</h2>
          <p className="mt-1">The AE changed what the assignment depends on ({formatDateTime(new Date(snapshot.rescored.at), "UTC")} UTC); the candidates below are scored on the new facts.</p>
          <ul className="mt-1 list-disc pl-5">
            {snapshot.rescored.changes.map((change) => <li key={change.field}><strong>{change.field}</strong>: {change.from} → {change.to}</li>)}
          </ul>
          {snapshot.rescored.previousTop ? <p className="mt-1">Top candidate before: {snapshot.rescored.previousTop}.</p> : null}
        </section>
      ) : null}

      {snapshot?.noEligibleHint ? (
        <section aria-labelledby="hint-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="hint-heading" className="font-semibold text-amber-900">No eligible CSM</h2>
          <p className="mt-1 text-sm text-amber-900">{snapshot.noEligibleHint}</p>
          <p className="mt-1 text-sm text-amber-900">Once a limit is raised or someone is certified, reject this suggestion to get a fresh one.</p>
        </section>
      ) : null}

      {!snapshot ? <p className="text-slate-600">This assignment was recorded without a score breakdown.</p> : null}

      {candidates.length > 0 ? (
        <section aria-labelledby="top-candidates-heading" className="space-y-3">
          <h2 id="top-candidates-heading" className="text-lg font-semibold">Top candidates</h2>
          <div className="grid gap-4 lg:grid-cols-3">
            {candidates.slice(0, TOP_SHOWN).map((candidate) => (
              <CandidateCard
                key={candidate.userId}
                candidate={candidate}
                live={review.liveLoads[candidate.userId]}
                accountArrCents={accountArr}
                thresholds={review.thresholds}
                decided={review.status !== "PENDING"}
              />
            ))}
          </div>
          {snapshot && snapshot.totals.eligible > candidates.length ? (
            <p className="text-sm text-slate-600">
              {snapshot.totals.eligible} CSMs were eligible; the {candidates.length} best are kept with the suggestion and can be chosen below.
            </p>
          ) : null}
          {candidates.length > TOP_SHOWN ? (
            <Panel title="Other eligible CSMs">
              <SimpleTable
                caption="Other eligible CSMs"
                headers={["Rank", "CSM", "Score", "Accounts now", "ARR now"]}
                rows={candidates.slice(TOP_SHOWN).map((candidate) => {
                  const live = review.liveLoads[candidate.userId];
                  return [
                    String(candidate.rank),
                    candidate.name,
                    unitsText(candidate.scoreUnits),
                    live ? `${live.accounts}/${live.maxAccounts}` : "inactive",
                    live ? `${formatCentsWhole(live.arrCents)} of ${formatCentsWhole(live.maxArrCents)}` : "—",
                  ];
                })}
              />
            </Panel>
          ) : null}
        </section>
      ) : null}

      {snapshot && snapshot.excluded.length > 0 ? (
        <Panel title="Excluded CSMs">
          {snapshot.totals.excluded > snapshot.excluded.length ? (
            <>
              <p className="mb-2 text-sm text-slate-600">{snapshot.totals.excluded} CSMs failed a must-match rule. The commonest reasons:</p>
              <SimpleTable
                caption="Why CSMs were excluded"
                headers={["Reason", "CSMs"]}
                rows={snapshot.totals.reasons.map((entry) => [<span key="r" className="whitespace-normal">{entry.reason}</span>, String(entry.count)])}
              />
              <p className="mb-2 mt-4 text-sm text-slate-600">The {snapshot.excluded.length} closest to eligible (fewest reasons):</p>
            </>
          ) : null}
          <SimpleTable
            caption="Excluded CSMs"
            headers={["CSM", "Why not eligible"]}
            rows={snapshot.excluded.map((entry) => [entry.name, <span key="r" className="whitespace-normal">{entry.reasons.join("; ")}</span>])}
          />
        </Panel>
      ) : null}

      {review.status === "PENDING" ? (
        <section aria-labelledby="decide-heading" className="space-y-3">
          <h2 id="decide-heading" className="text-lg font-semibold">Decide</h2>
          <DecisionForms assignmentId={review.id} top={top ? option(top) : null} alternatives={candidates.slice(1).map(option)} />
        </section>
      ) : null}
    </div>
  );
}
