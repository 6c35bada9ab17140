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

// The clock comes right after the account: it is what decides the next step, so it stays on screen at any width.
const columns = helper.columns([
  helper.accessor("accountName", { header: "Account", meta: { wrap: true }, cell: (info) => <Link className="text-brand-700 hover:underline" href={`/handoffs/${info.row.original.id}`}>{info.getValue()}</Link> }),
  helper.accessor("clock", {
    header: "72-hour clock",
    cell: (info) => <span className={info.row.original.overdue ? "font-semibold text-red-700" : ""}>{info.getValue()}</span>,
  }),
  helper.accessor("statusLabel", { id: "status", header: "Status", meta: { priority: "secondary" } }),
  helper.accessor("dueAt", { header: "Due", meta: { priority: "secondary" } }),
  helper.accessor("amount", { header: "ARR", meta: { priority: "secondary" } }),
  helper.accessor("dealName", { header: "Deal", meta: { priority: "optional", wrap: true } }),
  helper.accessor("typeLabel", { header: "Type", meta: { priority: "optional" } }),
  helper.accessor("ownerName", { header: "AE", meta: { priority: "optional" } }),
]);

export function HandoffsTable({ rows }: { rows: HandoffTableRow[] }) {
  return <DataTable caption="Handoffs" columns={columns} data={rows} sortable={["status", "dueAt"]} getRowId={(row) => row.id} emptyMessage="No handoffs match these filters." />;
}
