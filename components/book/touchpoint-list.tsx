import Link from "next/link";
import { CompleteTouchpointForm } from "@/components/book/complete-touchpoint-form";
import { formatDate } from "@/lib/format";
import { TOUCHPOINT_LABELS } from "@/lib/labels";
import { BOOK_EXPANDED_ROWS, BOOK_LIST_ROWS, type BookList, type BookTouchpoint } from "@/lib/server/touchpoints/get-book";
import { daysBetween } from "@/lib/dates";

const count = (n: number) => n.toLocaleString("en-US");

interface ListOfMany {
  name: BookList;
  /** Every touchpoint of the list, shown or not. */
  total: number;
  expanded: boolean;
}

export function TouchpointList({ title, rows, today, empty, done = false, list }: { title: string; rows: BookTouchpoint[]; today: Date; empty: string; done?: boolean; list?: ListOfMany }) {
  const id = `book-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white">
      <h2 id={id} className="border-b border-slate-100 px-4 py-3 font-semibold">
        {title} <span className="text-sm font-normal text-slate-500">({count(list?.total ?? rows.length)})</span>
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
      {list ? <ListFooter id={id} shown={rows.length} list={list} /> : null}
    </section>
  );
}

const ORDER: Record<BookList, string> = { overdue: "most overdue first", upcoming: "soonest first" };

/** Says when a list shows only its first rows, and opens it in full (or back to its first rows). */
function ListFooter({ id, shown, list }: { id: string; shown: number; list: ListOfMany }) {
  const link = "text-brand-700 hover:underline";
  const more = list.total > BOOK_EXPANDED_ROWS ? `Show the first ${count(BOOK_EXPANDED_ROWS)}` : `Show all ${count(list.total)}`;
  if (shown >= list.total && !(list.expanded && list.total > BOOK_LIST_ROWS)) return null;
  return (
    <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
      {shown < list.total ? `Showing the first ${count(shown)} of ${count(list.total)}, ${ORDER[list.name]}. ` : null}
      {list.expanded ? (
        <Link href={`/book#${id}`} className={link}>Show fewer</Link>
      ) : (
        <Link href={`/book?show=${list.name}#${id}`} className={link}>{more}</Link>
      )}
    </p>
  );
}
