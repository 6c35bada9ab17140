import Link from "next/link";
import { CompleteTouchpointForm } from "@/components/book/complete-touchpoint-form";
import { formatDate } from "@/lib/format";
import { TOUCHPOINT_LABELS } from "@/lib/labels";
import type { BookTouchpoint } from "@/lib/server/touchpoints/get-book";
import { daysBetween } from "@/lib/dates";

export function TouchpointList({ title, rows, today, empty, done = false }: { title: string; rows: BookTouchpoint[]; today: Date; empty: string; done?: boolean }) {
  const id = `book-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white">
      <h2 id={id} className="border-b border-slate-100 px-4 py-3 font-semibold">
        {title} <span className="text-sm font-normal text-slate-500">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((row) => {
            const label = `${TOUCHPOINT_LABELS[row.type]} with ${row.accountName}`;
            const late = daysBetween(row.dueDate, today);
            return (
              <li key={row.id} className="px-4 py-3" aria-label={label}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <span className="font-medium">{TOUCHPOINT_LABELS[row.type]}</span> with{" "}
                    <Link href={`/accounts/${row.accountId}`} className="text-brand-700 hover:underline">{row.accountName}</Link>
                    {row.aeInvited ? <span className="ml-2 text-xs text-slate-500">(invite the AE)</span> : null}
                    {row.asapFlag ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800">as soon as possible</span> : null}
                  </p>
                  <p className={`text-sm ${!done && late > 0 ? "font-medium text-red-700" : "text-slate-600"}`}>
                    {done && row.completedAt ? `Done ${formatDate(row.completedAt)}` : `${formatDate(row.dueDate)}${late > 0 ? ` · ${late} days overdue` : ""}`}
                  </p>
                </div>
                {done ? (row.notes ? <p className="mt-1 text-sm text-slate-600">{row.notes}</p> : null) : <CompleteTouchpointForm touchpointId={row.id} label={label} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
