import Link from "next/link";
import { DrillTable } from "@/components/dashboard/drill-table";
import { csvHref } from "@/components/dashboard/links";
import { Pagination } from "@/components/data-table/pagination";
import { cutQuery, type DrillParams } from "@/lib/dashboard/params";
import { periodLabel } from "@/lib/dashboard/period";
import { formatCell } from "@/lib/dashboard/format-cell";
import type { DrillResult } from "@/lib/server/dashboard/list-drill-rows";

/** The rows behind a dashboard figure, with their totals over every page and a CSV of all of them. */
export function DrillView({ result, params, backHref }: { result: DrillResult; params: DrillParams; backHref?: string }) {
  const totals = result.columns.filter((column) => column.total);
  const focus = params.focus ? { focus: params.focus } : {};
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm">
          <Link href={backHref ?? `/dashboard${cutQuery(params)}`} className="text-brand-700 underline">← Back to the dashboard</Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">{result.title}</h1>
        <p className="text-slate-600">
          {result.pointInTime
            ? "As of today"
            : periodLabel(result.period)}
        </p>
        <p className="mt-1 text-sm text-slate-600">These rows add up to the dashboard: {result.adds}.</p>
      </div>
      <section aria-labelledby="drill-totals" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="drill-totals" className="font-medium">Totals over all {result.count} rows</h2>
        <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
          <div>
            <dt className="text-slate-500">Rows</dt>
            <dd className="font-semibold">{result.count}</dd>
          </div>
          {totals.map((column) => (
            <div key={column.key}>
              <dt className="text-slate-500">Σ {column.label}</dt>
              <dd className="font-semibold tabular-nums">{formatCell(column.kind === "bool" ? "int" : column.kind, result.totals[column.key] ?? 0)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm">
          <a href={csvHref(result.table, params, { ...focus, sort: params.sort, dir: params.sort ? params.dir : undefined })} className="underline">
            Download all rows as CSV
          </a>
        </p>
      </section>
      <DrillTable caption={result.title} columns={result.columns} rows={result.data} timezone={result.timezone} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </div>
  );
}
