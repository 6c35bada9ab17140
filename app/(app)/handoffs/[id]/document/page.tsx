import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgeForm } from "@/components/handoffs/acknowledge-form";
import { CopyMarkdownButton, PrintButton } from "@/components/handoffs/copy-markdown-button";
import { ScrollArea } from "@/components/ui/scroll-area";
import { formatCents, formatDate, formatDateTime } from "@/lib/format";
import { getHandoffDocument } from "@/lib/server/handoffs/handoff-document";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Handoff document" };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="break-inside-avoid space-y-2 border-t border-slate-200 pt-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function List({ items, empty }: { items: string[]; empty: string }) {
  return items.length ? <ul className="list-disc pl-5">{items.map((item) => <li key={item}>{item}</li>)}</ul> : <p className="text-slate-500">{empty}</p>;
}

export default async function HandoffDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser();
  const { view, document, markdown } = await loadPage(() => getHandoffDocument(user, id));
  const { overview, context, implementation, expansionOpportunity } = document;
  const { handoff } = view;
  return (
    <article className="mx-auto max-w-4xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 text-sm print:border-0 print:p-0">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link href={`/handoffs/${handoff.id}`} className="text-brand-700 underline">← Back to the handoff</Link>
        <span className="flex gap-2"><PrintButton /><CopyMarkdownButton markdown={markdown} /></span>
      </div>
      <h1 className="text-2xl font-semibold">Handoff document: {overview.accountName}</h1>

      <Section title="Overview">
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {[
            ["Deal value", `${formatCents(overview.dealValueCents)} ARR`],
            ["Contract term", `${overview.contractTermMonths} months`],
            ["Close date", formatDate(overview.closeDate)],
            ["Renewal date", formatDate(overview.renewalDate)],
            ["Products", overview.products.join(", ") || "—"],
          ].map(([label, value]) => (
            <div key={label} className="flex justify-between gap-3"><dt className="text-slate-500">{label}</dt><dd>{value}</dd></div>
          ))}
        </dl>
      </Section>

      <Section title="Stakeholders">
        <ScrollArea label="Stakeholders">
        <table className="min-w-full">
          <caption className="sr-only">Stakeholders</caption>
          <thead><tr className="text-left text-slate-500">{["Name", "Title", "Role", "Email", "Priority", "Notes"].map((h) => <th key={h} scope="col" className="pr-3">{h}</th>)}</tr></thead>
          <tbody>{document.stakeholders.map((s) => <tr key={s.email}><td className="pr-3">{s.name}</td><td className="pr-3">{s.title}</td><td className="pr-3">{s.role}</td><td className="pr-3">{s.email}</td><td className="pr-3">{s.priority}</td><td>{s.notes}</td></tr>)}</tbody>
        </table>
        </ScrollArea>
      </Section>

      <Section title="Success criteria">
        <ol className="list-decimal pl-5">{document.successCriteria.map((c) => <li key={c.metric}>{c.metric}: from {c.baseline} to {c.target} by {c.dueBy}</li>)}</ol>
      </Section>

      <Section title="Implementation">
        <p>Timeline: {implementation.start ?? "—"} → {implementation.goLive ?? "—"}</p>
        {implementation.notes ? <p className="whitespace-pre-line">{implementation.notes}</p> : null}
        <h3 className="font-medium">Requirements</h3>
        <List items={implementation.requirements} empty="None recorded." />
        <h3 className="font-medium">Integrations</h3>
        <List items={implementation.integrations} empty="None." />
      </Section>

      <Section title="Context">
        <p><span className="text-slate-500">Why they bought:</span> {context.whyTheyBought || "—"}</p>
        <p><span className="text-slate-500">Competitor considered:</span> {context.competitorConsidered || "None"}</p>
        <h3 className="font-medium">Pain points</h3>
        <List items={context.painPoints} empty="None recorded." />
        <h3 className="font-medium">Risks identified</h3>
        <List items={context.risksIdentified.map((r) => `${r.description} (${r.severity.toLowerCase()}) — ${r.mitigation}`)} empty="None recorded." />
      </Section>

      <Section title="Expansion opportunity">
        <p>Estimated potential: {formatCents(expansionOpportunity.potentialCents)}</p>
        <p>Products: {expansionOpportunity.products.join(", ") || "—"}</p>
        <p>Timing: {expansionOpportunity.timing}</p>
      </Section>

      {handoff.acknowledgedAt ? (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">
          Acknowledged {formatDateTime(handoff.acknowledgedAt, view.timezone)} · rated {handoff.rating}/5{handoff.ratingComment ? ` — “${handoff.ratingComment}”` : ""}
        </p>
      ) : null}
      {view.permissions.acknowledge ? <AcknowledgeForm handoffId={handoff.id} /> : null}

      <details className="no-print">
        <summary className="cursor-pointer text-slate-600">Markdown (Handoff Complete format)</summary>
        <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">{markdown}</pre>
      </details>
    </article>
  );
}
