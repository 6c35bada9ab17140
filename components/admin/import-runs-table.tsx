"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";

export interface ImportRunTableRow {
  id: string;
  when: string;
  kind: string;
  fileName: string;
  status: string;
  rows: string;
  createdByName: string;
}

const helper = createColumnHelper<Features, ImportRunTableRow>();

const columns = helper.columns([
  helper.accessor("when", { id: "createdAt", header: "Started" }),
  helper.accessor("kind", { header: "Type" }),
  helper.accessor("fileName", { header: "File" }),
  helper.accessor("status", { header: "Status" }),
  helper.accessor("rows", { header: "Imported / refused / total" }),
  helper.accessor("createdByName", { header: "By" }),
  helper.display({
    id: "report",
    header: "Report",
    cell: (info) => (
      <Link href={`/admin/imports/${info.row.original.id}`} className="text-brand-700 hover:underline" aria-label={`Report of ${info.row.original.fileName}`}>
        Report
      </Link>
    ),
  }),
]);

export function ImportRunsTable({ rows }: { rows: ImportRunTableRow[] }) {
  return <DataTable caption="Recent imports" columns={columns} data={rows} sortable={["createdAt"]} getRowId={(row) => row.id} emptyMessage="No imports yet." />;
}
