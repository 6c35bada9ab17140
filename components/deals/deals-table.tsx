"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";

export interface DealTableRow {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  stageLabel: string;
  amount: string;
  closeDate: string;
  ownerName: string;
  handoffId: string | null;
}

const helper = createColumnHelper<Features, DealTableRow>();

const columns = helper.columns([
  helper.accessor("name", {
    header: "Deal",
    meta: { wrap: true },
    cell: (info) => <Link className="text-brand-700 hover:underline" href={`/deals/${info.row.original.id}`}>{info.getValue()}</Link>,
  }),
  helper.accessor("stageLabel", { id: "stage", header: "Stage" }),
  helper.accessor("closeDate", { header: "Close date" }),
  helper.accessor("amount", { id: "amountCents", header: "ARR", meta: { priority: "secondary" } }),
  helper.accessor("accountName", {
    header: "Account",
    meta: { priority: "secondary", wrap: true },
    cell: (info) => <Link className="text-brand-700 hover:underline" href={`/accounts/${info.row.original.accountId}`}>{info.getValue()}</Link>,
  }),
  helper.accessor("ownerName", { header: "Owner", meta: { priority: "optional" } }),
  helper.accessor("handoffId", {
    header: "Handoff",
    meta: { priority: "optional" },
    cell: (info) => {
      const id = info.getValue();
      return id ? <Link className="text-brand-700 hover:underline" href={`/handoffs/${id}`}>Open handoff</Link> : "—";
    },
  }),
]);

export function DealsTable({ rows }: { rows: DealTableRow[] }) {
  return <DataTable caption="Deals" columns={columns} data={rows} sortable={["name", "stage", "amountCents", "closeDate"]} getRowId={(row) => row.id} emptyMessage="No deals match these filters." />;
}
