"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

const KINDS = [
  { value: "SIGNED_CONTRACT", label: "Signed contract" },
  { value: "SOW", label: "Statement of work (SOW)" },
  { value: "VALUE_PROJECTION", label: "Value projection" },
] as const;

export interface DocumentsPanelProps {
  handoffId: string;
  canUpload: boolean;
  documents: { id: string; kind: string; originalName: string; sizeBytes: number; tags: string[] }[];
}

export function DocumentsPanel({ handoffId, canUpload, documents }: DocumentsPanelProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const have = new Set(documents.map((document) => document.kind));

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!data.get("kind")) return setError("Choose what the document is.");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a file to upload.");
    setBusy(true);
    try {
      const response = await fetch(`/api/handoffs/${handoffId}/documents`, { method: "POST", body: data });
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      if (!response.ok) return setError(body.message ?? "The upload failed.");
      (event.target as HTMLFormElement).reset();
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Upload the signed contract, the SOW and the value projection. PDF, Word or Excel, up to 20 MB each; they are tagged “Closed Won Assets” on the account.</p>
      <ul className="space-y-1 text-sm">
        {KINDS.map((kind) => (
          <li key={kind.value}>
            <span aria-hidden>{have.has(kind.value) ? "✓" : "○"}</span> {kind.label}:{" "}
            {documents.filter((d) => d.kind === kind.value).map((d) => (
              <a key={d.id} className="mr-2 text-brand-700 underline" href={`/api/documents/${d.id}`}>
                {d.originalName} ({Math.ceil(d.sizeBytes / 1024)} KB · {d.tags.join(", ")})
              </a>
            ))}
            {!have.has(kind.value) ? <span className="text-slate-500">missing</span> : null}
          </li>
        ))}
      </ul>
      {canUpload ? (
        <form onSubmit={upload} className="flex flex-wrap items-end gap-3" noValidate>
          <div>
            <label htmlFor="document-kind" className="block text-sm font-medium text-slate-700">Document type</label>
            <select id="document-kind" name="kind" className="rounded-md border border-slate-300 px-3 py-2 text-sm" defaultValue="">
              <option value="">Choose…</option>
              {KINDS.map((kind) => <option key={kind.value} value={kind.value}>{kind.label}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="document-file" className="block text-sm font-medium text-slate-700">File</label>
            <input id="document-file" name="file" type="file" accept=".pdf,.docx,.xlsx" className="text-sm" />
          </div>
          <Button type="submit" disabled={busy}>{busy ? "Uploading…" : "Upload"}</Button>
          {error ? <p role="alert" className="w-full text-sm text-red-700">{error}</p> : null}
        </form>
      ) : null}
    </div>
  );
}
