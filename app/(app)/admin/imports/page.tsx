import type { Metadata } from "next";
import { ImportRunsTable } from "@/components/admin/import-runs-table";
import { ImportUploader } from "@/components/admin/import-uploader";
import { Pagination } from "@/components/data-table/pagination";
import { Panel } from "@/components/ui/panel";
import { COLUMNS, EXPORT_KINDS, IMPORT_KINDS, KIND_KEYS, KIND_LABELS, OPTIONAL_COLUMNS } from "@/lib/imports/formats";
import { firstValues, type SearchParams } from "@/lib/paging";
import { importRunListParams, listImportRuns } from "@/lib/server/imports/import-runs";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Imports" };

const STATUS = { RUNNING: "Running", DONE: "Done", FAILED: "Failed" } as const;

export default async function ImportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = importRunListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const runs = await loadPage(() => listImportRuns(user, params));
  const rows = runs.data.map((run) => ({
    id: run.id,
    when: run.createdAt.toISOString().slice(0, 16).replace("T", " "),
    kind: run.kind,
    fileName: run.fileName,
    status: STATUS[run.status],
    rows: `${run.okRows} / ${run.errorRows} / ${run.totalRows}`,
    createdByName: run.createdByName ?? "command line",
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Imports and exports</h1>
      <p className="mb-4 text-sm text-slate-600">
        CSV, UTF-8, with a header row; lists separated by <code>;</code>, dates <code>YYYY-MM-DD</code>, money in dollars. Re-importing a
        file updates rows by their key; a bad row is reported and writes nothing while the rest import. Bulk loads can also run as{" "}
        <code>npm run import -- &lt;type&gt; &lt;file&gt;</code>.
      </p>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Panel title="Import a file">
          <ImportUploader />
        </Panel>
        <Panel title="Export">
          <ul className="space-y-1 text-sm">
            {EXPORT_KINDS.map((kind) => (
              <li key={kind}>
                <a href={`/api/admin/exports/${kind}`} className="text-brand-700 hover:underline" download>
                  Download {KIND_LABELS[kind].toLowerCase()} ({kind}.csv)
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-500">Exports use the import columns, so an exported file imports back unchanged.</p>
        </Panel>
      </div>
      <section aria-labelledby="ledger-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="ledger-heading" className="mb-2 text-lg font-semibold">How revenue is counted (the ARR ledger)</h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-700">
          <li>
            ARR comes from contracts. A new-business deal closed won writes its <strong>new</strong> movement, an expansion deal its{" "}
            <strong>expansion</strong> movement, of the deal&apos;s ARR dated at its contract start — once per deal, whether it closes in Baton,
            in <code>deals.csv</code>, through the API or from the CRM.
          </li>
          <li>
            A row of <code>arr_movements.csv</code> that names its deal in <code>deal_external_id</code> is that deal&apos;s movement, never a
            second one: for a new-business or expansion deal of the same kind it is the deal&apos;s one contract movement (billing&apos;s date and
            amount replace Baton&apos;s); for any other deal, its movement of that type on that date. A row naming no deal is a movement of its own;
            an identical row already stored is that movement. <strong>If billing also sends the revenue of deals closed in Baton, name the deal</strong>,
            or it is counted twice.
          </li>
          <li>
            A renewal closed won at P leaves that contract&apos;s ARR at exactly P (a renewal at P plus an expansion or contraction of the
            difference, dated at the renewal date) and opens the next term. Closed lost, it churns the account (or contracts it when another
            contract remains) with a reason.
          </li>
          <li>
            No account&apos;s ARR may fall below zero on any date, and a churn leaves exactly zero: a row that would break this — a back-dated
            expansion before a churn, say — is refused with its line, field and reason, and writes nothing.
          </li>
          <li>
            ARR is as of today: movements dated later are contracted and count from their date. A deal that arrives already closed won starts
            its 72 business hours at <code>closed_at</code>, else at the end of its close date in company time, never later than it arrived.
          </li>
        </ul>
      </section>
      <section aria-labelledby="runs-heading" className="mt-6">
        <h2 id="runs-heading" className="mb-3 text-lg font-semibold">Recent imports</h2>
        <ImportRunsTable rows={rows} />
        <Pagination currentPage={runs.currentPage} totalPages={runs.totalPages} count={runs.count} />
      </section>
      <details className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <summary className="cursor-pointer font-medium">File formats</summary>
        <dl className="mt-3 space-y-2">
          {IMPORT_KINDS.map((kind) => (
            <div key={kind}>
              <dt className="font-medium">{kind}.csv <span className="font-normal text-slate-500">(key: {KIND_KEYS[kind]})</span></dt>
              <dd>
                <code className="break-all">{COLUMNS[kind].filter((column) => !OPTIONAL_COLUMNS[kind]?.includes(column)).join(",")}</code>
                {OPTIONAL_COLUMNS[kind]?.length ? <span className="text-slate-500"> — optional: <code>{OPTIONAL_COLUMNS[kind]?.join(",")}</code></span> : null}
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
