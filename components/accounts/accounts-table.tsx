"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";

export interface AccountTableRow {
  id: string;
  name: string;
  segment: string;
  arr: string;
  health: string;
  usage: string;
  csmName: string;
  aeName: string;
}

const helper = createColumnHelper<Features, AccountTableRow>();

const columns = helper.columns([
  helper.accessor("name", {
    header: "Account",
    meta: { wrap: true },
    cell: (info) => <Link className="text-brand-700 hover:underline" href={`/accounts/${info.row.original.id}`}>{info.getValue()}</Link>,
  }),
  helper.accessor("health", { id: "healthScore", header: "Health" }),
  helper.accessor("arr", { id: "arrCents", header: "ARR" }),
  helper.accessor("csmName", { header: "CSM", meta: { priority: "secondary" } }),
  helper.accessor("segment", { header: "Segment", meta: { priority: "optional" } }),
  helper.accessor("usage", { header: "Usage", meta: { priority: "optional" } }),
  helper.accessor("aeName", { header: "AE", meta: { priority: "optional" } }),
]);

export function AccountsTable({ rows }: { rows: AccountTableRow[] }) {
  return <DataTable caption="Accounts" columns={columns} data={rows} sortable={["name", "segment", "arrCents", "healthScore"]} getRowId={(row) => row.id} emptyMessage="No accounts match these filters." />;
}
