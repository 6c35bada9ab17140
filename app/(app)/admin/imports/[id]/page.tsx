import type { Metadata } from "next";
import Link from "next/link";
import { ImportReport } from "@/components/admin/import-report";
import { Stat } from "@/components/ui/stat";
import { getImportRun } from "@/lib/server/imports/import-runs";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Import report" };

export default async function ImportReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser();
  const run = await loadPage(() => getImportRun(user, id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/imports" className="text-brand-700 hover:underline">← Imports</Link>
      </p>
      <h1 className="mb-1 text-2xl font-semibold">Import of {run.fileName}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {run.kind}.csv · started {run.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC by {run.createdByName ?? "the command line"} ·{" "}
        {run.status === "RUNNING" ? "still running" : run.status === "DONE" ? "finished" : "stopped"}
      </p>
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Stat label="Rows in the file" value={String(run.totalRows)} />
        <Stat label="Imported" value={String(run.okRows)} tone="good" />
        <Stat label="Refused" value={String(run.errorRows)} tone={run.errorRows > 0 ? "bad" : undefined} />
      </div>
      <ImportReport issues={run.issues} errorRows={run.errorRows} />
    </>
  );
}
