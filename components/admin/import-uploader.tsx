"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { ImportReport } from "@/components/admin/import-report";
import { FormMessages } from "@/components/forms/form-messages";
import { Button } from "@/components/ui/button";
import { IMPORT_KINDS, KIND_LABELS, type ImportKind } from "@/lib/imports/formats";
import type { RowIssue } from "@/lib/imports/row-schemas";

interface RunState {
  id: string;
  status: "RUNNING" | "DONE" | "FAILED";
  fileName: string;
  totalRows: number;
  doneRows: number;
  okRows: number;
  errorRows: number;
  issues: RowIssue[];
}

const POLL_MS = 600;

/** Upload a CSV, watch its progress, read its per-row report. */
export function ImportUploader() {
  const router = useRouter();
  const [kind, setKind] = useState<ImportKind>("accounts");
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [run, setRun] = useState<RunState | null>(null);
  const [runId, setRunId] = useState<string | null>(null);

  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    const poll = async () => {
      const response = await fetch(`/api/admin/imports/${runId}`, { cache: "no-store" });
      const body = await response.json();
      if (stopped) return;
      if (!response.ok) {
        setError(body.message ?? "Could not read the import's progress.");
        return;
      }
      setRun(body);
      if (body.status === "RUNNING") setTimeout(poll, POLL_MS);
      else router.refresh();
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [runId, router]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    setError(null);
    setRun(null);
    setRunId(null);
    if (!(file instanceof File) || file.size === 0) {
      setError("Choose a CSV file to import.");
      return;
    }
    setUploading(true);
    try {
      const response = await fetch(`/api/admin/imports?kind=${kind}`, {
        method: "POST",
        headers: { "content-type": "text/csv", "x-file-name": encodeURIComponent(file.name) },
        body: file,
      });
      const body = await response.json();
      if (!response.ok) setError(body.message ?? "The upload failed.");
      else setRunId(body.runId);
    } catch {
      setError("The upload failed; check your connection and try again.");
    } finally {
      setUploading(false);
    }
  }

  const percent = run && run.totalRows > 0 ? Math.round((run.doneRows / run.totalRows) * 100) : 0;
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="import-kind" className="block text-sm font-medium text-slate-700">File type</label>
          <select id="import-kind" value={kind} onChange={(event) => setKind(event.target.value as ImportKind)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            {IMPORT_KINDS.map((value) => (
              <option key={value} value={value}>{`${KIND_LABELS[value]} (${value}.csv)`}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">CSV file</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" className="text-sm" />
        </div>
        <Button type="submit" disabled={uploading || run?.status === "RUNNING"}>{uploading ? "Uploading…" : "Import"}</Button>
      </form>
      <FormMessages error={error} message={null} />
      {run ? (
        <section aria-labelledby="import-progress-heading" className="space-y-3 rounded-md border border-slate-200 p-3">
          <h3 id="import-progress-heading" className="font-medium">{run.fileName}</h3>
          <progress aria-label="Import progress" value={run.doneRows} max={Math.max(run.totalRows, 1)} className="h-3 w-full" />
          <p role="status" className="text-sm text-slate-700">
            {run.status === "RUNNING"
              ? `${run.doneRows} of ${run.totalRows} rows (${percent}%)…`
              : run.status === "DONE"
                ? `Finished: ${run.okRows} of ${run.totalRows} rows imported, ${run.errorRows} refused.`
                : `The import stopped: ${run.okRows} rows imported, ${run.errorRows} refused.`}
          </p>
          {run.status !== "RUNNING" ? (
            <>
              <ImportReport issues={run.issues} errorRows={run.errorRows} />
              <Link href={`/admin/imports/${run.id}`} className="text-sm text-brand-700 hover:underline">Open the full report</Link>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
