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
  helper.accessor("name", { header: "Account", cell: (info) => <Link className="text-brand-700 hover:underline" href={`/accounts/${info.row.original.id}`}>{info.getValue()}</Link> }),
  helper.accessor("segment", { header: "Segment" }),
  helper.accessor("arr", { id: "arrCents", header: "ARR" }),
  helper.accessor("health", { id: "healthScore", header: "Health" }),
  helper.accessor("usage", { header: "Usage" }),
  helper.accessor("csmName", { header: "CSM" }),
  helper.accessor("aeName", { header: "AE" }),
]);

export function AccountsTable({ rows }: { rows: AccountTableRow[] }) {
  return <DataTable caption="Accounts" columns={columns} data={rows} sortable={["name", "segment", "arrCents", "healthScore"]} getRowId={(row) => row.id} emptyMessage="No accounts match these filters." />;
}
