"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const CURSORS = ["after", "before"] as const;

/**
 * Previous / Next links that keep the rest of the URL. With `cursors` (a keyset-paged list, lib/keyset.ts) they carry
 * the cursor of the page's first or last row, and `page` only numbers the page; page 1 is the plain URL.
 */
export function Pagination({ currentPage, totalPages, count, cursors }: { currentPage: number; totalPages: number; count: number; cursors?: { previous: string | null; next: string | null } }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const href = (page: number, cursor?: { name: (typeof CURSORS)[number]; value: string }) => {
    const params = new URLSearchParams(search.toString());
    for (const name of CURSORS) params.delete(name);
    if (cursor && page > 1) params.set(cursor.name, cursor.value);
    if (page > 1 || !cursors) params.set("page", String(page));
    else params.delete("page");
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const previous = cursors ? (currentPage > 1 ? href(currentPage - 1, cursors.previous ? { name: "before", value: cursors.previous } : undefined) : null) : currentPage > 1 ? href(currentPage - 1) : null;
  const next = cursors ? (cursors.next ? href(currentPage + 1, { name: "after", value: cursors.next }) : null) : currentPage < totalPages ? href(currentPage + 1) : null;
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        {count} {count === 1 ? "row" : "rows"} · page {currentPage} of {totalPages}
      </p>
      <div className="flex gap-2">
        {previous ? (
          <Link className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" href={previous}>
            Previous
          </Link>
        ) : null}
        {next ? (
          <Link className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" href={next}>
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
