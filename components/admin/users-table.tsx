"use client";

import { useState, useTransition } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";
import { setUserActiveAction } from "@/app/(app)/admin/users/actions";
import { UserRowActions } from "@/components/admin/user-row-actions";
import type { Role } from "@/lib/generated/prisma/enums";

export interface UserTableRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  roleLabel: string;
  active: boolean;
  managerName: string | null;
  createdAt: string;
}

const helper = createColumnHelper<Features, UserTableRow>();

function ActiveToggle({ row }: { row: UserTableRow }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
        aria-label={`${row.active ? "Deactivate" : "Activate"} ${row.name}`}
        onClick={() =>
          start(async () => {
            const result = await setUserActiveAction({ userId: row.id, active: !row.active });
            setError(result.ok ? null : result.error);
          })
        }
      >
        {row.active ? "Deactivate" : "Activate"}
      </button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}

const columns = helper.columns([
  helper.accessor("name", { header: "Name" }),
  helper.accessor("email", { header: "Email" }),
  helper.accessor("roleLabel", { id: "role", header: "Role" }),
  helper.accessor("managerName", { header: "Manager", cell: (info) => info.getValue() ?? "—" }),
  helper.accessor("active", {
    header: "Status",
    cell: (info) => (info.getValue() ? <span className="text-emerald-700">Active</span> : <span className="text-slate-500">Deactivated</span>),
  }),
  helper.accessor("createdAt", { header: "Created" }),
  helper.display({
    id: "actions",
    header: "Actions",
    cell: (info) => (
      <span className="inline-flex flex-wrap items-center gap-3">
        <ActiveToggle row={info.row.original} />
        <UserRowActions id={info.row.original.id} name={info.row.original.name} role={info.row.original.role} />
      </span>
    ),
  }),
]);

export function UsersTable({ rows }: { rows: UserTableRow[] }) {
  return (
    <DataTable caption="Users" columns={columns} data={rows} sortable={["name", "email", "role", "createdAt"]} getRowId={(row) => row.id} emptyMessage="No users match these filters." />
  );
}
