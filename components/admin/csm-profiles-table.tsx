"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";

export interface CsmProfileTableRow {
  userId: string;
  name: string;
  email: string;
  tier: string;
  limits: string;
  region: string;
  certifications: number;
  hasProfile: boolean;
}

const helper = createColumnHelper<Features, CsmProfileTableRow>();

const columns = helper.columns([
  helper.accessor("name", { header: "Name" }),
  helper.accessor("email", { header: "Email" }),
  helper.accessor("tier", { header: "Tier" }),
  helper.accessor("limits", { header: "Limits" }),
  helper.accessor("region", { header: "Region" }),
  helper.accessor("certifications", { header: "Certifications" }),
  helper.display({
    id: "edit",
    header: "Profile",
    cell: (info) => (
      <Link href={`/admin/csm-profiles/${info.row.original.userId}`} className="text-brand-700 hover:underline" aria-label={`Edit the profile of ${info.row.original.name}`}>
        {info.row.original.hasProfile ? "Edit" : "Create"}
      </Link>
    ),
  }),
]);

export function CsmProfilesTable({ rows }: { rows: CsmProfileTableRow[] }) {
  return <DataTable caption="CSM profiles" columns={columns} data={rows} sortable={["name", "email"]} getRowId={(row) => row.userId} emptyMessage="No CSMs match." />;
}
