import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { Pagination } from "@/components/data-table/pagination";
import { FilterForm } from "@/components/ui/filter-form";
import { firstValues, type SearchParams } from "@/lib/paging";
import { AUDITED_ENTITY_TYPES, auditListParams, listAuditEvents } from "@/lib/server/audit-log/list-audit-events";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Audit log" };

const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";

function Filter({ id, name, label, value, type = "text", placeholder, list }: { id: string; name: string; label: string; value?: string; type?: string; placeholder?: string; list?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <input id={id} name={name} type={type} defaultValue={value} placeholder={placeholder} list={list} className={input} />
    </div>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = auditListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listAuditEvents(user, params));
  const rows = result.data.map((row) => ({
    id: row.id,
    at: row.at.toISOString().slice(0, 19).replace("T", " "),
    actor: row.actorName ? `${row.actorName} (${row.actorEmail})` : "System",
    action: row.action,
    recordType: row.recordType,
    // A record deleted since keeps its id, so the history link still finds it.
    recordName: row.record?.name ?? `${row.entityId} (no longer exists)`,
    recordHref: row.record?.href ?? null,
    historyHref: `/admin/audit?${new URLSearchParams({ entityType: row.entityType, entityId: row.entityId })}`,
    changes: row.changes,
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Audit log</h1>
      <p className="mb-4 text-sm text-slate-600">Every change Baton records, newest first. The log is append-only: the database refuses to change or delete an entry.</p>
      <FilterForm active={[params.entityType, params.entityId, params.actor, params.action, params.from, params.to].filter(Boolean).length}>
        <Filter id="audit-type" name="entityType" label="Record type" value={params.entityType} placeholder="Deal, Handoff, Setting…" list="audit-types" />
        <datalist id="audit-types">
          {AUDITED_ENTITY_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <Filter id="audit-id" name="entityId" label="Record id" value={params.entityId} />
        <Filter id="audit-actor" name="actor" label="Actor e-mail" value={params.actor} placeholder="or “system”" />
        <Filter id="audit-action" name="action" label="Action" value={params.action} placeholder="e.g. settings." />
        <Filter id="audit-from" name="from" label="From" type="date" value={params.from} />
        <Filter id="audit-to" name="to" label="To" type="date" value={params.to} />
      </FilterForm>
      <AuditTable rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
