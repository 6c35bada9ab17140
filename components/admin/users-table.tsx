"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { DataTable, type Features } from "@/components/data-table/data-table";
import { setUserActiveAction } from "@/components/admin/user-active-actions";
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

/**
 * Deactivating signs the person out on their next request and stops their API tokens, so it asks first; the toast
 * offers to undo it (reactivating restores both). Activating needs no question.
 */
function ActiveToggle({ row }: { row: UserTableRow }) {
  const router = useRouter();
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const setActive = (active: boolean) =>
    new Promise<boolean>((resolve) =>
      start(async () => {
        const result = await setUserActiveAction({ userId: row.id, active });
        setError(result.ok ? null : result.error);
        if (result.ok) router.refresh();
        resolve(result.ok);
      }),
    );

  const onClick = async () => {
    if (!row.active) {
      if (await setActive(true)) toast({ message: `${row.name} is active again.` });
      return;
    }
    const sure = await confirm({
      title: `Deactivate ${row.name}?`,
      body: (
        <p>
          {row.name} ({row.email}) is signed out on their next page or API call and can no longer sign in. Their API tokens stop
          working. Accounts and records they own stay as they are.
        </p>
      ),
      confirmLabel: "Deactivate user",
    });
    if (!sure) return;
    if (await setActive(false)) {
      toast({
        message: `${row.name} deactivated.`,
        action: {
          label: "Undo",
          run: async () => {
            if (await setActive(true)) toast({ message: `${row.name} is active again.` });
          },
        },
      });
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
        aria-label={`${row.active ? "Deactivate" : "Activate"} ${row.name}`}
        onClick={onClick}
      >
        {row.active ? "Deactivate" : "Activate"}
      </button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
      {dialog}
    </span>
  );
}

const columns = helper.columns([
  helper.accessor("name", { header: "Name" }),
  helper.accessor("email", { header: "Email", meta: { priority: "secondary" } }),
  helper.accessor("roleLabel", { id: "role", header: "Role" }),
  helper.accessor("managerName", { header: "Manager", meta: { priority: "optional" }, cell: (info) => info.getValue() ?? "—" }),
  helper.accessor("active", {
    header: "Status",
    cell: (info) => (info.getValue() ? <span className="text-emerald-700">Active</span> : <span className="text-slate-600">Deactivated</span>),
  }),
  helper.accessor("createdAt", { header: "Created", meta: { priority: "optional" } }),
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
