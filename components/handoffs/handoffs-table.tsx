"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";

export interface HandoffTableRow {
  id: string;
  accountName: string;
  dealName: string;
  amount: string;
  typeLabel: string;
  statusLabel: string;
  ownerName: string;
  dueAt: string;
  clock: string;
  overdue: boolean;
}

const helper = createColumnHelper<Features, HandoffTableRow>();

const columns = helper.columns([
  helper.accessor("accountName", { header: "Account", cell: (info) => <Link className="text-brand-700 hover:underline" href={`/handoffs/${info.row.original.id}`}>{info.getValue()}</Link> }),
  helper.accessor("dealName", { header: "Deal" }),
  helper.accessor("amount", { header: "ARR" }),
  helper.accessor("typeLabel", { header: "Type" }),
  helper.accessor("statusLabel", { id: "status", header: "Status" }),
  helper.accessor("ownerName", { header: "AE" }),
  helper.accessor("dueAt", { header: "Due" }),
  helper.accessor("clock", {
    header: "72-hour clock",
    cell: (info) => <span className={info.row.original.overdue ? "font-semibold text-red-700" : ""}>{info.getValue()}</span>,
  }),
]);

export function HandoffsTable({ rows }: { rows: HandoffTableRow[] }) {
  return <DataTable caption="Handoffs" columns={columns} data={rows} sortable={["status", "dueAt"]} getRowId={(row) => row.id} emptyMessage="No handoffs match these filters." />;
}
