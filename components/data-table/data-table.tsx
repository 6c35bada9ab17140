"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { tableFeatures, useTable, type CellData, type ColumnDef, type RowData, type TableFeatures } from "@tanstack/react-table";
import { priorityClass, type ColumnPriority } from "@/components/ui/column-priority";
import { ScrollArea } from "@/components/ui/scroll-area";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TFeatures extends TableFeatures, TData extends RowData, TValue extends CellData = CellData> {
    /** Which screens show the column (see column-priority.ts); unset = always. */
    priority?: ColumnPriority;
    /** Long text that may wrap instead of widening the table. */
    wrap?: boolean;
  }
}

const features = tableFeatures({});
export type Features = typeof features;

export interface DataTableProps<Row extends RowData> {
  caption: string;
  columns: ColumnDef<Features, Row, any>[];
  data: Row[];
  /** Columns whose header links to a server-side sort (the URL's `sort` and `dir`). */
  sortable?: readonly string[];
  getRowId?: (row: Row) => string;
  emptyMessage?: string;
}

/**
 * The one table of the app. Sorting, filtering and paging happen in SQL; this renders the current page and
 * turns sortable headers into links that change the URL, so the view survives a reload and can be shared.
 */
export function DataTable<Row extends RowData>({ caption, columns, data, sortable = [], getRowId, emptyMessage }: DataTableProps<Row>) {
  const table = useTable({ features, columns, data, getRowId });
  const pathname = usePathname();
  const search = useSearchParams();
  const currentSort = search.get("sort");
  const currentDir = search.get("dir") === "desc" ? "desc" : "asc";

  function sortHref(columnId: string): string {
    const params = new URLSearchParams(search.toString());
    const dir = currentSort === columnId && currentDir === "asc" ? "desc" : "asc";
    params.set("sort", columnId);
    params.set("dir", dir);
    // A new order starts at its first page: a cursor names a place in the old one.
    for (const name of ["page", "after", "before"]) params.delete(name);
    return `${pathname}?${params.toString()}`;
  }

  return (
    <ScrollArea label={caption} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const sorted = currentSort === id ? currentDir : null;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className={`whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700 ${priorityClass(header.column.columnDef.meta?.priority)}`}
                  >
                    {header.isPlaceholder ? null : sortable.includes(id) ? (
                      <Link href={sortHref(id)} className="inline-flex items-center gap-1 hover:underline">
                        <table.FlexRender header={header} />
                        <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </Link>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-500">
                {emptyMessage ?? "Nothing to show."}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`px-3 py-2 ${cell.column.columnDef.meta?.wrap ? "min-w-32" : "whitespace-nowrap"} ${priorityClass(cell.column.columnDef.meta?.priority)}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollArea>
  );
}
