"use client";

import { useState, useTransition } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { revokeApiTokenAction } from "@/app/(app)/admin/api-tokens/actions";
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

function Revoke({ row }: { row: ApiTokenTableRow }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (row.status === "Revoked") return <span className="text-slate-400">—</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={`Revoke ${row.name}`}
        className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50"
        onClick={() =>
          start(async () => {
            const result = await revokeApiTokenAction({ tokenId: row.id });
            setError(result.ok ? null : result.error);
          })
        }
      >
        Revoke
      </button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}

const columns = helper.columns([
  helper.accessor("name", { header: "Name" }),
  helper.accessor("prefix", { header: "Starts with", cell: (info) => <code>{info.getValue()}…</code> }),
  helper.accessor("roleLabel", { header: "Role" }),
  helper.accessor("user", { header: "Acts as" }),
  helper.accessor("createdAt", { header: "Created" }),
  helper.accessor("lastUsedAt", { header: "Last used" }),
  helper.accessor("status", { header: "Status" }),
  helper.display({ id: "actions", header: "Actions", cell: (info) => <Revoke row={info.row.original} /> }),
]);

export function ApiTokensTable({ rows }: { rows: ApiTokenTableRow[] }) {
  return <DataTable caption="API tokens" columns={columns} data={rows} sortable={["name", "createdAt", "lastUsedAt"]} getRowId={(row) => row.id} emptyMessage="No tokens yet." />;
}
