import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgeForm } from "@/components/handoffs/acknowledge-form";
import { CopyMarkdownButton, PrintButton } from "@/components/handoffs/copy-markdown-button";
import { HandoffDocumentView } from "@/components/handoffs/handoff-document-view";
import { formatDateTime } from "@/lib/format";
import { getHandoffDocument } from "@/lib/server/handoffs/handoff-document";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Handoff document" };

export default async function HandoffDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser();
  const { view, blocks, markdown } = await loadPage(() => getHandoffDocument(user, id));
  const { handoff } = view;
  return (
    <article aria-label="Handoff document" className="mx-auto max-w-4xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:p-6 print:border-0 print:p-0">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link href={`/handoffs/${handoff.id}`} className="text-brand-700 underline">← Back to the handoff</Link>
        <span className="flex gap-2"><PrintButton /><CopyMarkdownButton markdown={markdown} /></span>
      </div>
      <HandoffDocumentView blocks={blocks} />

      {handoff.acknowledgedAt ? (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">
          Acknowledged {formatDateTime(handoff.acknowledgedAt, view.timezone)} · rated {handoff.rating}/5{handoff.ratingComment ? ` — “${handoff.ratingComment}”` : ""}
        </p>
      ) : null}
      {view.permissions.acknowledge ? <AcknowledgeForm handoffId={handoff.id} /> : null}

      <details className="no-print">
        <summary className="cursor-pointer text-slate-600">Markdown (Handoff Complete format)</summary>
        <pre data-testid="handoff-markdown" className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">{markdown}</pre>
      </details>
    </article>
  );
}
