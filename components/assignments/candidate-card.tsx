import { LoadMeter, type MeterThresholds } from "@/components/assignments/load-meter";
import { formatCentsWhole } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import type { SnapshotCandidate } from "@/lib/assignment/snapshot";
import { signedUnitsText, unitsText } from "@/lib/assignment/score";
import type { LiveLoad } from "@/lib/server/assignments/get-assignment-review";

/** One candidate: the score as suggested, every term of its breakdown, and the book now against its limits. */
export function CandidateCard({
  candidate,
  live,
  accountArrCents,
  thresholds,
  decided,
}: {
  candidate: SnapshotCandidate;
  live: LiveLoad | undefined;
  accountArrCents: bigint;
  thresholds: MeterThresholds;
  /** Once decided, the books already hold the account where it went: no "with this account" projection. */
  decided: boolean;
}) {
  const headingId = `candidate-${candidate.userId}`;
  return (
    <article aria-labelledby={headingId} className="flex flex-col rounded-lg border border-slate-200 bg-white">
      <header className="flex items-start justify-between gap-3 border-b border-slate-100 px-4 py-3">
        <div>
          <h3 id={headingId} className="font-semibold">
            {candidate.rank}. {candidate.name}
          </h3>
          <p className="text-xs text-slate-500">{SEGMENT_LABELS[candidate.tier]} tier</p>
        </div>
        <p className="text-right">
          <span className="block text-xs text-slate-500">Score</span>
          <span className="text-2xl font-semibold">{unitsText(candidate.scoreUnits)}</span>
        </p>
      </header>
      <table className="mx-4 my-3 text-sm">
        <caption className="sr-only">Score breakdown for {candidate.name}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="py-1 font-medium">Term</th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">Points</th>
            <th scope="col" className="py-1 font-medium">Why</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {candidate.breakdown.map((term) => (
            <tr key={term.key}>
              <th scope="row" className="whitespace-nowrap py-1 pr-2 text-left font-normal">{term.label}</th>
              <td className={`whitespace-nowrap py-1 pr-2 text-right tabular-nums ${term.points < 0 ? "text-red-700" : ""}`}>{signedUnitsText(term.units)}</td>
              <td className="py-1 text-slate-600">{term.detail}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-300 font-semibold">
            <th scope="row" className="py-1 text-left">Total</th>
            <td className="py-1 pr-2 text-right tabular-nums">{unitsText(candidate.scoreUnits)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <div className="mt-auto space-y-3 border-t border-slate-100 px-4 py-3">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Book now</p>
        {live ? (
          <>
            <LoadMeter
              label="Accounts"
              accessibleName={`Accounts for ${candidate.name}`}
              value={live.accounts}
              max={live.maxAccounts}
              valueText={`${live.accounts} of ${live.maxAccounts} accounts`}
              note={decided ? undefined : `With this account: ${live.accounts + 1}/${live.maxAccounts}`}
              thresholds={thresholds}
            />
            <LoadMeter
              label="ARR"
              accessibleName={`ARR for ${candidate.name}`}
              value={Number(live.arrCents / 100n)}
              max={Number(live.maxArrCents / 100n)}
              valueText={`${formatCentsWhole(live.arrCents)} of ${formatCentsWhole(live.maxArrCents)}`}
              note={decided ? undefined : `With this account: ${formatCentsWhole(live.arrCents + accountArrCents)}`}
              thresholds={thresholds}
            />
          </>
        ) : (
          <p className="text-sm text-red-700">{candidate.name} is no longer an active CSM.</p>
        )}
      </div>
    </article>
  );
}
