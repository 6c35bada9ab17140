"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";
import type { AuditChange } from "@/lib/audit/changes";

export interface AuditTableRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  recordType: string;
  recordName: string;
  recordHref: string | null;
  historyHref: string;
  changes: AuditChange[];
}

const helper = createColumnHelper<Features, AuditTableRow>();

function Changes({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {changes.map((change, index) => (
        <li key={`${change.field}-${index}`}>
          <span className="font-medium text-slate-800">{change.field}:</span>{" "}
          {change.before === undefined ? (
            <span>{change.after}</span>
          ) : (
            <>
              <del className="text-slate-600">{change.before}</del> <span aria-hidden>→</span>
              <span className="sr-only">changed to</span> <ins className="font-medium text-slate-900 no-underline">{change.after}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

const columns = helper.columns([
  helper.accessor("at", { header: "When (UTC)" }),
  helper.display({
    id: "record",
    header: "Record",
    meta: { wrap: true },
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="block">
          <span className="block text-xs text-slate-600">{row.recordType}</span>
          {row.recordHref ? (
            <Link href={row.recordHref} prefetch={false} className="text-brand-700 hover:underline">{row.recordName}</Link>
          ) : (
            <span>{row.recordName}</span>
          )}{" "}
          <Link href={row.historyHref} prefetch={false} className="text-xs text-slate-600 underline" aria-label={`History of ${row.recordName}`}>
            History
          </Link>
        </span>
      );
    },
  }),
  helper.accessor("action", { header: "Action", cell: (info) => <code>{info.getValue()}</code> }),
  helper.display({ id: "changes", header: "Changes", meta: { wrap: true }, cell: (info) => <Changes changes={info.row.original.changes} /> }),
  helper.accessor("actor", { header: "Actor", meta: { priority: "secondary", wrap: true } }),
]);

export function AuditTable({ rows }: { rows: AuditTableRow[] }) {
  return <DataTable caption="Audit log" columns={columns} data={rows} sortable={["at"]} getRowId={(row) => row.id} emptyMessage="No audit events match these filters." />;
}
