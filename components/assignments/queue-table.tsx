"use client";

import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";
import { Button } from "@/components/ui/button";
import { approveTopSuggestionsAction } from "@/components/assignments/actions";

export interface QueueTableRow {
  id: string;
  accountName: string;
  handoffType: string;
  arr: string;
  segment: string;
  topCsmId: string | null;
  topCsmName: string | null;
  score: string | null;
  timeLeft: string;
  overdue: boolean;
}

type Outcome = { assignmentId: string; accountName: string; ok: boolean; text: string };

const helper = createColumnHelper<Features, QueueTableRow>();

function buildColumns(selected: ReadonlySet<string>, toggle: (id: string) => void, toggleAll: () => void, allSelected: boolean) {
  return helper.columns([
    helper.display({
      id: "select",
      header: () => (
        <input type="checkbox" aria-label="Select all rows on this page" checked={allSelected} onChange={toggleAll} className="h-4 w-4" />
      ),
      cell: (info) => (
        <input
          type="checkbox"
          aria-label={`Select ${info.row.original.accountName}`}
          checked={selected.has(info.row.original.id)}
          onChange={() => toggle(info.row.original.id)}
          className="h-4 w-4"
        />
      ),
    }),
    helper.accessor("accountName", {
      id: "account",
      header: "Account",
      meta: { wrap: true },
      cell: (info) => (
        <span>
          <Link href={`/assignments/${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
            {info.getValue()}
          </Link>
          <span className="block text-xs text-slate-600">{info.row.original.handoffType}</span>
        </span>
      ),
    }),
    helper.accessor("timeLeft", {
      id: "timeLeft",
      header: "72-hour clock",
      cell: (info) => <span className={info.row.original.overdue ? "font-semibold text-red-700" : ""}>{info.getValue()}</span>,
    }),
    helper.accessor("arr", { id: "arr", header: "ARR", meta: { priority: "secondary" } }),
    helper.accessor("segment", { id: "segment", header: "Segment", meta: { priority: "optional" } }),
    helper.accessor("topCsmName", {
      id: "candidate",
      header: "Top candidate",
      meta: { priority: "secondary" },
      cell: (info) => info.getValue() ?? <span className="font-medium text-red-700">No eligible CSM</span>,
    }),
    helper.accessor("score", { id: "score", header: "Score", meta: { priority: "optional" }, cell: (info) => info.getValue() ?? "—" }),
  ]);
}

/** The review queue with row selection and bulk "Approve top suggestion" (each row its own transaction). */
export function QueueTable({ rows }: { rows: QueueTableRow[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const visible = useMemo(() => new Set(rows.map((row) => row.id)), [rows]);
  const chosen = rows.filter((row) => selected.has(row.id));
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const columns = useMemo(() => {
    const toggle = (id: string) =>
      setSelected((current) => {
        const next = new Set([...current].filter((entry) => visible.has(entry)));
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    const toggleAll = () => setSelected(allSelected ? new Set() : new Set(visible));
    return buildColumns(selected, toggle, toggleAll, allSelected);
  }, [selected, visible, allSelected]);

  function approveSelected() {
    const names = new Map(chosen.map((row) => [row.id, row.accountName]));
    const items = chosen.map((row) => (row.topCsmId ? { assignmentId: row.id, expectedCsmId: row.topCsmId } : { assignmentId: row.id }));
    start(async () => {
      const result = await approveTopSuggestionsAction({ items });
      if (!result.ok) {
        setError(result.error);
        setOutcomes([]);
        return;
      }
      setError(null);
      setOutcomes(
        result.data.map((row) => ({
          assignmentId: row.assignmentId,
          accountName: names.get(row.assignmentId) ?? row.assignmentId,
          ok: row.ok,
          text: row.ok ? `approved — ${row.csmName} is the CSM` : row.error,
        })),
      );
      setSelected(new Set());
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={approveSelected} disabled={pending || chosen.length === 0}>
          {pending ? "Approving…" : `Approve top suggestion${chosen.length > 0 ? ` (${chosen.length})` : ""}`}
        </Button>
        <span className="text-sm text-slate-600">{chosen.length === 0 ? "Select rows to approve their top candidate." : `${chosen.length} selected`}</span>
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
      ) : null}
      {outcomes.length > 0 ? (
        <div role="status" aria-label="Bulk approval results" className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
          <p className="font-medium">{outcomes.filter((row) => row.ok).length} of {outcomes.length} approved</p>
          <ul className="mt-1 space-y-0.5">
            {outcomes.map((row) => (
              <li key={row.assignmentId} className={row.ok ? "text-emerald-800" : "text-red-800"}>
                {row.accountName}: {row.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <DataTable
        caption="CSM assignments awaiting review"
        columns={columns}
        data={rows}
        sortable={["account", "arr", "segment", "candidate", "score", "timeLeft"]}
        getRowId={(row) => row.id}
        emptyMessage="No handoffs are waiting for a CSM assignment with these filters."
      />
    </div>
  );
}
