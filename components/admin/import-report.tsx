import { SimpleTable } from "@/components/ui/simple-table";
import type { RowIssue } from "@/lib/imports/row-schemas";

/** The refused rows of an import: where, which field, why. */
export function ImportReport({ issues, errorRows }: { issues: RowIssue[]; errorRows: number }) {
  if (issues.length === 0) return <p className="text-sm text-emerald-700">Every row imported.</p>;
  return (
    <div className="space-y-2">
      <SimpleTable
        caption="Rows refused"
        headers={["Line", "Field", "Reason"]}
        rows={issues.map((issue) => [issue.line, <code key="field">{issue.field}</code>, issue.reason])}
      />
      {errorRows > new Set(issues.map((issue) => issue.line)).size ? (
        <p className="text-xs text-slate-500">The report keeps the first {issues.length} problems; {errorRows} rows were refused in all.</p>
      ) : null}
    </div>
  );
}
