import type { Metadata } from "next";
import { ImportRunsTable } from "@/components/admin/import-runs-table";
import { ImportUploader } from "@/components/admin/import-uploader";
import { Pagination } from "@/components/data-table/pagination";
import { Panel } from "@/components/ui/panel";
import { COLUMNS, EXPORT_KINDS, IMPORT_KINDS, KIND_KEYS, KIND_LABELS } from "@/lib/imports/formats";
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
              <dd><code className="break-all">{COLUMNS[kind].join(",")}</code></dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
