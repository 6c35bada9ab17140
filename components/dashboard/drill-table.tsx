"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";
import type { DrillColumn, DrillRow } from "@/lib/dashboard/drill-columns";
import { formatCell } from "@/lib/dashboard/format-cell";

const helper = createColumnHelper<Features, DrillRow>();
const NUMERIC = new Set(["cents", "int", "percent"]);

/** A drill-down table: columns come from the table's definition, sorting and paging from the URL (done in SQL). */
export function DrillTable({ caption, columns, rows, timezone }: { caption: string; columns: DrillColumn[]; rows: DrillRow[]; timezone: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const linkFor = (table: string, focus: string) => {
    const next = new URLSearchParams(search.toString());
    for (const key of ["page", "sort", "dir", "focus"]) next.delete(key);
    next.set("focus", focus);
    return `${pathname.replace(/[^/]+$/, table)}?${next.toString()}`;
  };
  const defs: ColumnDef<Features, DrillRow, any>[] = columns.map((column) =>
    helper.accessor((row) => row[column.key] ?? null, {
      id: column.key,
      header: column.label,
      cell: (info) => {
        const text = formatCell(column.kind, info.getValue(), timezone);
        const content = column.linkTo ? (
          <Link href={linkFor(column.linkTo, info.row.original.id)} className="underline">{text}</Link>
        ) : (
          text
        );
        return NUMERIC.has(column.kind) ? <span className="block text-right tabular-nums">{content}</span> : content;
      },
    }),
  );
  return (
    <DataTable
      caption={caption}
      columns={defs}
      data={rows}
      sortable={columns.filter((column) => column.sortable).map((column) => column.key)}
      getRowId={(row) => row.id}
      emptyMessage="No rows for this period and cut."
    />
  );
}
