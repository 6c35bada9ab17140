"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";

export interface AuditTableRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  details: string;
}

const helper = createColumnHelper<Features, AuditTableRow>();

const columns = helper.columns([
  helper.accessor("at", { header: "When (UTC)" }),
  helper.accessor("actor", { header: "Actor" }),
  helper.accessor("action", { header: "Action", cell: (info) => <code>{info.getValue()}</code> }),
  helper.display({
    id: "record",
    header: "Record",
    cell: (info) => {
      const { entityType, entityId } = info.row.original;
      const href = `/admin/audit?${new URLSearchParams({ entityType, entityId }).toString()}`;
      return (
        <Link href={href} className="text-brand-700 hover:underline" title="Only this record's history">
          {entityType} {entityId}
        </Link>
      );
    },
  }),
  helper.accessor("details", {
    header: "Details",
    cell: (info) =>
      info.getValue() === "{}" ? (
        <span className="text-slate-400">—</span>
      ) : (
        <details>
          <summary className="cursor-pointer text-xs text-slate-600">{info.getValue().slice(0, 60)}{info.getValue().length > 60 ? "…" : ""}</summary>
          <pre className="mt-1 max-w-xl whitespace-pre-wrap break-all text-xs">{info.getValue()}</pre>
        </details>
      ),
  }),
]);

export function AuditTable({ rows }: { rows: AuditTableRow[] }) {
  return <DataTable caption="Audit log" columns={columns} data={rows} sortable={["at"]} getRowId={(row) => row.id} emptyMessage="No audit events match these filters." />;
}
