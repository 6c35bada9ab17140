"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

export function Pagination({ currentPage, totalPages, count }: { currentPage: number; totalPages: number; count: number }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const href = (page: number) => {
    const params = new URLSearchParams(search.toString());
    params.set("page", String(page));
    return `${pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        {count} {count === 1 ? "row" : "rows"} · page {currentPage} of {totalPages}
      </p>
      <div className="flex gap-2">
        {currentPage > 1 ? (
          <Link className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" href={href(currentPage - 1)}>
            Previous
          </Link>
        ) : null}
        {currentPage < totalPages ? (
          <Link className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" href={href(currentPage + 1)}>
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
