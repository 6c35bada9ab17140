import { Panel } from "@/components/ui/panel";
import { SimpleTable } from "@/components/ui/simple-table";
import type { PreviewTarget, SuggestionPreview } from "@/lib/server/settings/preview-suggestion";

/** The engine's ranking with the rules in force for one pending handoff, to see what a weight change does. */
export function SuggestionPreviewPanel({ targets, preview }: { targets: PreviewTarget[]; preview: SuggestionPreview | null }) {
  return (
    <Panel title="Suggestion preview">
      <p className="mb-3 text-sm text-slate-600">
        The CSM suggestion engine run now, with the rules below, for a handoff waiting on a CS manager. Nothing is
        stored: save a scoring weight and this ranking changes; pending suggestions keep the ranking they were made with.
      </p>
      {targets.length === 0 ? (
        <p className="text-sm text-slate-500">No pending suggestion to preview.</p>
      ) : (
        <form method="get" className="mb-3 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="preview-target" className="block text-sm font-medium text-slate-700">Handoff to preview</label>
            <select id="preview-target" name="preview" defaultValue={preview?.assignmentId} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              {targets.map((target) => (
                <option key={target.assignmentId} value={target.assignmentId}>{target.accountName}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white">Preview</button>
        </form>
      )}
      {preview ? (
        preview.candidates.length === 0 ? (
          <p className="text-sm text-slate-600">{preview.noEligibleHint ?? "No eligible CSM."}</p>
        ) : (
          <SimpleTable
            caption={`Suggested CSMs for ${preview.accountName}`}
            headers={["Rank", "CSM", "Score", "Breakdown"]}
            rows={preview.candidates.slice(0, 5).map((candidate) => [
              candidate.rank,
              candidate.name,
              <span key="score" className="font-mono">{candidate.score.toFixed(2)}</span>,
              <span key="terms" className="text-xs text-slate-500">
                {candidate.breakdown.filter((term) => term.points !== 0).map((term) => `${term.label} ${term.points > 0 ? "+" : ""}${term.points}`).join(" · ")}
              </span>,
            ])}
          />
        )
      ) : null}
    </Panel>
  );
}
