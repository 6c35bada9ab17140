"use client";

import { useEffect, useRef } from "react";

const NARROW = "(max-width: 639px)";

/**
 * A list's filters: always open on a laptop; on a phone folded behind one "Filters" line (open when a filter is
 * set), so the list itself is on the first screen.
 */
export function CollapsibleFilters({ active = 0, children }: { active?: number; children: React.ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const element = details.current;
    if (element && window.matchMedia(NARROW).matches && active === 0) element.open = false;
  }, [active]);
  return (
    <details ref={details} open className="group mb-3">
      <summary className="mb-2 inline-flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm sm:hidden">
        Filters{active > 0 ? ` (${active} set)` : ""}
        <span aria-hidden className="group-open:rotate-180">▾</span>
      </summary>
      {children}
    </details>
  );
}
