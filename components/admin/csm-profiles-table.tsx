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
    cell: (info) => {
      // The name a screen reader hears starts with the word on screen ("Create" for a CSM with no profile yet).
      const action = info.row.original.hasProfile ? "Edit" : "Create";
      return (
        <Link href={`/admin/csm-profiles/${info.row.original.userId}`} className="text-brand-700 hover:underline" aria-label={`${action} the profile of ${info.row.original.name}`}>
          {action}
        </Link>
      );
    },
  }),
]);

export function CsmProfilesTable({ rows }: { rows: CsmProfileTableRow[] }) {
  return <DataTable caption="CSM profiles" columns={columns} data={rows} sortable={["name", "email"]} getRowId={(row) => row.userId} emptyMessage="No CSMs match." />;
}
