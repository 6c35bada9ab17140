"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { revokeApiTokenAction } from "@/components/admin/api-token-actions";
import { DataTable, type Features } from "@/components/data-table/data-table";

export interface ApiTokenTableRow {
  id: string;
  name: string;
  prefix: string;
  roleLabel: string;
  user: string;
  createdAt: string;
  lastUsedAt: string;
  status: "Active" | "Revoked" | "User deactivated";
}

const helper = createColumnHelper<Features, ApiTokenTableRow>();

/** Revoking cannot be undone (a revoked secret never works again), so it asks first. */
function Revoke({ row }: { row: ApiTokenTableRow }) {
  const router = useRouter();
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (row.status === "Revoked") return <span className="text-slate-600">—</span>;
  const revoke = async () => {
    const sure = await confirm({
      title: `Revoke the token “${row.name}”?`,
      body: (
        <>
          <p>Anything using it ({row.user}) is refused with 401 from the next request on.</p>
          <p className="mt-2">This cannot be undone: to reconnect, create a new token and give it the new secret.</p>
        </>
      ),
      confirmLabel: "Revoke token",
    });
    if (!sure) return;
    start(async () => {
      const result = await revokeApiTokenAction({ tokenId: row.id });
      setError(result.ok ? null : result.error);
      if (result.ok) {
        router.refresh();
        toast({ message: `Token “${row.name}” revoked.` });
      }
    });
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={`Revoke ${row.name}`}
        className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50"
        onClick={revoke}
      >
        Revoke
      </button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
      {dialog}
    </span>
  );
}

const columns = helper.columns([
  helper.accessor("name", { header: "Name", meta: { wrap: true } }),
  helper.accessor("prefix", { header: "Starts with", meta: { priority: "optional" }, cell: (info) => <code>{info.getValue()}…</code> }),
  helper.accessor("roleLabel", { header: "Role", meta: { priority: "secondary" } }),
  helper.accessor("user", { header: "Acts as", meta: { priority: "secondary", wrap: true } }),
  helper.accessor("createdAt", { header: "Created", meta: { priority: "optional" } }),
  helper.accessor("lastUsedAt", { header: "Last used", meta: { priority: "secondary" } }),
  helper.accessor("status", { header: "Status" }),
  helper.display({ id: "actions", header: "Actions", cell: (info) => <Revoke row={info.row.original} /> }),
]);

export function ApiTokensTable({ rows }: { rows: ApiTokenTableRow[] }) {
  return <DataTable caption="API tokens" columns={columns} data={rows} sortable={["name", "createdAt", "lastUsedAt"]} getRowId={(row) => row.id} emptyMessage="No tokens yet." />;
}
