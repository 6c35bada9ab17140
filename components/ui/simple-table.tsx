import { ScrollArea } from "@/components/ui/scroll-area";
import { priorityClass, type ColumnPriority } from "@/components/ui/column-priority";

export type SimpleHeader = string | { label: string; priority?: ColumnPriority };

/** A small read-only table (home pages, panels). Low-priority columns give way on narrow screens. */
export function SimpleTable({ caption, headers, rows }: { caption: string; headers: SimpleHeader[]; rows: React.ReactNode[][] }) {
  const columns = headers.map((header) => (typeof header === "string" ? { label: header, priority: undefined } : header));
  return (
    <ScrollArea label={caption}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left text-slate-600">
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`whitespace-nowrap px-2 py-1 font-medium ${priorityClass(column.priority)}`}>{column.label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((cells, index) => (
            <tr key={index}>
              {cells.map((cell, cellIndex) => (
                <td key={cellIndex} className={`px-2 py-1.5 ${priorityClass(columns[cellIndex]?.priority)}`}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
